/** Spanish (es-MX) formatting for everything the map shows. */

const LOCALE = 'es-MX';

const integerFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const decimalFormat = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1, minimumFractionDigits: 1 });
const longDate = new Intl.DateTimeFormat(LOCALE, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const monthYear = new Intl.DateTimeFormat(LOCALE, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const monthYearLong = new Intl.DateTimeFormat(LOCALE, { month: 'long', year: 'numeric', timeZone: 'UTC' });

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/**
 * A count as shown. A public figure is a number — 0 or at least 3 under the cell-key default
 * (docs/privacy.md), and a zero says zero; only a value actually withheld (null: a sensitive
 * category's month not yet published, a month of 1 or 2 under PUBLIC_DISCLOSURE=suppression, or a
 * figure only a liaison may see) reads "dato reservado".
 */
export function formatCount(value: number | null | undefined): string {
  return value == null ? WITHHELD_LABEL : integerFormat.format(value);
}

export const WITHHELD_LABEL = 'dato reservado';

/** What a withheld value means, for tooltips and notes (shown only next to a withheld value). */
export const WITHHELD_NOTE =
  'dato reservado: la cifra no se publica para proteger a las víctimas (un mes con menos de 3 incidentes, o de un delito sensible aún no publicado)';

export function formatDecimal(value: number | null | undefined): string {
  return value == null || !Number.isFinite(value) ? '—' : decimalFormat.format(value);
}

/** Signed percentage (`+12.5 %`), or a dash when there is no reference (p1 = 0). */
export function formatPercent(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return '—';
  const sign = value > 0 ? '+' : '';
  return `${sign}${decimalFormat.format(value)} %`;
}

export function formatSigned(value: number): string {
  return `${value > 0 ? '+' : ''}${integerFormat.format(value)}`;
}

/** `2016-09-30` → `30 de septiembre de 2016` (the date is a calendar date, not an instant). */
export function formatLongDate(isoDate: string): string {
  return longDate.format(new Date(`${isoDate.slice(0, 10)}T00:00:00Z`));
}

/**
 * The end of the data after "Datos al": a day (`2016-09-30` → `30 de septiembre de 2016`) or, when
 * only its month is public, the month (`2016-09` → `mes de septiembre de 2016`).
 */
export function formatDataUntil(until: string): string {
  return until.length > 7 ? formatLongDate(until) : `mes de ${formatMonthLong(until)}`;
}

/** `2016-09` → `sept 2016`. */
export function formatMonthShort(month: string): string {
  return monthYear.format(new Date(`${month}-01T00:00:00Z`)).replace('.', '');
}

/** `2016-09` → `septiembre de 2016`. */
export function formatMonthLong(month: string): string {
  return monthYearLong.format(new Date(`${month}-01T00:00:00Z`));
}
