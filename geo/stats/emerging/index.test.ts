import { describe, expect, it } from 'vitest';
import { gridDisk, latLngToCell } from 'h3-js';
import { classifyZSeries, emergingHotSpots, EMERGING_CATEGORIES, EMERGING_LABELS_ES } from './index.ts';
import { getisOrdGiStar } from '../gistar/index.ts';
import { StatsInputError } from '../errors.ts';

/** Significance as a reader of a Gi* map would judge one step by eye: |z| > 1.96. */
const sig = (z: number[]) => z.map((v) => Math.abs(v) > 1.96);
const classify = (z: number[]) => classifyZSeries(z, sig(z));
const neg = (z: number[]) => z.map((v) => -v);

describe('classifyEmerging — hand-built z-series (T = 10)', () => {
  // Trend by hand where it matters: a strictly monotone 10-step series has S = ±45, Var = 125,
  // |z| = 44/√125 = 3.94, p ≈ 8e−5 < 0.05 → significant (see the persistent case for a trendless one).
  it('new: hot only at the final step', () => {
    expect(classify([0, 0.5, -0.3, 1, 0.2, 0.1, 0, 1.5, 0.4, 2.5])).toBe('new_hot_spot');
  });
  it('consecutive: a final run of 3 hot steps, never hot before, < 90 % hot', () => {
    expect(classify([0, 0.5, -0.3, 1, 0.2, 0.1, 0, 2.5, 2.8, 3.1])).toBe('consecutive_hot_spot');
  });
  it('intensifying: hot in all 10 steps, z rising (S = 45, p ≈ 8e−5)', () => {
    expect(classify([2.0, 2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4, 3.6, 3.8])).toBe('intensifying_hot_spot');
  });
  it('diminishing: hot in all 10 steps, z falling', () => {
    expect(classify([3.8, 3.6, 3.4, 3.2, 3.0, 2.8, 2.6, 2.4, 2.2, 2.0])).toBe('diminishing_hot_spot');
  });
  it('persistent: hot in 9 of 10 steps (90 %) including the last, no trend', () => {
    // z = 3, 2.5, 3, 1.0 (not significant), 3, 2.5, 3, 2.5, 3, 2.5: 3s at positions 1,3,5,7,9; 2.5s at 2,6,8,10.
    // S by hand: a 3 before a later 2.5 counts −1: 4 + 3 + 3 + 2 + 1 = 13;  a 2.5 before a later 3 counts +1:
    // 4 + 2 + 1 = 7;  the 1.0 is below all 6 later values (+6) and the 3 earlier ones (−3).
    // S = 7 + 6 − 13 − 3 = −3 → |z| = 2/√Var ≈ 0.2, p ≫ 0.05 → no trend → persistent.
    expect(classify([3, 2.5, 3, 1.0, 3, 2.5, 3, 2.5, 3, 2.5])).toBe('persistent_hot_spot');
  });
  it('sporadic: hot on and off, including the last step, never cold', () => {
    expect(classify([0.1, 2.5, 0.3, 0.2, 2.2, 1.0, 0.4, 0.1, 0.2, 2.4])).toBe('sporadic_hot_spot');
  });
  it('oscillating: hot at the last step, cold earlier', () => {
    expect(classify([0.1, -2.5, 0.3, 0.2, 0.5, 1.0, 0.4, 0.1, 0.2, 2.4])).toBe('oscillating_hot_spot');
    // also when the final hot run is long, as long as < 90 % hot
    expect(classify([-2.5, 0.1, 2.3, 2.4, 2.5, 2.6, 2.7, 2.8, 2.9, 3.0])).toBe('oscillating_hot_spot');
  });
  it('historical: 9 of 10 steps hot but not the last', () => {
    expect(classify([3, 3, 3, 3, 3, 3, 3, 3, 3, 0.5])).toBe('historical_hot_spot');
  });
  it('no pattern: nothing significant, or hot in the past below 90 % and not now', () => {
    expect(classify([0, 0.5, -0.3, 1, 0.2, 0.1, 0, 1.5, 0.4, 1.9])).toBe('no_pattern');
    expect(classify([3, 3, 3, 3, 3, 3, 3, 3, 0.5, 0.5])).toBe('no_pattern'); // 80 % hot, last not hot
  });
  it('below 90 % hot by one step is not persistent', () => {
    // 8 of 10 hot including the last, earlier run interrupted → sporadic, not persistent
    expect(classify([3, 3, 3, 0.5, 3, 3, 3, 0.5, 3, 3])).toBe('sporadic_hot_spot');
  });
  it('cold counterparts mirror the hot ones', () => {
    expect(classify(neg([0, 0.5, -0.3, 1, 0.2, 0.1, 0, 1.5, 0.4, 2.5]))).toBe('new_cold_spot');
    expect(classify(neg([0, 0.5, -0.3, 1, 0.2, 0.1, 0, 2.5, 2.8, 3.1]))).toBe('consecutive_cold_spot');
    // cold spots getting colder: z falls (S < 0) → intensifying cold
    expect(classify(neg([2.0, 2.2, 2.4, 2.6, 2.8, 3.0, 3.2, 3.4, 3.6, 3.8]))).toBe('intensifying_cold_spot');
    expect(classify(neg([3.8, 3.6, 3.4, 3.2, 3.0, 2.8, 2.6, 2.4, 2.2, 2.0]))).toBe('diminishing_cold_spot');
    expect(classify(neg([3, 2.5, 3, 1.0, 3, 2.5, 3, 2.5, 3, 2.5]))).toBe('persistent_cold_spot');
    expect(classify(neg([0.1, 2.5, 0.3, 0.2, 2.2, 1.0, 0.4, 0.1, 0.2, 2.4]))).toBe('sporadic_cold_spot');
    expect(classify(neg([0.1, -2.5, 0.3, 0.2, 0.5, 1.0, 0.4, 0.1, 0.2, 2.4]))).toBe('oscillating_cold_spot');
    expect(classify(neg([3, 3, 3, 3, 3, 3, 3, 3, 3, 0.5]))).toBe('historical_cold_spot');
  });
  it('every category has a Spanish label', () => {
    for (const c of EMERGING_CATEGORIES) expect(EMERGING_LABELS_ES[c]).toMatch(/\S/);
  });
});

