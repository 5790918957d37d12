/**
 * Emerging hot spot analysis on H3 cells × months.
 *
 * Method: Esri, "How Emerging Hot Spot Analysis works" (ArcGIS Pro): Gi* per location and time step,
 * then the Mann-Kendall trend test on each location's series of Gi* z-scores, then the category
 * rules quoted in ./classify.ts. Differences from ArcGIS, stated so results are read correctly:
 * - Gi* is computed per month over space only (binary weights, k = 1 ring incl. the cell, see ../gistar);
 *   ArcGIS's space-time cube also counts the same cells in earlier time steps as neighbours.
 * - Significance per month is Benjamini–Hochberg at q = 0.05 over all cells of that month's map (the
 *   same rule as `/api/hotspots/gistar`); `fdr: false` uses raw p < alpha instead.
 * - Esri asks for at least 10 time steps for a meaningful trend; fewer are accepted (≥ 2) but the
 *   Mann-Kendall normal approximation is then rough.
 */
import { giStarZ } from '../gistar/index.ts';
import { twoSidedP } from '../normal/index.ts';
import { benjaminiHochberg } from '../fdr/index.ts';
import { mannKendall, type MannKendallResult } from '../mann-kendall/index.ts';
import { buildNeighbourhood, type Neighbourhood } from '../study-area/index.ts';
import { assertFiniteSeries, StatsInputError } from '../errors.ts';
import { classifyEmerging, type EmergingCategory } from './classify.ts';

export * from './classify.ts';

export interface EmergingOptions {
  /** Neighbourhood of the study area; built from the map's keys (k = 1) when absent. */
  neighbourhood?: Neighbourhood;
  /** FDR level per month (default 0.05). */
  q?: number;
  /** Raw p threshold when `fdr` is false, and the Mann-Kendall trend threshold (default 0.05). */
  alpha?: number;
  /** Benjamini–Hochberg per month (default true). */
  fdr?: boolean;
  /** Keep each cell's monthly z-scores in the result (default false). */
  includeZ?: boolean;
}

export interface EmergingCell {
  h3: string;
  category: EmergingCategory;
  /** Mann-Kendall on the cell's monthly z-scores. */
  trend: MannKendallResult;
  hot_months: number;
  cold_months: number;
  z?: number[];
}

/** The |z| whose two-sided p equals `level` (bisection on the monotone p(z)). */
function smallestZWithPAtMost(level: number): number {
  let lo = 0;
  let hi = 40;
  for (let it = 0; it < 60; it++) {
    const mid = (lo + hi) / 2;
    if (twoSidedP(mid) > level) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * `monthly`: every study-area cell → its counts for months 0 … T−1 (same T for all, zeros included).
 * Returns one entry per cell, in the neighbourhood's order.
 */
export function emergingHotSpots(
  monthly: ReadonlyMap<string, ArrayLike<number>>,
  options: EmergingOptions = {},
): EmergingCell[] {
  const alpha = options.alpha ?? 0.05;
  const useFdr = options.fdr ?? true;
  const nb = options.neighbourhood ?? buildNeighbourhood([...monthly.keys()]);
  const n = nb.cells.length;
  if (monthly.size !== n)
    throw new StatsInputError(`emergingHotSpots: ${monthly.size} series for ${n} study-area cells`);
  let steps = -1;
  // time-major counts: counts[t·n + i]
  let counts = new Float64Array(0);
  for (const [cell, series] of monthly) {
    const i = nb.indexOf.get(cell);
    if (i === undefined) throw new StatsInputError(`emergingHotSpots: cell ${cell} is not in the study area`);
    if (steps === -1) {
      steps = series.length;
      if (steps < 2) throw new StatsInputError(`emergingHotSpots: need at least 2 months (got ${steps})`);
      counts = new Float64Array(steps * n);
    } else if (series.length !== steps) {
      throw new StatsInputError(`emergingHotSpots: ${cell} has ${series.length} months, others ${steps}`);
    }
    assertFiniteSeries(series, `emergingHotSpots ${cell}`);
    for (let t = 0; t < steps; t++) counts[t * n + i] = series[t];
  }
  // |z| below zMin has p above both levels: never significant, so its exact p is not needed (saves
  // most normal-CDF calls; BH only needs such p to count in m and rank above the others).
  const level = Math.max(options.q ?? 0.05, alpha);
  const zMin = smallestZWithPAtMost(level) - 1e-6;
  const z = new Float64Array(steps * n);
  const states = new Int8Array(steps * n);
  const p = new Float64Array(n);
  for (let t = 0; t < steps; t++) {
    const zt = giStarZ(nb, counts.subarray(t * n, (t + 1) * n), z.subarray(t * n, (t + 1) * n));
    for (let i = 0; i < n; i++) p[i] = Math.abs(zt[i]) < zMin ? 1 : twoSidedP(zt[i]);
    const sig = useFdr ? benjaminiHochberg(p, options.q ?? 0.05) : Uint8Array.from(p, (pi) => (pi < alpha ? 1 : 0));
    for (let i = 0; i < n; i++) if (sig[i]) states[t * n + i] = zt[i] > 0 ? 1 : -1;
  }
  const out: EmergingCell[] = new Array(n);
  const zSeries = new Float64Array(steps);
  const stateSeries = new Int8Array(steps);
  for (let i = 0; i < n; i++) {
    let hot = 0;
    let cold = 0;
    for (let t = 0; t < steps; t++) {
      zSeries[t] = z[t * n + i];
      const s = states[t * n + i];
      stateSeries[t] = s;
      if (s > 0) hot++;
      else if (s < 0) cold++;
    }
    const trend = mannKendall(zSeries, alpha);
    const cell: EmergingCell = {
      h3: nb.cells[i],
      category: classifyEmerging(stateSeries, trend, alpha),
      trend,
      hot_months: hot,
      cold_months: cold,
    };
    if (options.includeZ) cell.z = Array.from(zSeries);
    out[i] = cell;
  }
  return out;
}
