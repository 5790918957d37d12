import { describe, expect, it } from 'vitest';
import { addMonths, countIn, denseSeries, isCovered, monthsBefore, monthsBetween } from './index.ts';
import { StatsInputError } from '../errors.ts';

describe('months', () => {
  it('shifts across year boundaries', () => {
    expect(addMonths('2016-01', -1)).toBe('2015-12');
    expect(addMonths('2015-12', 1)).toBe('2016-01');
    expect(addMonths('2016-03', -36)).toBe('2013-03');
  });
  it('lists the 36 months before a month, oldest first', () => {
    const m = monthsBefore('2016-01', 36);
    expect(m).toHaveLength(36);
    expect(m[0]).toBe('2013-01');
    expect(m[35]).toBe('2015-12');
  });
  it('half-open ranges', () => {
    expect(monthsBetween('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01']);
    expect(monthsBetween('2016-02', '2016-02')).toEqual([]);
  });
  it('dense series fill missing months with zeros', () => {
    const counts = new Map([['2015-12', 4]]);
    expect(denseSeries(counts, ['2015-11', '2015-12', '2016-01'])).toEqual([0, 4, 0]);
    expect(denseSeries({ '2015-11': 2 }, ['2015-11', '2015-12'])).toEqual([2, 0]);
  });
  it('coverage by range (half-open) or by set', () => {
    const range = { from: '2013-01', to: '2016-02' };
    expect(isCovered(range, '2013-01')).toBe(true);
    expect(isCovered(range, '2016-01')).toBe(true);
    expect(isCovered(range, '2016-02')).toBe(false);
    expect(isCovered(new Set(['2014-05']), '2014-05')).toBe(true);
  });
  it('rejects malformed months and counts', () => {
    expect(() => addMonths('2016-13', 1)).toThrow(StatsInputError);
    expect(() => addMonths('2016-1', 1)).toThrow(/YYYY-MM/);
    expect(() => countIn({ '2016-01': -1 }, '2016-01')).toThrow(StatsInputError);
  });
});
