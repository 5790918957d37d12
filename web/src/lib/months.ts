/**
 * Month arithmetic for the period filter. The API speaks half-open date ranges `[from, to)` in
 * `YYYY-MM-DD`; the UI speaks inclusive month ranges (`2015-10` … `2016-09`). These helpers are
 * the only place that converts between the two, so an off-by-one lives (and is tested) here.
 */

/** A month as `YYYY-MM`. */
export type Month = string;

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isMonth(value: string): value is Month {
  return MONTH_PATTERN.test(value);
}

/** Months since year 0: makes month ranges plain integer ranges. */
export function monthIndex(month: Month): number {
  const [year, mm] = month.split('-').map(Number);
  return year * 12 + (mm - 1);
}

export function monthFromIndex(index: number): Month {
  const year = Math.floor(index / 12);
  const mm = (index % 12) + 1;
  return `${String(year).padStart(4, '0')}-${String(mm).padStart(2, '0')}`;
}

export function addMonths(month: Month, count: number): Month {
  return monthFromIndex(monthIndex(month) + count);
}

/** Inclusive month count of `first … last`. */
export function monthSpan(first: Month, last: Month): number {
  return monthIndex(last) - monthIndex(first) + 1;
}

/** Inclusive months `first … last` → the API's half-open `[from, to)` dates. */
export function monthsToRange(first: Month, last: Month): { from: string; to: string } {
  return { from: `${first}-01`, to: `${addMonths(last, 1)}-01` };
}

/** The same as an API period string `FROM..TO`. */
export function monthsToPeriod(first: Month, last: Month): string {
  const { from, to } = monthsToRange(first, last);
  return `${from}..${to}`;
}

/**
 * The default period: the last 12 *full* months up to `dataUntil` (the latest incident date).
 * A month counts as full only when `dataUntil` is its last day; otherwise the window ends the
 * month before, so a partly loaded month never looks like a drop in incidents. When only the month
 * is known (`YYYY-MM`: the public sees no days), it is taken as the last month: the sources publish
 * whole months, so their last month is normally complete.
 */
export function defaultPeriod(dataUntil: string): { first: Month; last: Month } {
  const thisMonth = dataUntil.slice(0, 7);
  if (dataUntil.length === 7) return { first: addMonths(thisMonth, -11), last: thisMonth };
  const date = new Date(`${dataUntil.slice(0, 10)}T00:00:00Z`);
  const nextDay = new Date(date.getTime() + 86_400_000);
  const last = nextDay.getUTCDate() === 1 ? thisMonth : addMonths(thisMonth, -1);
  return { first: addMonths(last, -11), last };
}

/** The period of the same length right before `first … last` (the reference period). */
export function previousPeriod(first: Month, last: Month): { first: Month; last: Month } {
  const span = monthSpan(first, last);
  return { first: addMonths(first, -span), last: addMonths(first, -1) };
}

/** Every month of `first … last`, in order. */
export function monthsBetween(first: Month, last: Month): Month[] {
  const out: Month[] = [];
  for (let i = monthIndex(first); i <= monthIndex(last); i++) out.push(monthFromIndex(i));
  return out;
}
