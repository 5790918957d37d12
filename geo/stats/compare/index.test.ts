import { describe, expect, it } from 'vitest';
import { comparePeriods, precedingPeriod, ratePer100k, sameMonthsYearEarlier } from './index.ts';
import { StatsInputError } from '../errors.ts';

describe('comparePeriods', () => {
  it('worked example: 30 against 40 in an area of 25,000 inhabitants', () => {
    // diff −10; pct (30 − 40)/40 = −25 %; rates 30·100000/25000 = 120 and 160 per 100,000.
    expect(comparePeriods(30, 40, 25_000)).toEqual({
      count: 30,
      reference_count: 40,
      diff: -10,
      pct_change: -25,
      rate: 120,
      reference_rate: 160,
    });
  });
  it('reference 0 → pct null; population null or 0 → rates null', () => {
    expect(comparePeriods(3, 0, null)).toEqual({
      count: 3,
      reference_count: 0,
      diff: 3,
      pct_change: null,
      rate: null,
      reference_rate: null,
    });
    expect(comparePeriods(3, 0, 0).rate).toBeNull();
    expect(comparePeriods(0, 0).pct_change).toBeNull();
    expect(ratePer100k(7, undefined)).toBeNull();
  });
  it('rejects negative or non-finite counts', () => {
    expect(() => comparePeriods(-1, 2)).toThrow(StatsInputError);
    expect(() => comparePeriods(1, NaN)).toThrow(StatsInputError);
  });
});

describe('reference periods', () => {
  it('same months a year earlier, leap day included', () => {
    expect(sameMonthsYearEarlier({ from: '2016-01-01', to: '2016-04-01' })).toEqual({
      from: '2015-01-01',
      to: '2015-04-01',
    });
    expect(sameMonthsYearEarlier({ from: '2016-02-01', to: '2016-03-01' })).toEqual({
      from: '2015-02-01',
      to: '2015-03-01',
    });
    expect(sameMonthsYearEarlier({ from: '2016-02-29', to: '2016-03-01' })).toEqual({
      from: '2015-02-28',
      to: '2015-03-01',
    });
    expect(sameMonthsYearEarlier({ from: '2016-02-10', to: '2016-02-29' })).toEqual({
      from: '2015-02-10',
      to: '2015-03-01',
    });
  });
  it('preceding period: whole months or days', () => {
    expect(precedingPeriod({ from: '2016-01-01', to: '2016-04-01' })).toEqual({ from: '2015-10-01', to: '2016-01-01' });
    expect(precedingPeriod({ from: '2016-03-01', to: '2016-04-01' })).toEqual({ from: '2016-02-01', to: '2016-03-01' });
    // 14 days before 2016-03-05 → 2016-02-20 (2016 is a leap year: 29 February counts)
    expect(precedingPeriod({ from: '2016-03-05', to: '2016-03-19' })).toEqual({ from: '2016-02-20', to: '2016-03-05' });
  });
  it('rejects bad dates and empty ranges', () => {
    expect(() => sameMonthsYearEarlier({ from: '2015-02-29', to: '2015-03-01' })).toThrow(StatsInputError);
    expect(() => precedingPeriod({ from: '2016-03-01', to: '2016-03-01' })).toThrow(/empty range/);
  });
});
