/**
 * Predictive Accuracy Index as a back-test of hot spot maps.
 *
 * Method: S. Chainey, L. Tompson and S. Uhlig, "The utility of hotspot mapping for predicting spatial
 * patterns of crime", Security Journal 21 (2008) 4–28:
 *
 *   PAI = (n / N) / (a / A)
 *
 * n = incidents of the test period inside the predicted hot spots, N = all incidents of the test period
 * in the study area, a = area of the hot spots, A = area of the study area. PAI > 1 means the hot spots
 * catch more incidents than their share of the city; the hit rate n/N alone ignores how much ground
 * the hot spots cover.
 *
 * Back-test: the hot spots are the top-N cells of months t−k … t−1 (ranked by the Gi* z-score of the
 * summed counts, or by the summed count; ties by count, then by cell id, so the choice is
 * reproducible) and they are scored against month t. Areas are geodesic cell areas (h3 `cellArea`,
 * km²) by default, or plain cell counts.
 */
import { cellArea } from 'h3-js';
import { giStarZ } from '../gistar/index.ts';
import { buildNeighbourhood, type Neighbourhood } from '../study-area/index.ts';
import { assertFiniteSeries, StatsInputError } from '../errors.ts';

/** The PAI formula; null when the test period has no incidents (N = 0). */
export function predictiveAccuracyIndex(
  hits: number,
  total: number,
  hotspotArea: number,
  studyArea: number,
): number | null {
  if (!(hits >= 0 && total >= 0 && hits <= total))
    throw new StatsInputError(`PAI: need 0 ≤ hits ≤ total (got ${hits}, ${total})`);
  if (!(hotspotArea > 0 && studyArea > 0 && hotspotArea <= studyArea)) {
    throw new StatsInputError(`PAI: need 0 < hot spot area ≤ study area (got ${hotspotArea}, ${studyArea})`);
  }
  if (total === 0) return null;
  return hits / total / (hotspotArea / studyArea);
}

export interface PaiBacktestInput {
  /** Every study-area cell → monthly counts 0 … T−1 (same T for all, zeros included). */
  monthly: ReadonlyMap<string, ArrayLike<number>>;
  /** Index t of the test month. */
  testMonth: number;
  /** k: the hot spots come from months t−k … t−1. */
  trainingMonths: number;
  /** N of "top-N cells". */
  topN: number;
  rankBy?: 'gistar' | 'count';
  area?: 'km2' | 'cells';
  neighbourhood?: Neighbourhood;
}

export interface PaiBacktestResult {
  pai: number | null;
  hit_rate: number | null;
  area_share: number;
  hits: number;
  total: number;
  hotspot_area: number;
  study_area: number;
  /** The top-N cells, best first. */
  cells: string[];
}

export function paiBacktest(input: PaiBacktestInput): PaiBacktestResult {
  const { monthly, testMonth: t, trainingMonths: k, topN } = input;
  const nb = input.neighbourhood ?? buildNeighbourhood([...monthly.keys()]);
  const n = nb.cells.length;
  if (monthly.size !== n) throw new StatsInputError(`paiBacktest: ${monthly.size} series for ${n} study-area cells`);
  if (!Number.isInteger(k) || k < 1) throw new StatsInputError(`paiBacktest: trainingMonths must be ≥ 1 (got ${k})`);
  if (!Number.isInteger(t) || t < k)
    throw new StatsInputError(`paiBacktest: testMonth must be ≥ trainingMonths (got ${t})`);
  if (!Number.isInteger(topN) || topN < 1 || topN > n)
    throw new StatsInputError(`paiBacktest: topN must be 1…${n} (got ${topN})`);
  const training = new Float64Array(n);
  const test = new Float64Array(n);
  for (const [cell, series] of monthly) {
    const i = nb.indexOf.get(cell);
    if (i === undefined) throw new StatsInputError(`paiBacktest: cell ${cell} is not in the study area`);
    if (series.length <= t) throw new StatsInputError(`paiBacktest: ${cell} has no month ${t}`);
    assertFiniteSeries(series, `paiBacktest ${cell}`);
    for (let m = t - k; m < t; m++) training[i] += series[m];
    test[i] = series[t];
  }
  const score = input.rankBy === 'count' ? training : giStarZ(nb, training);
  const order = Array.from({ length: n }, (_, i) => i).sort(
    (a, b) => score[b] - score[a] || training[b] - training[a] || (nb.cells[a] < nb.cells[b] ? -1 : 1),
  );
  const top = order.slice(0, topN);
  const areaOf = input.area === 'cells' ? () => 1 : (i: number) => cellArea(nb.cells[i], 'km2');
  let total = 0;
  let studyArea = 0;
  for (let i = 0; i < n; i++) {
    total += test[i];
    studyArea += areaOf(i);
  }
  let hits = 0;
  let hotspotArea = 0;
  for (const i of top) {
    hits += test[i];
    hotspotArea += areaOf(i);
  }
  return {
    pai: predictiveAccuracyIndex(hits, total, hotspotArea, studyArea),
    hit_rate: total > 0 ? hits / total : null,
    area_share: hotspotArea / studyArea,
    hits,
    total,
    hotspot_area: hotspotArea,
    study_area: studyArea,
    cells: top.map((i) => nb.cells[i]),
  };
}
