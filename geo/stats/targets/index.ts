/**
 * Progress of a Mesa target (meta): "category C in area A, −P % against the monthly mean of the
 * baseline window, by month D".
 *
 * Why targets: the Mesa de Seguridad y Justicia de Ciudad Juárez set its homicide target as a
 * rate (50 → 30 → 14 per 100 000 inhabitants) and reviewed it in every monthly plenary, setting
 * the next, lower target as each was met. A Mesa here sets the same kind of
 * target on the monthly count of one category in one area.
 *
 * The rule (documented in the OpenAPI text too):
 *   baseline_monthly_mean = (sum of the counts of the baseline months) / (number of baseline months)
 *   goal_monthly          = baseline_monthly_mean × (1 − reduction_pct / 100)
 *   each month from baseline_to up to min(due_month, last data month), both included:
 *     met = count ≤ goal_monthly
 *   status:
 *     null          the baseline is not wholly inside the data's months (no honest goal), or a month
 *                   the status needs is withheld (public figures)
 *     "en_curso"    the data does not reach due_month yet
 *     "cumplida"    the mean of the last 3 months up to due_month (only months ≥ baseline_to, so
 *                   fewer when the target is short) is ≤ goal_monthly
 *     "no_cumplida" otherwise
 * A 3-month mean rather than the due month alone: monthly counts of one category in one sector are
 * small, and one quiet (or busy) month should neither meet nor miss a target the Mesa worked on for
 * a year. The comparisons are made on integers (reduction_pct in hundredths of a percent), so a
 * count of exactly the goal is met, never missed through a rounding error.
 *
 * Withheld months (public answers): a baseline month given as null counts 0 in the sum, as every
 * public sum does (server/policy), and `baseline_withheld` says how many there were; a progress
 * month given as null has `met: null`.
 */
import { StatsInputError } from '../errors.ts';
import { isCovered, monthIndex, monthsBetween, addMonths, type MonthCoverage } from '../months/index.ts';

export type TargetStatus = 'cumplida' | 'en_curso' | 'no_cumplida';

/** Months averaged to judge a target at its due month. */
export const TARGET_STATUS_MONTHS = 3;

export interface TargetProgressInput {
  /** first baseline month, `YYYY-MM` */
  baselineFrom: string;
  /** first month after the baseline, `YYYY-MM` (the progress starts here) */
  baselineTo: string;
  /** the reduction asked for, in percent: 25 means −25 % (0 < pct ≤ 100) */
  reductionPct: number;
  /** the month the target is due, `YYYY-MM` (≥ baselineTo) */
  dueMonth: string;
  /** the months the data covers; progress stops at the last covered month before or at dueMonth */
  coverage: MonthCoverage;
  /** month → count; absent = 0; null = withheld (public figures) */
  counts: ReadonlyMap<string, number | null>;
}

export interface TargetProgressItem {
  month: string;
  count: number | null;
  goal: number | null;
  met: boolean | null;
}

export interface TargetProgress {
  baseline_monthly_mean: number | null;
  goal_monthly: number | null;
  /** baseline months (baselineTo − baselineFrom) */
  baseline_months: number;
  /** baseline months given as null (withheld): counted as 0 */
  baseline_withheld: number;
  items: TargetProgressItem[];
  status: TargetStatus | null;
}

/** reduction_pct in hundredths of a percent, as an integer (25 → 2500, 12.5 → 1250). */
function pctHundredths(pct: number): number {
  if (typeof pct !== 'number' || !Number.isFinite(pct) || pct <= 0 || pct > 100) {
    throw new StatsInputError(`reduction_pct must be a number in (0, 100] (got ${String(pct)})`);
  }
  return Math.round(pct * 100);
}

/**
 * Whether `sum / n` (a mean of counts) is at most the goal `baseSum / baseN × (1 − p/10000)`,
 * decided on integers: sum·baseN·10000 ≤ baseSum·(10000 − p)·n.
 */
function meanAtMostGoal(sum: number, n: number, baseSum: number, baseN: number, p: number): boolean {
  return sum * baseN * 10000 <= baseSum * (10000 - p) * n;
}

function countOf(counts: ReadonlyMap<string, number | null>, month: string): number | null {
  const v = counts.get(month);
  if (v === undefined) return 0;
  if (v === null) return null;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0)
    throw new StatsInputError(`count for ${month} must be a finite number ≥ 0 (got ${String(v)})`);
  return v;
}

export function targetProgress(input: TargetProgressInput): TargetProgress {
  const { baselineFrom, baselineTo, dueMonth, coverage, counts } = input;
  const p = pctHundredths(input.reductionPct);
  if (monthIndex(baselineTo) <= monthIndex(baselineFrom))
    throw new StatsInputError(`baseline ${baselineFrom}..${baselineTo}: the window is empty`);
  if (monthIndex(dueMonth) < monthIndex(baselineTo))
    throw new StatsInputError(`due_month ${dueMonth} is before the end of the baseline (${baselineTo})`);

  const baseline = monthsBetween(baselineFrom, baselineTo);
  let baseSum = 0;
  let withheld = 0;
  for (const m of baseline) {
    const c = countOf(counts, m);
    if (c === null) withheld++;
    else baseSum += c;
  }
  const baseN = baseline.length;
  const baselineKnown = baseline.every((m) => isCovered(coverage, m));
  const mean = baselineKnown ? baseSum / baseN : null;
  const goal = mean === null ? null : (mean * (10000 - p)) / 10000;

  // progress months: baselineTo … dueMonth, cut at the first month the data does not cover
  const items: TargetProgressItem[] = [];
  for (const month of monthsBetween(baselineTo, addMonths(dueMonth, 1))) {
    if (!isCovered(coverage, month)) break;
    const count = countOf(counts, month);
    const met = count === null || goal === null ? null : meanAtMostGoal(count, 1, baseSum, baseN, p);
    items.push({ month, count, goal, met });
  }

  let status: TargetStatus | null = null;
  if (goal !== null) {
    const reached = items.length > 0 && items[items.length - 1].month === dueMonth;
    if (!reached) status = 'en_curso';
    else {
      const window = items.slice(-TARGET_STATUS_MONTHS);
      if (window.every((i) => i.count !== null)) {
        const sum = window.reduce((s, i) => s + i.count!, 0);
        status = meanAtMostGoal(sum, window.length, baseSum, baseN, p) ? 'cumplida' : 'no_cumplida';
      }
    }
  }
  return {
    baseline_monthly_mean: mean,
    goal_monthly: goal,
    baseline_months: baseN,
    baseline_withheld: withheld,
    items,
    status,
  };
}
