import { describe, expect, it } from 'vitest';
import { defaultPeriod, monthsBetween, monthsToRange, previousPeriod } from './months.ts';

describe('months', () => {
  it('turns an inclusive month range into a half-open date range', () => {
    expect(monthsToRange('2015-10', '2016-09')).toEqual({ from: '2015-10-01', to: '2016-10-01' });
    expect(monthsToRange('2016-12', '2016-12')).toEqual({ from: '2016-12-01', to: '2017-01-01' });
  });

  it('defaults to the last 12 full months before data_until', () => {
    // 30 September is the last day of its month: September is full.
    expect(defaultPeriod('2016-09-30')).toEqual({ first: '2015-10', last: '2016-09' });
    // 29 September is not: the window ends in August.
    expect(defaultPeriod('2016-09-29')).toEqual({ first: '2015-09', last: '2016-08' });
    // Leap February.
    expect(defaultPeriod('2016-02-29')).toEqual({ first: '2015-03', last: '2016-02' });
    // Only the month is public: it is taken as the last month.
    expect(defaultPeriod('2016-09')).toEqual({ first: '2015-10', last: '2016-09' });
  });

  it('finds the reference period of the same length', () => {
    expect(previousPeriod('2016-01', '2016-06')).toEqual({ first: '2015-07', last: '2015-12' });
  });

  it('lists every month of a range across a year boundary', () => {
    expect(monthsBetween('2015-11', '2016-02')).toEqual(['2015-11', '2015-12', '2016-01', '2016-02']);
  });
});
