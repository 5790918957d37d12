/**
 * Getis-Ord Gi* hot spot statistic on H3 cells, with Benjamini–Hochberg FDR correction.
 *
 * Method: A. Getis and J. K. Ord, "The analysis of spatial association by use of distance statistics",
 * Geographical Analysis 24 (1992) 189–206; J. K. Ord and A. Getis, "Local spatial autocorrelation
 * statistics: distributional issues and an application", Geographical Analysis 27 (1995) 286–306,
 * eq. for Gi* in standardised form:
 *
 *   Gi* = ( Σ_j w_ij x_j − X̄ Σ_j w_ij ) / ( S · √( (n Σ_j w_ij² − (Σ_j w_ij)²) / (n − 1) ) )
 *   X̄ = Σ x_j / n,   S = √( Σ x_j² / n − X̄² )   (population standard deviation over all n cells)
 *
 * Here w_ij = 1 when j is in the k-ring of i (k = 1 by default, i itself included) and inside the
 * study area, else 0; so Σ w_ij = Σ w_ij² = W_i, the number of study-area cells in i's ring. The z-score
 * is Gi* itself; p is two-sided from the normal distribution; significance is decided by
 * Benjamini–Hochberg at q = 0.05 over all n cells (see ../fdr): `hot` = true for a significant z > 0,
 * false for a significant z < 0, null otherwise.
 *
 * Degenerate cases: when all counts are equal (S = 0, e.g. a period with no incidents) or a cell's ring
 * holds the whole study area (n·W_i = W_i²), Gi* is 0/0; the cell gets z = 0, p = 1, hot = null.
 * The caller passes every cell of the study area, zeros included (see `cellsCoveringPolygons` and
 * `valuesOnStudyArea` in ../study-area).
 */
import { twoSidedP } from '../normal/index.ts';
import { benjaminiHochberg } from '../fdr/index.ts';
import { buildNeighbourhood, valuesOnStudyArea, type Neighbourhood } from '../study-area/index.ts';
import { assertFiniteSeries, StatsInputError } from '../errors.ts';

export interface GiStarCell {
  h3: string;
  count: number;
  z: number;
  p: number;
  hot: boolean | null;
}

export interface GiStarOptions {
  /** FDR level for Benjamini–Hochberg (default 0.05). */
  q?: number;
  /** A neighbourhood built once for this study area (its cells must be exactly the input cells). */
  neighbourhood?: Neighbourhood;
  /** Ring size when no neighbourhood is given (default 1). */
  k?: number;
}

/** Gi* z-scores of `values` (indexed like `nb.cells`) — the fast core, reused month after month. */
export function giStarZ(
  nb: Neighbourhood,
  values: ArrayLike<number>,
  out = new Float64Array(values.length),
): Float64Array {
  const n = nb.cells.length;
  if (values.length !== n) throw new StatsInputError(`giStarZ: ${values.length} values for ${n} cells`);
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sum += v;
    sumSq += v * v;
  }
  const mean = sum / n;
  // (n Σx² − (Σx)²)/n²: exact for integer counts below 2^53, unlike Σx²/n − X̄².
  const variance = Math.max(0, (n * sumSq - sum * sum) / (n * n));
  const s = Math.sqrt(variance);
  const { offsets, neighbours } = nb;
  for (let i = 0; i < n; i++) {
    const start = offsets[i];
    const end = offsets[i + 1];
    const w = end - start;
    let local = 0;
    for (let e = start; e < end; e++) local += values[neighbours[e]];
    const den = s * Math.sqrt((n * w - w * w) / (n - 1));
    out[i] = den > 0 ? (local - mean * w) / den : 0;
  }
  return out;
}

/** `hot` from z and the FDR decision. */
export function hotFlags(z: ArrayLike<number>, p: ArrayLike<number>, q = 0.05): (boolean | null)[] {
  const significant = benjaminiHochberg(p, q);
  return Array.from(significant, (sig, i) => (sig ? z[i] > 0 : null));
}

/** Gi* for every cell of the study area (zeros included), in the order given. */
export function getisOrdGiStar(
  cells: readonly { h3: string; count: number }[],
  options: GiStarOptions = {},
): GiStarCell[] {
  const counts = cells.map((c) => c.count);
  assertFiniteSeries(counts, 'getisOrdGiStar counts');
  let nb = options.neighbourhood;
  let values: ArrayLike<number> = counts;
  if (nb) {
    if (nb.cells.length !== cells.length) {
      throw new StatsInputError(`getisOrdGiStar: ${cells.length} cells for a neighbourhood of ${nb.cells.length}`);
    }
    const placed = new Float64Array(cells.length);
    for (const c of cells) {
      const i = nb.indexOf.get(c.h3);
      if (i === undefined) throw new StatsInputError(`getisOrdGiStar: cell ${c.h3} is not in the neighbourhood`);
      placed[i] = c.count;
    }
    values = placed;
  } else {
    nb = buildNeighbourhood(
      cells.map((c) => c.h3),
      options.k ?? 1,
    );
  }
  const z = giStarZ(nb, values);
  const p = Array.from(z, (zi) => (zi === 0 ? 1 : twoSidedP(zi)));
  const hot = hotFlags(z, p, options.q ?? 0.05);
  return cells.map((c) => {
    const i = nb.indexOf.get(c.h3)!;
    return { h3: c.h3, count: c.count, z: z[i], p: p[i], hot: hot[i] };
  });
}

/**
 * The `/api/hotspots/gistar` shape in one call: `counts` holds only the cells with incidents (any cell
 * of the study area missing from it counts 0); incidents in cells outside the study area are left out
 * of the statistic and reported in `outside`. Cells come back in the neighbourhood's (sorted) order.
 */
export function giStarOnStudyArea(
  nb: Neighbourhood,
  counts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>,
  q = 0.05,
): { cells: GiStarCell[]; outside: number } {
  const { values, outside } = valuesOnStudyArea(nb, counts);
  const z = giStarZ(nb, values);
  const p = Array.from(z, (zi) => (zi === 0 ? 1 : twoSidedP(zi)));
  const hot = hotFlags(z, p, q);
  return { cells: nb.cells.map((h3, i) => ({ h3, count: values[i], z: z[i], p: p[i], hot: hot[i] })), outside };
}
