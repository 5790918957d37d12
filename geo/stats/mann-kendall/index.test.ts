import { describe, expect, it } from 'vitest';
import { mannKendall } from './index.ts';
import { StatsInputError } from '../errors.ts';

/**
 * Independent brute force, written differently from the implementation: S from explicit pair lists,
 * tie groups from a Map of value → count, p from the Maclaurin series of erf.
 */
function bruteForce(x: number[]) {
  const n = x.length;
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([x[i], x[j]]);
  const s = pairs.filter(([a, b]) => b > a).length - pairs.filter(([a, b]) => b < a).length;
  const counts = new Map<number, number>();
  for (const v of x) counts.set(v, (counts.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of counts.values()) ties += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(varS);
  const t = Math.abs(z) / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let k = 1; k < 300; k++) {
    term *= (-t * t) / k;
    sum += term / (2 * k + 1);
  }
  const p = 1 - (2 / Math.sqrt(Math.PI)) * sum; // erfc(|z|/√2) = two-sided p
  return { s, varS, z, p, tau: s / ((n * (n - 1)) / 2) };
}

describe('mannKendall', () => {
  it('worked example with a tie: x = [1, 3, 2, 3, 5]', () => {
    // By hand. Pairs i<j, sign(x_j − x_i):
    //   i=1 (1): 3,2,3,5 → + + + +  = 4
    //   i=2 (3): 2,3,5   → − 0 +    = 0
    //   i=3 (2): 3,5     → + +      = 2
    //   i=4 (3): 5       → +        = 1         S = 7
    // Ties: value 3 twice, t = 2 → t(t−1)(2t+5) = 2·1·9 = 18.
    // Var(S) = [5·4·15 − 18]/18 = 282/18 = 15.666…;  z = (7 − 1)/√15.666… = 1.515873…
    // p = 2(1 − Φ(1.515873)) ≈ 0.12955 (table: Φ(1.52) = 0.93574, Φ(1.51) = 0.93448);  tau = 7/10.
    const r = mannKendall([1, 3, 2, 3, 5]);
    expect(r.n).toBe(5);
    expect(r.s).toBe(7);
    expect(r.var_s).toBeCloseTo(282 / 18, 12);
    expect(r.z).toBeCloseTo(6 / Math.sqrt(282 / 18), 12);
    expect(r.z).toBeCloseTo(1.515873, 6);
    expect(r.p).toBeGreaterThan(2 * (1 - 0.93574));
    expect(r.p).toBeLessThan(2 * (1 - 0.93448));
    expect(r.tau).toBeCloseTo(0.7, 12);
    expect(r.direction).toBe('none');
  });

  it('worked example: a strictly increasing series of 10 is a significant upward trend', () => {
    // S = 45 (every pair +), Var(S) = 10·9·25/18 = 125, z = 44/√125 = 3.93548, tau = 1,
    // p = 2(1 − Φ(3.93548)) ≈ 8.30e−5.
    const r = mannKendall([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(r.s).toBe(45);
    expect(r.var_s).toBe(125);
    expect(r.z).toBeCloseTo(44 / Math.sqrt(125), 12);
    expect(r.p).toBeCloseTo(8.3e-5, 6);
    expect(r.tau).toBe(1);
    expect(r.direction).toBe('up');
  });

  it('worked example: decreasing with zero months (ties) — 12 monthly counts', () => {
    // x = [5, 4, 4, 3, 2, 2, 0, 0, 0, 1, 0, 0]. Hand count of S = (#increasing pairs) − (#decreasing pairs):
    // increasing pairs: the 1 at position 10 is above the 0s at 7,8,9 → 3 increasing; nothing else rises.
    // decreasing pairs: total pairs 66 minus ties minus 3 increasing.
    // Tie groups: 4×2, 2×2, 0×5 → tied pairs 1 + 1 + 10 = 12 → decreasing = 66 − 12 − 3 = 51.  S = 3 − 51 = −48.
    // Var(S) = [12·11·29 − (18 + 18 + 5·4·15)]/18 = (3828 − 336)/18 = 194;  z = (−48 + 1)/√194 = −3.37441.
    const r = mannKendall([5, 4, 4, 3, 2, 2, 0, 0, 0, 1, 0, 0]);
    expect(r.s).toBe(-48);
    expect(r.var_s).toBe(194);
    expect(r.z).toBeCloseTo(-47 / Math.sqrt(194), 12);
    expect(r.tau).toBeCloseTo(-48 / 66, 12);
    expect(r.direction).toBe('down');
  });

  it('published example: J. Little, "A Mann-Kendall Example (By Hand)", College of the Holy Cross', () => {
    // mathcs.holycross.edu/~little/Montserrat/MannKendallByHand.txt: 14 values, one tied pair (12.9);
    // published: 72 pluses, 18 minuses, 1 zero → S = 54; V = 14·13·33/18 − 2·1·9/18; Z = (S − 1)/√V ≈ 2.9058;
    // one-sided p ≈ .0018 (from a normal table), so the two-sided p is ≈ .0037.
    const r = mannKendall([12.9, 14.8, 13.2, 15.7, 13.8, 15.6, 12.9, 11.0, 17.3, 15.9, 19.0, 18.3, 20.1, 21.7]);
    expect(r.s).toBe(54);
    expect(r.var_s).toBeCloseTo((14 * 13 * 33) / 18 - (2 * 1 * 9) / 18, 10);
    expect(r.z).toBeCloseTo(2.9058, 4);
    expect(r.p / 2).toBeCloseTo(0.0018, 4);
    expect(r.tau).toBeCloseTo(54 / 91, 12);
    expect(r.direction).toBe('up');
  });

  it('agrees with an independent brute force on seeded random series with many ties', () => {
    let seed = 7;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rand() * 40);
      const x = Array.from({ length: n }, () => Math.floor(rand() * 6));
      const r = mannKendall(x);
      const b = bruteForce(x);
      expect(r.s).toBe(b.s);
      expect(r.var_s).toBeCloseTo(b.varS, 9);
      if (b.varS > 0) {
        expect(r.z).toBeCloseTo(b.z, 12);
        expect(r.p).toBeCloseTo(b.p, 9);
      }
      expect(r.tau).toBeCloseTo(b.tau, 12);
    }
  });

  it('degenerate series: no pairs or all tied → no trend', () => {
    for (const x of [[], [3], [2, 2, 2, 2]]) {
      const r = mannKendall(x);
      expect(r).toMatchObject({ s: 0, z: 0, p: 1, tau: 0, direction: 'none' });
    }
    expect(mannKendall([2, 2, 2]).var_s).toBe(0);
  });

  it('rejects non-finite values', () => {
    expect(() => mannKendall([1, NaN, 2])).toThrow(StatsInputError);
    expect(() => mannKendall([1, Infinity])).toThrow(/not a finite number/);
  });
});
