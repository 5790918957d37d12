/**
 * Month arithmetic for monthly series. A month is written `YYYY-MM` (the store's `month` bucket is
 * the first day of the local month; `month.slice(0, 7)` gives this key). Ranges of months are
 * half-open `[from, to)`, like every range in the API.
 */
import { StatsInputError } from '../errors.ts';

const MONTH_RE = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** Months since year 0 (`YYYY-MM` → y·12 + m − 1); throws on anything else. */
export function monthIndex(month: string): number {
  const m = MONTH_RE.exec(month);
  if (!m) throw new StatsInputError(`invalid month "${month}": use YYYY-MM`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

export function monthFromIndex(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** `month` shifted by `k` months (k may be negative). */
export function addMonths(month: string, k: number): string {
  return monthFromIndex(monthIndex(month) + k);
}

/** The months of `[from, to)`, oldest first (empty when to ≤ from). */
export function monthsBetween(from: string, to: string): string[] {
  const a = monthIndex(from);
  const b = monthIndex(to);
  const out: string[] = [];
  for (let i = a; i < b; i++) out.push(monthFromIndex(i));
  return out;
}

/** The `count` months immediately before `month`, oldest first (`month` itself excluded). */
export function monthsBefore(month: string, count: number): string[] {
  const end = monthIndex(month);
  const out: string[] = [];
  for (let i = end - count; i < end; i++) out.push(monthFromIndex(i));
  return out;
}

/** Monthly counts of one area: month → count. Months absent from the map are zero months. */
export type MonthlyCounts = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export function countIn(counts: MonthlyCounts, month: string): number {
  const v = counts instanceof Map ? counts.get(month) : (counts as Readonly<Record<string, number>>)[month];
  if (v === undefined) return 0;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) {
    throw new StatsInputError(`count for ${month} must be a finite number ≥ 0 (got ${String(v)})`);
  }
  return v;
}

/** The dense series of `months` (zero where the map has no entry): the input of `mannKendall`. */
export function denseSeries(counts: MonthlyCounts, months: readonly string[]): number[] {
  return months.map((m) => countIn(counts, m));
}

/**
 * Which months the data covers: a half-open month range `{from, to}` (e.g. from the first and last
 * incident month of the source), or an explicit set of months.
 */
export type MonthCoverage = { from: string; to: string } | ReadonlySet<string>;

export function isCovered(coverage: MonthCoverage, month: string): boolean {
  if (coverage instanceof Set) return coverage.has(month);
  const { from, to } = coverage as { from: string; to: string };
  const i = monthIndex(month);
  return i >= monthIndex(from) && i < monthIndex(to);
}
