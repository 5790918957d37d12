import { describe, expect, it } from 'vitest';
import {
  formatCount,
  formatDataUntil,
  formatInteger,
  formatLongDate,
  formatMonthLong,
  formatPercent,
  formatSigned,
} from './format.ts';

describe('es-MX formatting', () => {
  it('writes dates as calendar dates, whatever the machine time zone', () => {
    expect(formatLongDate('2016-09-30')).toBe('30 de septiembre de 2016');
    expect(formatLongDate('2022-01-01')).toBe('1 de enero de 2022');
    expect(formatMonthLong('2016-09')).toBe('septiembre de 2016');
    // after "Datos al": a day for callers with detail, the month for the public
    expect(formatDataUntil('2016-09-30')).toBe('30 de septiembre de 2016');
    expect(formatDataUntil('2016-09')).toBe('mes de septiembre de 2016');
  });

  it('groups thousands with commas (es-MX) and signs changes', () => {
    expect(formatInteger(132692)).toBe('132,692');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(12)).toBe('+12');
    expect(formatPercent(-3.2258)).toBe('-3.2 %');
    expect(formatPercent(null)).toBe('—');
  });
});

describe('withheld counts', () => {
  it('writes only a withheld (null) count as "dato reservado"; a zero says zero', () => {
    expect(formatCount(null)).toBe('dato reservado');
    expect(formatCount(undefined)).toBe('dato reservado');
    expect(formatCount(0)).toBe('0');
    expect(formatCount(3)).toBe('3');
    expect(formatCount(1234)).toBe(formatInteger(1234));
  });
});
