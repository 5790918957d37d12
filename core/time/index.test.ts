import { describe, expect, it } from 'vitest';
import { isoDayOfWeek, localToUtc, parseDate, parseTime } from './index.ts';

describe('parseDate', () => {
  it('reads ISO and dd/mm/yyyy dates and rejects impossible ones', () => {
    expect(parseDate('2013-01-01', 'yyyy-mm-dd')).toEqual({ year: 2013, month: 1, day: 1 });
    expect(parseDate('2019-01-04 19:30:00', 'yyyy-mm-dd')).toEqual({ year: 2019, month: 1, day: 4 });
    expect(parseDate('04/01/2019', 'dd/mm/yyyy')).toEqual({ year: 2019, month: 1, day: 4 });
    for (const bad of ['2013-13-45', '2015-02-29', '', 'NA', '2013/01/01'])
      expect(parseDate(bad, 'yyyy-mm-dd'), bad).toBeNull();
    expect(parseDate('31/04/2020', 'dd/mm/yyyy')).toBeNull();
  });
});

describe('parseTime', () => {
  it('reads HH:MM[:SS] and seconds since midnight; invalid hours give null', () => {
    expect(parseTime('10:07', 'hh:mm')).toEqual({ hour: 10, minute: 7, second: 0 });
    expect(parseTime('23:10:05', 'hh:mm')).toEqual({ hour: 23, minute: 10, second: 5 });
    expect(parseTime('70200.0', 'seconds')).toEqual({ hour: 19, minute: 30, second: 0 });
    expect(parseTime('43.0', 'seconds')).toEqual({ hour: 0, minute: 0, second: 43 });
    for (const bad of ['21510', '24:00', '12:60', '']) expect(parseTime(bad, 'hh:mm'), bad).toBeNull();
    for (const bad of ['86400', '90000.0', '-5', 'x']) expect(parseTime(bad, 'seconds'), bad).toBeNull();
  });
});

describe('localToUtc (America/Mexico_City)', () => {
  const at = (y: number, mo: number, d: number, h: number, mi = 0) =>
    localToUtc({ year: y, month: mo, day: d }, { hour: h, minute: mi, second: 0 }).toISOString();
  it('uses −06:00 in winter and −05:00 in summer while DST existed (until October 2022)', () => {
    expect(at(2013, 1, 1, 10, 7)).toBe('2013-01-01T16:07:00.000Z');
    expect(at(2015, 7, 15, 12)).toBe('2015-07-15T17:00:00.000Z');
    expect(at(2021, 7, 4, 23, 10)).toBe('2021-07-05T04:10:00.000Z');
  });
  it('uses −06:00 all year after DST was abolished', () => {
    expect(at(2023, 7, 4, 23, 10)).toBe('2023-07-05T05:10:00.000Z');
  });
  it('handles the transition days (2021: DST from 4 April 02:00 to 31 October 02:00)', () => {
    expect(at(2021, 4, 4, 1, 30)).toBe('2021-04-04T07:30:00.000Z'); // still CST
    expect(at(2021, 4, 4, 3, 30)).toBe('2021-04-04T08:30:00.000Z'); // CDT
    expect(at(2021, 10, 31, 0, 30)).toBe('2021-10-31T05:30:00.000Z'); // CDT
    expect(at(2021, 10, 31, 3, 0)).toBe('2021-10-31T09:00:00.000Z'); // CST again
  });
  it('numbers ISO weekdays from Monday = 1', () => {
    expect(isoDayOfWeek({ year: 2013, month: 1, day: 1 })).toBe(2); // a Tuesday
    expect(isoDayOfWeek({ year: 2023, month: 7, day: 2 })).toBe(7); // a Sunday
  });
});
