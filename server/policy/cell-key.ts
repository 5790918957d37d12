/**
 * The cell-key method of disclosure control: deterministic perturbation from per-record keys, as
 * the UK Office for National Statistics applied it to the Census 2021 tables and the Australian
 * Bureau of Statistics applies it in TableBuilder (Fraser & Wooton, "A proposed method for
 * confidentialising tabular output to protect against differencing", 2005; ONS, "Protecting
 * personal data in Census 2021 results", 2023).
 *
 * Every incident carries a random record key in 0 … 255 (`record_key`, drawn once at write time).
 * A published cell — any (place, month, category set) — has the key (sum of its records' keys)
 * mod 256, and its published figure is `perturb(n, key)` from one fixed table. So:
 * - the same records always give the same figure, whatever the query that published them:
 *   repeating or overlapping requests cannot average the noise away;
 * - two different cells (a total and a category, a parent and its children) get noise from
 *   different key sums, so differences of published figures are noisy too, never an exact count;
 * - counts 1 … k−1 are never published: they become 0 or k (a count of 1 or 2 never shows);
 * - the noise is small and bounded (|noise| ≤ 2 for counts above k, ≤ k for counts up to k) and
 *   unbiased: over the 256 keys the mean published figure of a count n is n (±0.01).
 *
 * The table is built from one base distribution of the noise d ∈ {−2 … 2} (weights 1, 2, 4, 2, 1:
 * variance 1.2), restricted for each count n to the figures allowed for it (never 1 … k−1; 0 also
 * for n ≤ k, k also for n < k) and tilted exponentially until its mean is n, then laid out over the 256 keys by
 * cumulative probability (the ABS "p-table"). Counts n ≥ k + 2 all share the same noise row.
 */

/** Record keys are 0 … KEY_RANGE−1 (db/migrations/010_record_keys.ts draws them); cell keys likewise. */
export const KEY_RANGE = 256;
/** the largest |noise| of a count ≥ k + 2 (smaller counts: up to k, where k becomes 0) */
export const MAX_NOISE = 2;
const BASE_WEIGHT: Readonly<Record<number, number>> = { [-3]: 1, [-2]: 1, [-1]: 2, 0: 4, 1: 2, 2: 1 };

/** The cell key of a cell whose records' keys sum to `keySum`. */
export function cellKey(keySum: number): number {
  return ((keySum % KEY_RANGE) + KEY_RANGE) % KEY_RANGE;
}

/** The figures a count n may be published as, with their probabilities (mean n). */
export function perturbationRow(n: number, k: number): { value: number; p: number }[] {
  if (n <= 0) return [{ value: 0, p: 1 }];
  const values: number[] = [];
  for (let d = -MAX_NOISE; d <= MAX_NOISE; d++) {
    const v = n + d;
    if (v >= k || (v === 0 && n <= k)) values.push(v);
  }
  // a count up to k may also become 0, and one below k may become k (the nearest allowed figures)
  if (n <= k && !values.includes(0)) values.unshift(0);
  if (n < k && !values.includes(k)) values.push(k);
  values.sort((a, b) => a - b);
  const weight = (v: number) => BASE_WEIGHT[Math.min(Math.max(v - n, -3), 2)] ?? 1;
  // exponential tilting: p(v) ∝ weight(v)·e^{λ(v−n)}, λ found by bisection so that the mean is n
  const row = (lambda: number) => {
    const w = values.map((v) => weight(v) * Math.exp(lambda * (v - n)));
    const total = w.reduce((s, x) => s + x, 0);
    return values.map((value, i) => ({ value, p: w[i] / total }));
  };
  const mean = (lambda: number) => row(lambda).reduce((s, r) => s + r.value * r.p, 0);
  let lo = -20;
  let hi = 20;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (mean(mid) < n) lo = mid;
    else hi = mid;
  }
  return row((lo + hi) / 2);
}

/** The 256 published figures of a count n, one per cell key (the row laid out by cumulative probability). */
function keyedRow(n: number, k: number): number[] {
  const row = perturbationRow(n, k);
  const out: number[] = [];
  let cumulative = 0;
  let i = 0;
  for (const { value, p } of row) {
    cumulative += p;
    const end = i === row.length - 1 ? KEY_RANGE : Math.round(cumulative * KEY_RANGE);
    for (; out.length < end;) out.push(value);
    i++;
  }
  return out;
}

const tables = new Map<number, number[][]>();

/** From this count on, every count n is published as n plus the noise of its key alone (the shared row, shifted). */
export function sharedNoiseFrom(k: number): number {
  return k + MAX_NOISE;
}

/** The published figure of a cell with `n` records whose keys sum to `keySum`, for threshold k. */
export function perturb(n: number, keySum: number, k: number): number {
  if (n <= 0) return 0;
  let table = tables.get(k);
  if (!table) tables.set(k, (table = []));
  // counts ≥ k + MAX_NOISE share the noise of n = k + MAX_NOISE, shifted
  const base = Math.min(n, sharedNoiseFrom(k));
  const row = (table[base] ??= keyedRow(base, k));
  return row[cellKey(keySum)] + (n - base);
}
