/**
 * Benjamini–Hochberg false-discovery-rate control.
 *
 * Method: Y. Benjamini and Y. Hochberg, "Controlling the false discovery rate: a practical and powerful
 * approach to multiple testing", J. R. Statist. Soc. B 57 (1995) 289–300. With m p-values sorted
 * ascending p(1) ≤ … ≤ p(m), let k be the largest rank with p(k) ≤ (k/m)·q; reject the hypotheses of
 * ranks 1 … k (step-up: a p-value above its own threshold is still rejected when a larger one passes).
 * The comparison is made as p·m ≤ k·q. NaN p-values are never significant and are left out of m.
 */
import { StatsInputError } from '../errors.ts';

/** `true` for each p-value declared significant at FDR level `q` (default 0.05). */
export function benjaminiHochberg(pValues: ArrayLike<number>, q = 0.05): Uint8Array {
  if (!(q > 0 && q < 1)) throw new StatsInputError(`FDR level must be in (0, 1) (got ${q})`);
  // Only p ≤ q can ever be rejected (every threshold (k/m)·q ≤ q), and their ranks among all m values
  // equal their ranks among themselves; so sort just those, as a typed copy (native numeric sort).
  // Every p ≤ p(k) has rank ≤ k: a tie of p(k) at rank k+1 would pass its own, larger threshold.
  let m = 0;
  let candidates = 0;
  for (let i = 0; i < pValues.length; i++) {
    const v = pValues[i];
    if (Number.isNaN(v)) continue;
    m++;
    if (v <= q) candidates++;
  }
  const sorted = new Float64Array(candidates);
  for (let i = 0, c = 0; i < pValues.length; i++) if (pValues[i] <= q) sorted[c++] = pValues[i];
  sorted.sort();
  let cutoff = -Infinity;
  for (let rank = candidates; rank >= 1; rank--) {
    if (sorted[rank - 1] * m <= rank * q) {
      cutoff = sorted[rank - 1];
      break;
    }
  }
  const significant = new Uint8Array(pValues.length);
  for (let i = 0; i < pValues.length; i++) if (pValues[i] <= cutoff) significant[i] = 1;
  return significant;
}
