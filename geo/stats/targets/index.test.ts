import { describe, expect, it } from 'vitest';
import { StatsInputError } from '../errors.ts';
import { targetProgress } from './index.ts';

/** 2015 at `perMonth` each month, plus the given later months. */
function counts(perMonth: number, later: Record<string, number | null>): Map<string, number | null> {
  const m = new Map<string, number | null>();
  for (let i = 1; i <= 12; i++) m.set(`2015-${String(i).padStart(2, '0')}`, perMonth);
  for (const [k, v] of Object.entries(later)) m.set(k, v);
  return m;
}

const DATA = { from: '2013-01', to: '2016-10' }; // SSC points: 2013-01 … 2016-09
const BASE = { baselineFrom: '2015-01', baselineTo: '2016-01', reductionPct: 25, dueMonth: '2016-06', coverage: DATA };

describe('targetProgress — worked examples', () => {
  it('baseline 8/month, −25 % → goal 6; met month by month; last 3 months 6, 5, 7 → mean 6 ≤ 6: cumplida', () => {
    // mean = 96 / 12 = 8; goal = 8 × 0.75 = 6
    const r = targetProgress({
      ...BASE,
      counts: counts(8, { '2016-01': 9, '2016-02': 6, '2016-03': 4, '2016-04': 6, '2016-05': 5, '2016-06': 7 }),
    });
    expect(r.baseline_monthly_mean).toBe(8);
    expect(r.goal_monthly).toBe(6);
    expect(r.baseline_months).toBe(12);
    expect(r.items).toEqual([
      { month: '2016-01', count: 9, goal: 6, met: false },
      { month: '2016-02', count: 6, goal: 6, met: true }, // exactly the goal is met
      { month: '2016-03', count: 4, goal: 6, met: true },
      { month: '2016-04', count: 6, goal: 6, met: true },
      { month: '2016-05', count: 5, goal: 6, met: true },
      { month: '2016-06', count: 7, goal: 6, met: false },
    ]);
    expect(r.status).toBe('cumplida'); // (6 + 5 + 7) / 3 = 6
  });

  it('last 3 months 6, 6, 7 → mean 6.33 > 6: no_cumplida, although 2 of the 3 months met the goal', () => {
    const r = targetProgress({ ...BASE, counts: counts(8, { '2016-04': 6, '2016-05': 6, '2016-06': 7 }) });
    expect(r.status).toBe('no_cumplida');
    expect(r.items.slice(3).map((i) => i.met)).toEqual([true, true, false]);
    // absent months are zero months
    expect(r.items[0]).toEqual({ month: '2016-01', count: 0, goal: 6, met: true });
  });

  it('uneven baseline decided on integers: sum 10 over 12 months, −30 % → goal 7/12 = 0.5833…; 1 is above it', () => {
    const c = new Map<string, number | null>([
      ['2015-03', 4],
      ['2015-09', 6],
      ['2016-01', 1],
    ]);
    const r = targetProgress({ ...BASE, reductionPct: 30, dueMonth: '2016-01', counts: c });
    expect(r.baseline_monthly_mean).toBeCloseTo(10 / 12, 15);
    expect(r.goal_monthly).toBeCloseTo(7 / 12, 15);
    expect(r.items).toHaveLength(1);
    expect(r.items[0].met).toBe(false);
    // one month of progress only: the status window is that month
    expect(r.status).toBe('no_cumplida');
  });

  it('en_curso while the data does not reach the due month; items stop at the last covered month', () => {
    const r = targetProgress({ ...BASE, dueMonth: '2017-06', counts: counts(4, { '2016-09': 1 }) });
    expect(r.status).toBe('en_curso');
    expect(r.items.map((i) => i.month)).toEqual([
      '2016-01',
      '2016-02',
      '2016-03',
      '2016-04',
      '2016-05',
      '2016-06',
      '2016-07',
      '2016-08',
      '2016-09',
    ]);
    expect(r.goal_monthly).toBe(3);
  });

  it('a baseline outside the data: no goal, no verdicts', () => {
    const r = targetProgress({
      ...BASE,
      baselineFrom: '2012-01',
      baselineTo: '2013-01',
      dueMonth: '2013-03',
      counts: new Map([['2013-01', 3]]),
    });
    expect(r.baseline_monthly_mean).toBeNull();
    expect(r.goal_monthly).toBeNull();
    expect(r.items).toEqual([
      { month: '2013-01', count: 3, goal: null, met: null },
      { month: '2013-02', count: 0, goal: null, met: null },
      { month: '2013-03', count: 0, goal: null, met: null },
    ]);
    expect(r.status).toBeNull();
  });

  it('withheld (null) months: 0 in the baseline sum and counted; met null; status null when the window holds one', () => {
    const c = counts(6, { '2016-04': 3, '2016-05': null, '2016-06': 0 });
    c.set('2015-02', null); // baseline sum = 11 × 6 = 66 → mean 5.5, goal 4.125
    const r = targetProgress({ ...BASE, counts: c });
    expect(r.baseline_withheld).toBe(1);
    expect(r.baseline_monthly_mean).toBe(5.5);
    expect(r.goal_monthly).toBe(4.125);
    expect(r.items[4]).toEqual({ month: '2016-05', count: null, goal: 4.125, met: null });
    expect(r.status).toBeNull();
  });

  it('100 % reduction: only a zero month meets it', () => {
    const r = targetProgress({
      ...BASE,
      reductionPct: 100,
      dueMonth: '2016-02',
      counts: counts(2, { '2016-01': 0, '2016-02': 1 }),
    });
    expect(r.goal_monthly).toBe(0);
    expect(r.items.map((i) => i.met)).toEqual([true, false]);
    expect(r.status).toBe('no_cumplida'); // (0 + 1) / 2 > 0
  });

  it('rejects bad input', () => {
    expect(() => targetProgress({ ...BASE, reductionPct: 0, counts: new Map() })).toThrow(StatsInputError);
    expect(() => targetProgress({ ...BASE, reductionPct: 120, counts: new Map() })).toThrow(StatsInputError);
    expect(() => targetProgress({ ...BASE, baselineTo: '2015-01', counts: new Map() })).toThrow(StatsInputError);
    expect(() => targetProgress({ ...BASE, dueMonth: '2015-06', counts: new Map() })).toThrow(StatsInputError);
    expect(() => targetProgress({ ...BASE, counts: new Map([['2016-01', -1]]) })).toThrow(StatsInputError);
  });
});
