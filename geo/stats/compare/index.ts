/**
 * Period-against-period comparisons: difference, percentage change and rates per 100,000 inhabitants,
 * and the reference periods a Mesa asks for (the same months a year earlier; the preceding period of
 * equal length). Dates are `YYYY-MM-DD`, ranges half-open `[from, to)` as everywhere in the API.
 *
 * Conventions: `pct_change` is a percentage rounded to 6 decimals, null when the reference count is 0 (no percentage of nothing);
 * rates are null when the population is unknown (null/undefined) or 0. Rates use the same population
 * for both periods (the census figure of the area; no inter-censal interpolation).
 */
import { StatsInputError } from '../errors.ts';
import { roundPct } from '../semaforo/index.ts';

export interface PeriodComparison {
  count: number;
  reference_count: number;
  diff: number;
  pct_change: number | null;
  rate: number | null;
  reference_rate: number | null;
}

/** Incidents per 100,000 inhabitants; null without a usable population. */
export function ratePer100k(count: number, population: number | null | undefined): number | null {
  if (population == null || !(population > 0)) return null;
  return (count * 100_000) / population;
}

function assertCount(v: number, what: string) {
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new StatsInputError(`${what} must be a finite number ≥ 0 (got ${String(v)})`);
  }
}

export function comparePeriods(count: number, referenceCount: number, population?: number | null): PeriodComparison {
  assertCount(count, 'count');
  assertCount(referenceCount, 'reference count');
  return {
    count,
    reference_count: referenceCount,
    diff: count - referenceCount,
    pct_change: referenceCount === 0 ? null : roundPct(((count - referenceCount) / referenceCount) * 100),
    rate: ratePer100k(count, population),
    reference_rate: ratePer100k(referenceCount, population),
  };
}

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function parseDate(date: string): [number, number, number] {
  const m = DATE_RE.exec(date);
  const t = m && new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (!m || !t || t.getUTCMonth() !== Number(m[2]) - 1 || t.getUTCDate() !== Number(m[3])) {
    throw new StatsInputError(`invalid date "${date}": use YYYY-MM-DD`);
  }
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

const fmt = (t: Date) => t.toISOString().slice(0, 10);

export interface DateRange {
  from: string;
  to: string;
}

function assertRange({ from, to }: DateRange) {
  parseDate(from);
  parseDate(to);
  if (!(from < to)) throw new StatsInputError(`empty range [${from}, ${to})`);
}

/**
 * The same calendar days one year earlier. A 29 February has no twin: as `from` it becomes
 * 28 February, as `to` 1 March, so the reference range still covers the whole shifted period
 * (e.g. [2016-02-01, 2016-03-01) → [2015-02-01, 2015-03-01); [2016-02-29, 2016-03-01) → [2015-02-28, 2015-03-01)).
 */
export function sameMonthsYearEarlier(range: DateRange): DateRange {
  assertRange(range);
  const shift = (date: string, leapDayTo: string) => {
    const [y, m, d] = parseDate(date);
    if (m === 2 && d === 29) return `${String(y - 1).padStart(4, '0')}-${leapDayTo}`;
    return `${String(y - 1).padStart(4, '0')}-${date.slice(5)}`;
  };
  return { from: shift(range.from, '02-28'), to: shift(range.to, '03-01') };
}

/**
 * The period of equal length that ends where `range` starts. When both ends are first days of a
 * month it is the same number of whole months earlier ([2016-01-01, 2016-04-01) → [2015-10-01, 2016-01-01));
 * otherwise the same number of days.
 */
export function precedingPeriod(range: DateRange): DateRange {
  assertRange(range);
  const [fy, fm, fd] = parseDate(range.from);
  const [ty, tm, td] = parseDate(range.to);
  if (fd === 1 && td === 1) {
    const months = ty * 12 + tm - (fy * 12 + fm);
    return { from: fmt(new Date(Date.UTC(fy, fm - 1 - months, 1))), to: range.from };
  }
  const days = (Date.UTC(ty, tm - 1, td) - Date.UTC(fy, fm - 1, fd)) / 86_400_000;
  return { from: fmt(new Date(Date.UTC(fy, fm - 1, fd - days))), to: range.from };
}
