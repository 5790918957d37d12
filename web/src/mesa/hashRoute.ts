/**
 * Hash routes of the Mesa views: `#comparar?a=…&b=…`, `#patrullaje?cuadrante=…`, `#fuentes`.
 * The map's own state stays in the query string (`urlState.ts`); the hash names the full-screen
 * view and carries only that view's parameters, so a link opens the same view on the same map.
 * Pure: parsing never throws; anything malformed falls back to a default.
 */
import { isMonth, monthIndex, type Month } from '../lib/months.ts';

export const MESA_ROUTES = ['comparar', 'patrullaje', 'fuentes', 'ranking'] as const;
export type MesaRouteName = (typeof MESA_ROUTES)[number];

export interface HashRoute {
  name: MesaRouteName;
  params: URLSearchParams;
}

/** `#patrullaje?cuadrante=X` → `{name: 'patrullaje', params}`; null for any other hash. */
export function parseHashRoute(hash: string): HashRoute | null {
  const body = hash.startsWith('#') ? hash.slice(1) : hash;
  const [name, query = ''] = body.split(/\?(.*)/s, 2);
  if (!(MESA_ROUTES as readonly string[]).includes(name)) return null;
  return { name: name as MesaRouteName, params: new URLSearchParams(query) };
}

/** The inverse of `parseHashRoute`; empty values are left out. Commas and colons stay readable. */
export function hashFor(name: MesaRouteName, params: Record<string, string | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
  return text ? `#${name}?${text}` : `#${name}`;
}

export interface MonthPeriod {
  first: Month;
  last: Month;
}

/** `2015-01..2015-06` (inclusive months, as the map's `p`) → a period, or null when malformed. */
export function parseMonthPeriod(value: string | null | undefined): MonthPeriod | null {
  const [first, last] = (value ?? '').split('..');
  if (!first || !last || !isMonth(first) || !isMonth(last)) return null;
  return monthIndex(first) <= monthIndex(last) ? { first, last } : null;
}

export function formatMonthPeriod(period: MonthPeriod): string {
  return `${period.first}..${period.last}`;
}

const DATE_RE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A `YYYY-MM-DD` parameter, or null. */
export function parseDateParam(value: string | null | undefined): string | null {
  return value && DATE_RE.test(value) ? value : null;
}
