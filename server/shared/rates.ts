/** Rates and changes shared by comparisons and rankings. */

/** Incidents per 100 000 residents; null without a usable population. */
export function ratePer100k(count: number, population: number | null): number | null {
  return population && population > 0 ? (count / population) * 100_000 : null;
}

/** Percent change from `before` to `after`; null when `before` is 0 (no finite change). */
export function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : (100 * (after - before)) / before;
}
