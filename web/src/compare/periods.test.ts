import { describe, expect, it } from 'vitest';
import { compareParams, parseCompareState } from './periods.ts';

describe('compare URL state', () => {
  it('reads both periods and the mode', () => {
    const state = parseCompareState(new URLSearchParams('a=2014-01..2014-06&b=2016-01..2016-06&modo=diferencia'), null);
    expect(state).toEqual({
      a: { first: '2014-01', last: '2014-06' },
      b: { first: '2016-01', last: '2016-06' },
      mode: 'diferencia',
    });
    expect(compareParams(state!)).toEqual({ a: '2014-01..2014-06', b: '2016-01..2016-06', modo: 'diferencia' });
  });

  it('defaults to the map period against the same months a year before, side by side', () => {
    const state = parseCompareState(new URLSearchParams(''), { first: '2015-10', last: '2016-09' });
    expect(state).toEqual({
      a: { first: '2014-10', last: '2015-09' },
      b: { first: '2015-10', last: '2016-09' },
      mode: 'dividido',
    });
  });

  it('ignores malformed values and waits for a period', () => {
    const state = parseCompareState(new URLSearchParams('a=nope&b=2016-06..2016-01&modo=x'), {
      first: '2016-01',
      last: '2016-03',
    });
    expect(state?.a).toEqual({ first: '2015-01', last: '2015-03' });
    expect(state?.mode).toBe('dividido');
    expect(parseCompareState(new URLSearchParams(''), null)).toBeNull();
  });
});
