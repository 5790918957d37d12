import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from './index.ts';
import { StatsInputError } from '../errors.ts';

describe('benjaminiHochberg', () => {
  it('worked example with the step-up property', () => {
    // m = 10, q = 0.05 → thresholds (k/10)·0.05 = 0.005, 0.010, 0.015, 0.020, 0.025, …
    // sorted p: 0.001 ✓(≤0.005)  0.008 ✓(≤0.010)  0.016 ✗(>0.015)  0.019 ✓(≤0.020)  0.030 ✗(>0.025)
    //           0.041 ✗(>0.030)  0.060 … 0.900 ✗
    // largest passing rank k = 4 → ranks 1–4 rejected, including 0.016 which failed its own threshold.
    const p = [0.06, 0.019, 0.9, 0.001, 0.3, 0.016, 0.041, 0.008, 0.03, 0.5];
    expect(Array.from(benjaminiHochberg(p))).toEqual([0, 1, 0, 1, 0, 1, 0, 1, 0, 0]);
  });
  it('nothing significant when the smallest p exceeds q/m', () => {
    // thresholds 0.0167, 0.0333, 0.05: 0.06 ✗, 0.04 ✗, 0.02 ✗
    expect(Array.from(benjaminiHochberg([0.02, 0.04, 0.06], 0.05))).toEqual([0, 0, 0]);
    // with only one test, q/m = q
    expect(Array.from(benjaminiHochberg([0.04], 0.05))).toEqual([1]);
  });
  it('everything significant when the largest p ≤ q', () => {
    expect(Array.from(benjaminiHochberg([0.05, 0.01, 0.049]))).toEqual([1, 1, 1]);
  });
  it('NaN is never significant and does not count in m', () => {
    // m = 2 (NaN left out): 0.02 ≤ 1/2·0.05 = 0.025 ✓ ; with NaN counted m = 3 it would fail (0.0167).
    expect(Array.from(benjaminiHochberg([NaN, 0.02, 0.9]))).toEqual([0, 1, 0]);
  });
  it('agrees with the textbook rank-by-rank procedure on random p-values with ties', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    for (let trial = 0; trial < 50; trial++) {
      const m = 1 + Math.floor(rand() * 300);
      // rounded to 3 decimals: many ties, and many values near the thresholds
      const p = Array.from({ length: m }, () => Math.round(rand() ** 3 * 1000) / 1000);
      const ranked = p.map((v, i) => ({ v, i })).sort((a, b) => a.v - b.v || a.i - b.i);
      let k = 0;
      ranked.forEach((r, idx) => {
        if (r.v <= ((idx + 1) / m) * 0.05 + 1e-15) k = idx + 1;
      });
      const expected = new Array(m).fill(0);
      ranked.slice(0, k).forEach((r) => (expected[r.i] = 1));
      expect(Array.from(benjaminiHochberg(p))).toEqual(expected);
    }
  });
  it('rejects a level outside (0, 1)', () => {
    expect(() => benjaminiHochberg([0.1], 0)).toThrow(StatsInputError);
  });
});
