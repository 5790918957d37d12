/**
 * Calendar helpers for the API's one date convention: `from`/`to` are local dates (`YYYY-MM-DD`),
 * half-open `[from, to)`. Pure string/UTC arithmetic: a local calendar date needs no time zone.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30, 2023-13-01 …). */
export function isCalendarDate(value: string): boolean {
  const m = DATE_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

function toUtc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d));
}

function fmtDate(t: Date): string {
  return t.toISOString().slice(0, 10);
}

/** `date` shifted by `days` (may be negative). */
export function addDays(date: string, days: number): string {
  const t = toUtc(date);
  t.setUTCDate(t.getUTCDate() + days);
  return fmtDate(t);
}

/** Whole days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to).getTime() - toUtc(from).getTime()) / 86_400_000);
}

/**
 * Every month (`YYYY-MM`) that overlaps the half-open range `[from, to)`, in order: the rows of a
 * dense monthly series. Empty when `to <= from`.
 */
export function monthsInRange(from: string, to: string): string[] {
  if (to <= from) return [];
  const last = addDays(to, -1);
  let [y, m] = from.split('-').map(Number);
  const [ly, lm] = last.split('-').map(Number);
  const out: string[] = [];
  while (y < ly || (y === ly && m <= lm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m === 13) {
      m = 1;
      y += 1;
    }
  }
  return out;
}

/** First day of the month after `month` (`YYYY-MM` or a date in it). */
export function nextMonthStart(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * The plausible range of any date a request names: no record predates 2000, and a target or a
 * forecast looks at most a year ahead. Bounding it (and a range's length) bounds each request's
 * cost: a hundred-year window would otherwise make dense series and statistics of 1,200 months.
 */
export const PLAUSIBLE_FROM = '2000-01-01';
export const PLAUSIBLE_MAX_MONTHS_AHEAD = 12;
export const MAX_RANGE_MONTHS = 120;

/** The exclusive upper bound of a plausible date: the first day after the end of (today's month + 12). */
export function plausibleEnd(today: string): string {
  const [y, m] = today.split('-').map(Number);
  const index = y * 12 + (m - 1) + PLAUSIBLE_MAX_MONTHS_AHEAD + 1;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}-01`;
}

/** Today's date in UTC (`YYYY-MM-DD`); a day's difference from local time is immaterial to a year's bound. */
export function todayUtc(now: Date = new Date()): string {
  return now.toISOString().slice(0, 10);
}

/** The number of calendar months that the half-open range `[from, to)` touches (0 when to ≤ from). */
export function monthSpan(from: string, to: string): number {
  if (to <= from) return 0;
  const [fy, fm] = from.split('-').map(Number);
  const [ly, lm] = addDays(to, -1).split('-').map(Number);
  return ly * 12 + lm - (fy * 12 + fm) + 1;
}
