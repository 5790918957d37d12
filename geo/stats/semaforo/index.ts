/**
 * Semáforo Delictivo rule for one area, one category and one month.
 *
 * Method (the rule of the Semáforo Delictivo, semaforo.com.mx, which compares a
 * month with the monthly mean of the three previous years):
 *   baseline_mean = mean monthly count over the 36 months before `month` (zero months count as 0)
 *   pct_change    = (count − baseline_mean) / baseline_mean × 100
 *   verde    when pct_change ≤ −25 %
 *   amarillo when −25 % < pct_change ≤ 0 %
 *   rojo     when pct_change > 0 %
 *
 * The thresholds are decided on exact integer arithmetic, not on the rounded percentage: with
 * m = 36 months summing to `sum`, pct ≤ −25 % ⇔ 4·count·m ≤ 3·sum and pct ≤ 0 ⇔ count·m ≤ sum, so
 * a count of exactly 75 % of the baseline is verde, never amarillo through a rounding error (e.g.
 * count 1 against a mean of 48/36: (1 − 4/3)/(4/3)·100 is −24.999999999999993 in floating point).
 * `pct_change` is a percentage (−25 means −25 %) rounded to 6 decimals.
 *
 * Edge cases (to be stated in the OpenAPI text):
 * - `baseline_months` is how many of the 36 months the data covers (`coverage`); with fewer than 36,
 *   `color` is null. `baseline_mean` and `pct_change` are still given over the covered months
 *   (null when none is covered) so the reader sees the partial figure, but no colour is claimed.
 * - When `month` itself is not covered by the data, `count` is 0 by construction and `color` is null:
 *   a month without data is not a month without crime.
 * - Zero baseline (no incident in 36 covered months): `pct_change` is null (a change from zero has no
 *   percentage). `color` is "rojo" if count > 0 — any incident is a rise above the baseline — and
 *   "verde" if count = 0: no incidents in 37 months needs no attention, and painting every empty
 *   cuadrante amarillo would drown the real signals.
 */
import { StatsInputError } from '../errors.ts';
import {
  countIn,
  isCovered,
  monthIndex,
  monthsBefore,
  type MonthCoverage,
  type MonthlyCounts,
} from '../months/index.ts';

export const SEMAFORO_BASELINE_MONTHS = 36;

export type SemaforoColor = 'verde' | 'amarillo' | 'rojo';

export interface SemaforoInput {
  /** The month judged, `YYYY-MM`. */
  month: string;
  /** This area's monthly counts; months missing from it are zero months. */
  counts: MonthlyCounts;
  /** Months the data covers (half-open range or set). */
  coverage: MonthCoverage;
}

export interface SemaforoResult {
  count: number;
  baseline_mean: number | null;
  baseline_months: number;
  pct_change: number | null;
  color: SemaforoColor | null;
}

/**
 * The colour from the month's count and the baseline's sum over `months` months, with integer
 * arithmetic (see the module comment); the zero-baseline rule included.
 */
export function semaforoColor(count: number, baselineSum: number, months: number): SemaforoColor {
  if (baselineSum === 0) return count > 0 ? 'rojo' : 'verde';
  if (4 * count * months <= 3 * baselineSum) return 'verde';
  if (count * months <= baselineSum) return 'amarillo';
  return 'rojo';
}

/** Percentages to 6 decimals: hides float artefacts such as −24.999999999999993 for an exact −25 %. */
export function roundPct(pct: number): number {
  return Math.round(pct * 1e6) / 1e6 + 0; // + 0 turns −0 into 0
}

export function semaforo({ month, counts, coverage }: SemaforoInput): SemaforoResult {
  monthIndex(month); // validates the format
  let baselineSum = 0;
  for (const m of monthsBefore(month, SEMAFORO_BASELINE_MONTHS)) {
    if (isCovered(coverage, m)) baselineSum += countIn(counts, m);
  }
  return semaforoFromSums({ month, count: countIn(counts, month), baselineSum, coverage });
}

/**
 * The same rule from sums already taken: the month's count and the sum of its covered baseline
 * months (callers whose uncovered months hold no incidents may sum every baseline month).
 */
export function semaforoFromSums({
  month,
  count,
  baselineSum,
  coverage,
}: {
  month: string;
  count: number;
  baselineSum: number;
  coverage: MonthCoverage;
}): SemaforoResult {
  monthIndex(month); // validates the format
  let covered = 0;
  for (const m of monthsBefore(month, SEMAFORO_BASELINE_MONTHS)) if (isCovered(coverage, m)) covered++;
  const baselineMean = covered > 0 ? baselineSum / covered : null;
  const pctChange = baselineMean ? roundPct(((count - baselineMean) / baselineMean) * 100) : null;
  const complete = covered === SEMAFORO_BASELINE_MONTHS && isCovered(coverage, month);
  return {
    count,
    baseline_mean: baselineMean,
    baseline_months: covered,
    pct_change: pctChange,
    color: complete ? semaforoColor(count, baselineSum, covered) : null,
  };
}

/** Checks a whole request's month once, so a bad month fails before any area is computed. */
export function assertSemaforoMonth(month: string): void {
  try {
    monthIndex(month);
  } catch {
    throw new StatsInputError(`invalid month "${month}" for the semáforo: use YYYY-MM`);
  }
}
