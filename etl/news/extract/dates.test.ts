/**
 * Expected offsets come from Mexican law, not from the code: Mexico City observed daylight
 * saving time (UTC-05:00) from the first Sunday of April to the last Sunday of October until
 * 2022; the "Ley de los Husos Horarios" (DOF 2022-10-28) abolished it, so from 30 Oct 2022 on
 * the city is UTC-06:00 all year.
 */
import { describe, expect, it } from 'vitest';
import { normalizeIsoDate, parseSpanishDate } from './dates.ts';

describe('parseSpanishDate', () => {
  it('reads the forms Mexican newsrooms print', () => {
    expect(parseSpanishDate('20 de octubre de 2025, 10:35')).toBe('2025-10-20T10:35:00-06:00');
    expect(parseSpanishDate('PACHUCA, Hgo., 15 de octubre de 2025.- La búsqueda')).toBe('2025-10-15T00:00:00-06:00');
    expect(parseSpanishDate('20/10/2025')).toBe('2025-10-20T00:00:00-06:00');
    expect(parseSpanishDate('15/10/2025 · 10:20 hs')).toBe('2025-10-15T10:20:00-06:00');
    expect(parseSpanishDate('06 / octubre / 2025 | 14:09 hrs.')).toBe('2025-10-06T14:09:00-06:00');
    expect(parseSpanishDate('Octubre 6, 2025')).toBe('2025-10-06T00:00:00-06:00');
    expect(parseSpanishDate('15 Octubre 2025, 9:16')).toBe('2025-10-15T09:16:00-06:00');
    expect(parseSpanishDate('martes 3 de sept. de 2024 a las 8:05 p. m.')).toBe('2024-09-03T20:05:00-06:00');
    expect(parseSpanishDate('1 de enero del 2024, 12:30 a.m.')).toBe('2024-01-01T00:30:00-06:00');
  });

  it('uses the daylight-saving offset only where Mexico City still had it', () => {
    expect(parseSpanishDate('20 de julio de 2021, 10:35')).toBe('2021-07-20T10:35:00-05:00');
    expect(parseSpanishDate('20 de julio de 2023, 10:35')).toBe('2023-07-20T10:35:00-06:00');
    // 2022: DST ran until Sunday 30 October, 02:00 local.
    expect(parseSpanishDate('29 de octubre de 2022, 12:00')).toBe('2022-10-29T12:00:00-05:00');
    expect(parseSpanishDate('31 de octubre de 2022, 12:00')).toBe('2022-10-31T12:00:00-06:00');
    // 2021: DST began Sunday 4 April.
    expect(parseSpanishDate('3 de abril de 2021, 12:00')).toBe('2021-04-03T12:00:00-06:00');
    expect(parseSpanishDate('5 de abril de 2021, 12:00')).toBe('2021-04-05T12:00:00-05:00');
  });

  it('rejects impossible dates and text without a date', () => {
    expect(parseSpanishDate('31 de febrero de 2025')).toBeNull();
    expect(parseSpanishDate('32/10/2025')).toBeNull();
    expect(parseSpanishDate('20 de octubre de 2025, 25:10')).toBeNull();
    expect(parseSpanishDate('sin fecha')).toBeNull();
  });
});

describe('normalizeIsoDate', () => {
  it('keeps a stated offset and reads a bare stamp as Mexico City time', () => {
    expect(normalizeIsoDate('2025-10-15T10:33:43-06:00')).toBe('2025-10-15T10:33:43-06:00');
    expect(normalizeIsoDate('2025-10-15T10:20:00')).toBe('2025-10-15T10:20:00-06:00');
    expect(normalizeIsoDate('2021-07-01T10:20')).toBe('2021-07-01T10:20:00-05:00');
    expect(normalizeIsoDate('2025-10-15')).toBe('2025-10-15T00:00:00-06:00');
  });

  it('re-expresses UTC in Mexico City time', () => {
    // 19:52:56Z on 6 Oct 2025 is 13:52:56 in Mexico City (the dateline El Universal shows as 13:52).
    expect(normalizeIsoDate('2025-10-06T19:52:56.604Z')).toBe('2025-10-06T13:52:56-06:00');
    expect(normalizeIsoDate('2025-10-15T16:33:43+00:00')).toBe('2025-10-15T16:33:43+00:00');
  });

  it('rejects what is not an ISO stamp or not a real date', () => {
    expect(normalizeIsoDate('15/10/2025 15:08:00')).toBeNull();
    expect(normalizeIsoDate('2025-02-30T10:00:00Z')).toBeNull();
    expect(normalizeIsoDate('ayer')).toBeNull();
  });
});