describe('emergingHotSpots — planted patterns on a radius-6 disk × 12 months', () => {
  const centre = latLngToCell(19.4326, -99.1332, 9);
  const cells = gridDisk(centre, 6); // 127 cells
  const months = 12;
  let seed = 99;
  const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
  const monthly = new Map<string, number[]>(
    cells.map((c) => [c, Array.from({ length: months }, () => (rand() < 0.3 ? 1 : 0))]),
  );
  // A far-apart pair of planted cells (grid distance ≥ 4 from each other and from the edge)
  const persistentCell = gridDisk(centre, 3).find((c) => !gridDisk(centre, 2).includes(c))!;
  const newCell = cells.find(
    (c) => !gridDisk(persistentCell, 4).includes(c) && gridDisk(c, 2).every((d) => cells.includes(d)),
  )!;
  // Planted clusters (the cell and its ring), not single cells: with k = 1 weights a lone spike of 30
  // next to another spike in the same month only reaches z ≈ 3.1, which BH over 127 cells does not pass
  // (p ≈ 0.002 > 2·0.05/127); a 7-cell cluster of 10 reaches z ≈ 7.6.
  for (const c of gridDisk(persistentCell, 1))
    monthly.set(
      c,
      monthly.get(c)!.map(() => 10),
    );
  for (const c of gridDisk(newCell, 1))
    monthly.set(
      c,
      monthly.get(c)!.map((_, t) => (t === months - 1 ? 10 : 0)),
    );
  const result = emergingHotSpots(monthly, { includeZ: true });
  const byCell = new Map(result.map((r) => [r.h3, r]));

  it('a cell hot in every month is a persistent hot spot; one hot only in the last month is new', () => {
    expect(byCell.get(persistentCell)!.category).toBe('persistent_hot_spot');
    expect(byCell.get(persistentCell)!.hot_months).toBe(12);
    expect(byCell.get(newCell)!.category).toBe('new_hot_spot');
    expect(byCell.get(newCell)!.hot_months).toBe(1);
  });

  it('monthly z-scores are exactly the Gi* of each month', () => {
    for (const t of [0, 5, 11]) {
      const month = getisOrdGiStar(cells.map((h3) => ({ h3, count: monthly.get(h3)![t] })));
      for (const r of month) expect(byCell.get(r.h3)!.z![t]).toBeCloseTo(r.z, 12);
      // and the FDR decisions agree with the month's map
      for (const r of month.filter((m) => m.hot === true)) expect(byCell.get(r.h3)!.hot_months).toBeGreaterThan(0);
    }
  });

  it("hot and cold month counts equal the FDR decisions of each month's Gi* map", () => {
    const hot = new Map<string, number>();
    const cold = new Map<string, number>();
    for (let t = 0; t < months; t++) {
      for (const r of getisOrdGiStar(cells.map((h3) => ({ h3, count: monthly.get(h3)![t] })))) {
        if (r.hot === true) hot.set(r.h3, (hot.get(r.h3) ?? 0) + 1);
        if (r.hot === false) cold.set(r.h3, (cold.get(r.h3) ?? 0) + 1);
      }
    }
    expect([...hot.values()].reduce((a, b) => a + b, 0)).toBeGreaterThan(12 * 7);
    for (const r of result) {
      expect(r.hot_months).toBe(hot.get(r.h3) ?? 0);
      expect(r.cold_months).toBe(cold.get(r.h3) ?? 0);
    }
  });

  it('rejects ragged or foreign series', () => {
    const ragged = new Map(monthly);
    ragged.set(centre, [1, 2]);
    expect(() => emergingHotSpots(ragged)).toThrow(StatsInputError);
    expect(() => emergingHotSpots(new Map([[centre, [1]]]))).toThrow(/at least 2/);
  });
});
