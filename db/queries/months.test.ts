import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isCalendarDate, monthsInRange, nextMonthStart } from './months.ts';

describe('isCalendarDate', () => {
  it('accepts real dates, leap days included', () => {
    for (const d of ['2013-01-01', '2016-02-29', '2000-02-29', '2023-12-31']) expect(isCalendarDate(d)).toBe(true);
  });
  it('rejects impossible or badly written dates', () => {
    for (const d of [
      '2015-02-29',
      '1900-02-29',
      '2023-13-01',
      '2023-00-10',
      '2023-04-31',
      '2023-1-01',
      '20230101',
      '2023-01-01T00:00',
      '',
    ]) {
      expect(isCalendarDate(d), d).toBe(false);
    }
  });
});

describe('monthsInRange', () => {
  it('lists every month overlapping [from, to)', () => {
    expect(monthsInRange('2015-11-01', '2016-03-01')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
  });
  it('includes partial months at both ends, and excludes the month of `to` when `to` is its first day', () => {
    expect(monthsInRange('2015-11-15', '2016-01-02')).toEqual(['2015-11', '2015-12', '2016-01']);
    expect(monthsInRange('2015-11-15', '2015-11-16')).toEqual(['2015-11']);
  });
  it('is empty for an empty range', () => {
    expect(monthsInRange('2016-01-01', '2016-01-01')).toEqual([]);
  });
  it('spans 45 months for the SSC file range', () => {
    expect(monthsInRange('2013-01-01', '2016-10-01')).toHaveLength(45);
  });
});

describe('day arithmetic', () => {
  it('shifts across month and leap-year boundaries', () => {
    expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
    expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
    expect(daysBetween('2016-01-01', '2017-01-01')).toBe(366);
    expect(nextMonthStart('2016-12')).toBe('2017-01-01');
    expect(nextMonthStart('2016-02-15')).toBe('2016-03-01');
  });
});
