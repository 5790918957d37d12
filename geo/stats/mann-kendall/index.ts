/**
 * Mann-Kendall trend test on an equally spaced series (here: monthly counts, zero months included,
 * or a cell's monthly Gi* z-scores in the emerging hot spot analysis).
 *
 * Method: H. B. Mann, "Nonparametric tests against trend", Econometrica 13 (1945) 245–259;
 * M. G. Kendall, Rank Correlation Methods (1975), with the tie correction of the variance as given by
 * R. O. Gilbert, Statistical Methods for Environmental Pollution Monitoring (1987), §16.4:
 *
 *   S      = Σ_{i<j} sign(x_j − x_i)
 *   Var(S) = [ n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5) ] / 18      (t_g = size of the g-th group of ties)
 *   z      = (S − 1)/√Var(S) if S > 0;  0 if S = 0;  (S + 1)/√Var(S) if S < 0   (continuity correction)
 *   p      = 2·(1 − Φ(|z|))   (two-sided, normal approximation)
 *   tau    = S / (n(n−1)/2)   (Kendall's tau-a)
 *
 * `direction` is "up" when p < alpha (default 0.05) and S > 0, "down" when p < alpha and S < 0, else "none".
 * Degenerate cases: n < 2 (no pairs) and an all-tied series (Var(S) = 0) give S = 0, z = 0, p = 1,
 * tau = 0 and direction "none": no evidence of a trend. The normal approximation is rough for n < 10;
 * callers showing a 12–36 month trend are in its usual range.
 */
import { normalCdf } from '../normal/index.ts';
import { assertFiniteSeries } from '../errors.ts';

export type TrendDirection = 'up' | 'down' | 'none';

export interface MannKendallResult {
  n: number;
  s: number;
  var_s: number;
  z: number;
  p: number;
  tau: number;
  direction: TrendDirection;
}

let seenScratch = new Uint8Array(64);

/**
 * S = Σ_{i<j} sign(x_j − x_i) and the tie term Σ_g t_g(t_g−1)(2t_g+5), in one O(n²) pass over the
 * pairs (the definition's own cost; cheap for the 12–36 months of a trend). Tie groups are counted
 * at their first member, whose later equals are marked seen — no sort, no allocation per call.
 */
export function mannKendallSAndTies(x: ArrayLike<number>): { s: number; tieTerm: number } {
  const n = x.length;
  if (seenScratch.length < n) seenScratch = new Uint8Array(n);
  const seen = seenScratch;
  seen.fill(0, 0, n);
  let s = 0;
  let tieTerm = 0;
  for (let i = 0; i < n - 1; i++) {
    const xi = x[i];
    const first = seen[i] === 0;
    let t = 1;
    for (let j = i + 1; j < n; j++) {
      const xj = x[j];
      // branch-free sign: monthly counts are noisy, so a branchy sign mispredicts about half the time
      s += Number(xj > xi) - Number(xj < xi);
      if (first && xj === xi) {
        t++;
        seen[j] = 1;
      }
    }
    if (t > 1) tieTerm += t * (t - 1) * (2 * t + 5);
  }
  return { s, tieTerm };
}

/** S alone. */
export function mannKendallS(x: ArrayLike<number>): number {
  return mannKendallSAndTies(x).s;
}

/** Var(S) with the tie correction. */
export function mannKendallVariance(x: ArrayLike<number>): number {
  const n = x.length;
  return n < 2 ? 0 : (n * (n - 1) * (2 * n + 5) - mannKendallSAndTies(x).tieTerm) / 18;
}

export function mannKendall(series: ArrayLike<number>, alpha = 0.05): MannKendallResult {
  assertFiniteSeries(series, 'mannKendall');
  const n = series.length;
  const { s, tieTerm } = mannKendallSAndTies(series);
  const varS = n < 2 ? 0 : (n * (n - 1) * (2 * n + 5) - tieTerm) / 18;
  let z = 0;
  if (varS > 0) {
    if (s > 0) z = (s - 1) / Math.sqrt(varS);
    else if (s < 0) z = (s + 1) / Math.sqrt(varS);
  }
  const p = z === 0 ? 1 : Math.min(1, 2 * normalCdf(-Math.abs(z)));
  const pairs = (n * (n - 1)) / 2;
  const tau = pairs > 0 ? s / pairs : 0;
  const direction: TrendDirection = p < alpha ? (s > 0 ? 'up' : s < 0 ? 'down' : 'none') : 'none';
  return { n, s, var_s: varS, z, p, tau, direction };
}
