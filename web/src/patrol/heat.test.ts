import { describe, expect, it } from 'vitest';
import { BLUES_5, busiestSlots, DAY_NAMES, heatMax, heatShade, heatTotals, hourSpan } from './heat.ts';

const grid = (fill: (day: number, hour: number) => number) =>
  Array.from({ length: 7 }, (_, d) => Array.from({ length: 24 }, (_, h) => fill(d, h)));

describe('heat table', () => {
  it('sums rows, columns and the whole table', () => {
    const counts = grid((d, h) => (h === 20 ? d + 1 : 0));
    counts[6][3] = 10;
    const totals = heatTotals(counts);
    expect(totals.byDay).toEqual([1, 2, 3, 4, 5, 6, 17]);
    expect(totals.byHour[20]).toBe(28);
    expect(totals.byHour[3]).toBe(10);
    expect(totals.total).toBe(38);
    expect(heatMax(counts)).toBe(10);
  });

  it('names the days from lunes to domingo', () => {
    expect(DAY_NAMES[0]).toBe('lunes');
    expect(DAY_NAMES[6]).toBe('domingo');
  });

  it('shades zero white and the maximum with the darkest blue', () => {
    expect(heatShade(0, 10).background).toBe('#ffffff');
    expect(heatShade(1, 10).background).toBe(BLUES_5[0]);
    expect(heatShade(10, 10).background).toBe(BLUES_5[4]);
    expect(heatShade(10, 10).text).toBe('#ffffff');
    // 1 … 10 in five steps of two: 5 → (5−1)/10·5 = 2 → third class
    expect(heatShade(5, 10).background).toBe(BLUES_5[2]);
  });

  it('lists the busiest slots, most first', () => {
    const counts = grid(() => 0);
    counts[4][22] = 9;
    counts[0][8] = 3;
    counts[5][1] = 9;
    expect(busiestSlots(counts, 2)).toEqual([
      { day: 4, hour: 22, count: 9 },
      { day: 5, hour: 1, count: 9 },
    ]);
    expect(hourSpan(7)).toBe('07:00–07:59');
  });
});
