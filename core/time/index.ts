/**
 * Dates and hours as official records write them, and their conversion to instants in
 * America/Mexico_City. Source dates are local calendar dates; an hour, when valid, makes a local
 * wall-clock time that is converted with the IANA zone rules (through Intl), because Mexico City
 * observed daylight-saving time until October 2022 (a fixed −06:00 would be an hour off every summer).
 */

export interface LocalDate {
  year: number;
  month: number; // 1–12
  day: number;
}

export interface LocalTime {
  hour: number;
  minute: number;
  second: number;
}

export const TIME_ZONE = 'America/Mexico_City';

function validDate(year: number, month: number, day: number): LocalDate | null {
  if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? { year, month, day } : null;
}

export type DateFormat = 'yyyy-mm-dd' | 'dd/mm/yyyy';
export type HourFormat = 'hh:mm' | 'seconds';

/** "2013-01-01" (a trailing time, as in "2019-01-04 19:30:00", is ignored) or "04/01/2019" → a valid calendar date, else null. */
export function parseDate(value: string, format: DateFormat): LocalDate | null {
  const v = value.trim();
  const m =
    format === 'yyyy-mm-dd'
      ? /^(\d{4})-(\d{1,2})-(\d{1,2})(?:$|[ T])/.exec(v)
      : /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:$| )/.exec(v);
  if (!m) return null;
  return format === 'yyyy-mm-dd' ? validDate(+m[1], +m[2], +m[3]) : validDate(+m[3], +m[2], +m[1]);
}

/**
 * "HH:MM[:SS]" or seconds since midnight ("70200.0", as the FGJ víctimas file writes it) → a valid
 * time of day, else null ("21510" as hh:mm, "24:00", "90000" seconds are invalid: the record keeps its date only).
 */
export function parseTime(value: string, format: HourFormat): LocalTime | null {
  const v = value.trim();
  if (v === '') return null;
  if (format === 'seconds') {
    if (!/^\d+(\.0*)?$/.test(v)) return null;
    const s = Number.parseInt(v, 10);
    if (s < 0 || s >= 86_400) return null;
    return { hour: Math.floor(s / 3600), minute: Math.floor((s % 3600) / 60), second: s % 60 };
  }
  const m = /^(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/.exec(v);
  if (!m) return null;
  const [hour, minute, second] = [+m[1], +m[2], m[3] ? +m[3] : 0];
  return hour < 24 && minute < 60 && second < 60 ? { hour, minute, second } : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : `${n}`);
export const isoDate = (d: LocalDate) => `${d.year}-${pad2(d.month)}-${pad2(d.day)}`;
export const monthStart = (d: LocalDate) => `${d.year}-${pad2(d.month)}-01`;

/** ISO day of week: 1 = Monday … 7 = Sunday. */
export function isoDayOfWeek(d: LocalDate): number {
  const dow = new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
  return dow === 0 ? 7 : dow;
}

const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: TIME_ZONE,
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});

/** Offset of the zone from UTC at the start of UTC hour `hourKey`, in minutes (−360 for CST, −300 for CDT). */
function offsetAtHour(hourKey: number): number {
  const p: Record<string, number> = {};
  for (const { type, value } of parts.formatToParts(new Date(hourKey * 3_600_000)))
    if (type !== 'literal') p[type] = +value;
  return Math.round((Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute) - hourKey * 3_600_000) / 60_000);
}

/**
 * Offset at instant `utcMs`. Intl is slow, so it is asked twice per UTC day (first and last hour): when both
 * agree the whole day has that offset (a zone changes offset at most once a day); otherwise per hour.
 */
const dayCache = new Map<number, number | null>();
const hourCache = new Map<number, number>();
function zoneOffsetMinutes(utcMs: number): number {
  const hourKey = Math.floor(utcMs / 3_600_000);
  const dayKey = Math.floor(hourKey / 24);
  let day = dayCache.get(dayKey);
  if (day === undefined) {
    const first = offsetAtHour(dayKey * 24);
    day = first === offsetAtHour(dayKey * 24 + 23) ? first : null;
    dayCache.set(dayKey, day);
  }
  if (day !== null) return day;
  let off = hourCache.get(hourKey);
  if (off === undefined) hourCache.set(hourKey, (off = offsetAtHour(hourKey)));
  return off;
}

/**
 * Local wall-clock time in Mexico City → the UTC instant. The offset is taken at the instant guessed
 * with the first offset, then re-checked (the usual two-step for zone transitions); a time that the
 * spring-forward gap skipped maps to the instant one hour later, one the fall-back repeated to its first occurrence.
 */
export function localToUtc(d: LocalDate, t: LocalTime): Date {
  const wall = Date.UTC(d.year, d.month - 1, d.day, t.hour, t.minute, t.second);
  const first = wall - zoneOffsetMinutes(wall) * 60_000;
  const second = wall - zoneOffsetMinutes(first) * 60_000;
  return new Date(zoneOffsetMinutes(second) === zoneOffsetMinutes(first) ? second : Math.max(first, second));
}
