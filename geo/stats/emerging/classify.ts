/**
 * Esri's emerging hot spot categories for one location, from its per-time-step states and the
 * Mann-Kendall trend of its Gi* z-scores.
 *
 * Definitions: Esri, ArcGIS Pro tool reference, "How Emerging Hot Spot Analysis works"
 * (pro.arcgis.com/en/pro-app/latest/tool-reference/space-time-pattern-mining/learnmoreemerging.htm):
 * - New: "a statistically significant hot spot for the final time step and has never been a
 *   statistically significant hot spot before."
 * - Consecutive: "a single uninterrupted run of at least two statistically significant hot spot bins in
 *   the final time-step intervals. The location has never been a statistically significant hot spot
 *   prior to the final hot spot run and less than 90 percent of all bins are statistically significant
 *   hot spots."
 * - Intensifying: "a statistically significant hot spot for 90 percent of the time-step intervals,
 *   including the final time step. In addition, the intensity of clustering of high counts in each time
 *   step is increasing overall and that increase is statistically significant."
 * - Persistent: "a statistically significant hot spot for 90 percent of the time-step intervals with no
 *   discernible trend in the intensity of clustering over time."
 * - Diminishing: as intensifying, with the intensity "decreasing overall and that decrease is
 *   statistically significant."
 * - Sporadic: "a statistically significant hot spot for the final time-step interval with a history of
 *   also being an on-again and off-again hot spot. Less than 90 percent of the time-step intervals have
 *   been statistically significant hot spots and none of the time-step intervals have been statistically
 *   significant cold spots."
 * - Oscillating: "a statistically significant hot spot for the final time-step interval that has a
 *   history of also being a statistically significant cold spot during a prior time step. Less than
 *   90 percent of the time-step intervals have been statistically significant hot spots."
 * - Historical: "The most recent time period is not hot, but at least 90 percent of the time-step
 *   intervals have been statistically significant hot spots."
 * Cold spot categories are the mirror images. Where the published text leaves an order open, this
 * implementation decides by the final time step (the state a Mesa acts on):
 *   final step significantly hot  → the hot family: ≥ 90 % hot → intensifying / diminishing (significant
 *     Mann-Kendall trend of the z-scores up / down) or persistent (no significant trend); otherwise any
 *     earlier cold step → oscillating; no earlier hot step → new (run of 1) or consecutive (run ≥ 2);
 *     else sporadic;
 *   final step significantly cold → the mirror image;
 *   final step not significant    → historical hot (≥ 90 % hot), historical cold (≥ 90 % cold), or none.
 * "90 percent" is read as ≥ 90 % of all time steps (10·hot ≥ 9·T, integer arithmetic). The trend is
 * significant when the Mann-Kendall p < alpha (0.05).
 */
import { mannKendall, type MannKendallResult } from '../mann-kendall/index.ts';

export const EMERGING_CATEGORIES = [
  'new_hot_spot',
  'consecutive_hot_spot',
  'intensifying_hot_spot',
  'persistent_hot_spot',
  'diminishing_hot_spot',
  'sporadic_hot_spot',
  'oscillating_hot_spot',
  'historical_hot_spot',
  'new_cold_spot',
  'consecutive_cold_spot',
  'intensifying_cold_spot',
  'persistent_cold_spot',
  'diminishing_cold_spot',
  'sporadic_cold_spot',
  'oscillating_cold_spot',
  'historical_cold_spot',
  'no_pattern',
] as const;
export type EmergingCategory = (typeof EMERGING_CATEGORIES)[number];

/** UI labels (es-MX), after Esri's Spanish edition of the same page. */
export const EMERGING_LABELS_ES: Record<EmergingCategory, string> = {
  new_hot_spot: 'Nuevo punto caliente',
  consecutive_hot_spot: 'Punto caliente consecutivo',
  intensifying_hot_spot: 'Punto caliente en aumento',
  persistent_hot_spot: 'Punto caliente persistente',
  diminishing_hot_spot: 'Punto caliente en disminución',
  sporadic_hot_spot: 'Punto caliente esporádico',
  oscillating_hot_spot: 'Punto caliente oscilante',
  historical_hot_spot: 'Punto caliente histórico',
  new_cold_spot: 'Nuevo punto frío',
  consecutive_cold_spot: 'Punto frío consecutivo',
  intensifying_cold_spot: 'Punto frío en aumento',
  persistent_cold_spot: 'Punto frío persistente',
  diminishing_cold_spot: 'Punto frío en disminución',
  sporadic_cold_spot: 'Punto frío esporádico',
  oscillating_cold_spot: 'Punto frío oscilante',
  historical_cold_spot: 'Punto frío histórico',
  no_pattern: 'Sin patrón detectado',
};

/** Per-time-step state: +1 significant hot spot, −1 significant cold spot, 0 not significant. */
export type StepState = 1 | -1 | 0;

/** Classifies from the states and the trend of the z-scores (only the trend's `s` and `p` are used). */
export function classifyEmerging(
  states: ArrayLike<number>,
  trend: Pick<MannKendallResult, 's' | 'p'>,
  alpha = 0.05,
): EmergingCategory {
  const t = states.length;
  if (t === 0) return 'no_pattern';
  let hot = 0;
  let cold = 0;
  for (let i = 0; i < t; i++) {
    if (states[i] > 0) hot++;
    else if (states[i] < 0) cold++;
  }
  const final = Math.sign(states[t - 1]);
  if (final === 0) {
    if (10 * hot >= 9 * t) return 'historical_hot_spot';
    if (10 * cold >= 9 * t) return 'historical_cold_spot';
    return 'no_pattern';
  }
  const kind = final > 0 ? 'hot' : 'cold';
  const same = final > 0 ? hot : cold;
  const opposite = final > 0 ? cold : hot;
  if (10 * same >= 9 * t) {
    const significant = trend.p < alpha && trend.s !== 0;
    // "intensity of clustering" grows when hot z rise, or when cold z fall (more negative)
    const intensifying = final > 0 ? trend.s > 0 : trend.s < 0;
    if (!significant) return `persistent_${kind}_spot`;
    return intensifying ? `intensifying_${kind}_spot` : `diminishing_${kind}_spot`;
  }
  if (opposite > 0) return `oscillating_${kind}_spot`;
  let run = 0;
  while (run < t && Math.sign(states[t - 1 - run]) === final) run++;
  if (same === run) return run >= 2 ? `consecutive_${kind}_spot` : `new_${kind}_spot`;
  return `sporadic_${kind}_spot`;
}

/** Convenience for hand-built series: states from z and significance flags, trend from the z-series. */
export function classifyZSeries(z: readonly number[], significant: readonly boolean[], alpha = 0.05): EmergingCategory {
  const states = z.map((zi, i) => (significant[i] ? Math.sign(zi) : 0));
  return classifyEmerging(states, mannKendall(z, alpha), alpha);
}
