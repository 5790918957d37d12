import { describe, expect, it } from 'vitest';
import { normalCdf, normalUpperTail, twoSidedP } from './index.ts';

/**
 * Independent routes to Φ, written differently from Cody's rational approximation:
 * - |x| ≤ 3: the Maclaurin series erf(x) = 2/√π Σ (−1)ⁿ x^(2n+1) / (n! (2n+1)), Φ(x) = ½(1 + erf(x/√2));
 * - x ≥ 3: Laplace's continued fraction Q(x) = φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))), evaluated bottom-up.
 */
function phiBySeries(x: number): number {
  const t = x / Math.SQRT2;
  let term = t;
  let sum = t;
  for (let n = 1; n < 200; n++) {
    term *= (-t * t) / n;
    sum += term / (2 * n + 1);
  }
  return 0.5 * (1 + (2 / Math.sqrt(Math.PI)) * sum);
}
function upperTailByContinuedFraction(x: number): number {
  let f = x;
  for (let k = 400; k >= 1; k--) f = x + k / f;
  return Math.exp((-x * x) / 2) / Math.sqrt(2 * Math.PI) / f;
}

describe('normalCdf', () => {
  it('matches published table values', () => {
    // Abramowitz & Stegun table 26.1 / any 16-digit table of Φ.
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 15);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 15);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 15);
    expect(normalCdf(0)).toBe(0.5);
    expect(normalCdf(-5) / 2.866515718791939e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-10) / 7.619853024160527e-24).toBeCloseTo(1, 12);
  });

  it('agrees with the Maclaurin series of erf on [−3, 3] (all three Cody intervals)', () => {
    for (let x = -3; x <= 3.0001; x += 0.01) {
      expect(Math.abs(normalCdf(x) - phiBySeries(x))).toBeLessThan(1e-13);
    }
  });

  it('keeps full relative precision in the tail (continued fraction, 3 ≤ x ≤ 30)', () => {
    for (let x = 3; x <= 30; x += 0.137) {
      const expected = upperTailByContinuedFraction(x);
      expect(Math.abs(normalUpperTail(x) / expected - 1)).toBeLessThan(1e-13);
    }
  });

  it('is symmetric: Φ(−x) = 1 − Φ(x)', () => {
    for (const x of [0.1, 0.5, 0.66291, 0.7, 2.5, 5.6, 5.7, 8]) {
      expect(normalCdf(-x) + normalCdf(x)).toBeCloseTo(1, 15);
    }
  });

  it('passes NaN through', () => {
    expect(normalCdf(NaN)).toBeNaN();
    expect(twoSidedP(NaN)).toBeNaN();
  });
});

describe('twoSidedP', () => {
  it('is 0.05 at z = ±1.959964 and 1 at z = 0', () => {
    expect(twoSidedP(1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(-1.959963984540054)).toBeCloseTo(0.05, 14);
    expect(twoSidedP(0)).toBe(1);
  });
  it('does not round large z to zero', () => {
    expect(twoSidedP(10)).toBeGreaterThan(0);
    expect(twoSidedP(10) / (2 * 7.619853024160527e-24)).toBeCloseTo(1, 12);
  });
});
