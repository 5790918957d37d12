/**
 * The agenda query of the plenary export routes, checked before a browser is started: the same
 * parameters as the web app's `#plenaria?…` route (web/src/plenary/agenda.ts) —
 * `areas=kind:id,…` (ids URL-encoded), `categories`, `month=YYYY-MM`, `vintage` — returned in
 * canonical form for the page URL. Bad input → the catalogue's 400s.
 */
import { AppError } from '../../core/errors/index.ts';
import { AREA_KINDS } from '../services/ports.ts';
import { parseParams } from '../params/index.ts';
import { parseMonth } from '../shared/months.ts';

export const MAX_AGENDA_AREAS = 12;
export const MAX_AGENDA_CATEGORIES = 6;

export interface PlenaryAgendaQuery {
  /** `areas=…&categories=…&month=…&vintage=…`, as the page reads it */
  query: string;
  month: string;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new AppError('invalid_parameter', 'areas: codificación inválida');
  }
}

/**
 * `rawQuery` is the request's query string (without `?`): `areas` is read from it undecoded, so
 * an id's escaped comma is not taken for a separator.
 */
export function parseAgendaQuery(rawQuery: string, query: Record<string, string | undefined>): PlenaryAgendaQuery {
  const rawAreas = rawQuery
    .split('&')
    .find((pair) => pair.startsWith('areas='))
    ?.slice('areas='.length);
  if (!rawAreas) throw new AppError('invalid_parameter', 'falta el parámetro areas (tipo:id,…)');
  const entries = rawAreas.split(',');
  if (entries.length > MAX_AGENDA_AREAS) throw new AppError('invalid_parameter', `areas: a lo más ${MAX_AGENDA_AREAS}`);
  const areas = entries.map((entry) => {
    const colon = entry.indexOf(':') === -1 ? decode(entry).indexOf(':') : entry.indexOf(':');
    const text = entry.includes(':') ? entry : decode(entry);
    const kind = text.slice(0, Math.max(colon, 0));
    const id = decode(text.slice(colon + 1)).trim();
    if (colon < 1 || !(AREA_KINDS as readonly string[]).includes(kind))
      throw new AppError('invalid_kind', `areas: ${entry.slice(0, 40)}`);
    if (!id || id.length > 200) throw new AppError('invalid_parameter', `areas: ${entry.slice(0, 40)}`);
    return `${kind}:${encodeURIComponent(id)}`;
  });

  const categories = (query.categories ?? '')
    .split(',')
    .map((c) => c.trim())
    .filter(Boolean);
  if (categories.length === 0) throw new AppError('invalid_category', 'falta el parámetro categories');
  if (categories.length > MAX_AGENDA_CATEGORIES)
    throw new AppError('invalid_parameter', `categories: a lo más ${MAX_AGENDA_CATEGORIES}`);
  // each one a known category or group (the taxonomy throws invalid_category)
  for (const category of categories) parseParams({ category }, ['category']);
  const month = parseMonth(query.month);
  const vintage = parseParams(query, ['vintage']).vintage ?? 2023;
  return {
    query: `areas=${[...new Set(areas)].join(',')}&categories=${[...new Set(categories)].join(',')}&month=${month}&vintage=${vintage}`,
    month,
  };
}

/** The `slide` parameter of the PNG route: an integer ≥ 1 (its upper end is checked on the page). */
export function parseSlide(raw: string | undefined): number {
  if (raw === undefined || raw === '') return 1;
  if (!/^\d{1,3}$/.test(raw) || Number(raw) < 1)
    throw new AppError('invalid_parameter', `slide=${raw.slice(0, 20)} (un entero desde 1)`);
  return Number(raw);
}
