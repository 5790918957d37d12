import { describe, expect, it } from 'vitest';
import { formatInteger, formatLongDate, formatMonthLong, formatPercent, formatSigned } from './format.ts';

describe('es-MX formatting', () => {
  it('writes dates as calendar dates, whatever the machine time zone', () => {
    expect(formatLongDate('2016-09-30')).toBe('30 de septiembre de 2016');
    expect(formatLongDate('2022-01-01')).toBe('1 de enero de 2022');
    expect(formatMonthLong('2016-09')).toBe('septiembre de 2016');
  });

  it('groups thousands with commas (es-MX) and signs changes', () => {
    expect(formatInteger(132692)).toBe('132,692');
    expect(formatSigned(-3)).toBe('-3');
    expect(formatSigned(12)).toBe('+12');
    expect(formatPercent(-3.2258)).toBe('-3.2 %');
    expect(formatPercent(null)).toBe('—');
  });
});
