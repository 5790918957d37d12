/**
 * The plenary agenda and its URL form. The agenda lives in the query of the `#plenaria` hash route,
 * so a link (or the server's PDF renderer) opens exactly the same sequence of slides:
 *
 *   #plenaria?areas=sector:ABASTO-REFORMA,cuadrante:P-1.3.8&categories=robo_transeunte&month=2016-06
 *            &vintage=2016&slide=3&print=1
 *
 * Area ids are URL-encoded one by one, so an id holding a comma or a colon survives the round trip.
 * Pure: parse and serialize round-trip, and anything malformed is dropped rather than thrown, so a
 * hand-edited link still opens (the page then says what is missing).
 */
import { isMonth, type Month } from '../lib/months.ts';
import { AREA_KINDS, VINTAGES, type AreaKind, type Vintage } from '../state/urlState.ts';

export const PLENARY_HASH = '#plenaria';

export interface AgendaArea {
  kind: AreaKind;
  id: string;
}

export interface Agenda {
  areas: AgendaArea[];
  categories: string[];
  month: Month | null;
  vintage: Vintage;
}

/** Where the viewer stands: the agenda plus the 1-based slide and the print layout flag. */
export interface PlenaryLocation {
  agenda: Agenda;
  /** 1-based, as the counter shows it */
  slide: number;
  print: boolean;
}

const MAX_AREAS = 12;
const MAX_CATEGORIES = 6;
const CATEGORY_PATTERN = /^[a-z0-9_]{1,60}$/;

function decodeSafe(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** `kind:id,kind:id` (ids URL-encoded) → areas; malformed or repeated entries are dropped. */
export function parseAreas(raw: string | null): AgendaArea[] {
  const areas: AgendaArea[] = [];
  const seen = new Set<string>();
  for (const entry of (raw ?? '').split(',')) {
    // a link whose separators were escaped as a whole (`sector%3AX`) still names its area
    const part = entry.includes(':') ? entry : (decodeSafe(entry) ?? '');
    const colon = part.indexOf(':');
    if (colon < 1) continue;
    const kind = part.slice(0, colon) as AreaKind;
    const id = (entry.includes(':') ? decodeSafe(part.slice(colon + 1)) : part.slice(colon + 1))?.trim();
    if (!AREA_KINDS.includes(kind) || !id || id.length > 200) continue;
    const key = `${kind}:${id}`;
    if (seen.has(key)) continue;
    seen.add(key);
    areas.push({ kind, id });
    if (areas.length === MAX_AREAS) break;
  }
  return areas;
}

export function serializeAreas(areas: readonly AgendaArea[]): string {
  return areas.map((a) => `${a.kind}:${encodeURIComponent(a.id)}`).join(',');
}

/** The part of a `#plenaria?…` hash after the `?` (or a bare query string). */
export function hashQuery(hash: string): string {
  const question = hash.indexOf('?');
  return question === -1 ? '' : hash.slice(question + 1);
}

export function isPlenaryHash(hash: string): boolean {
  return hash === PLENARY_HASH || hash.startsWith(`${PLENARY_HASH}?`);
}

/**
 * Parses the query of the hash route. `areas` is read from the raw query, before URLSearchParams
 * would decode the ids' escaped commas.
 */
export function parseLocation(query: string): PlenaryLocation {
  const params = new URLSearchParams(query);
  const rawAreas = query
    .split('&')
    .find((pair) => pair.startsWith('areas='))
    ?.slice('areas='.length);
  const categories = [
    ...new Set(
      (params.get('categories') ?? '')
        .split(',')
        .map((c) => c.trim())
        .filter((c) => CATEGORY_PATTERN.test(c)),
    ),
  ].slice(0, MAX_CATEGORIES);
  const month = params.get('month');
  const vintage = params.get('vintage');
  const slide = Number(params.get('slide'));
  return {
    agenda: {
      areas: parseAreas(rawAreas ?? null),
      categories,
      month: month && isMonth(month) ? month : null,
      vintage: (VINTAGES as readonly string[]).includes(vintage ?? '') ? (vintage as Vintage) : '2023',
    },
    slide: Number.isInteger(slide) && slide >= 1 ? slide : 1,
    print: params.get('print') === '1',
  };
}

/** The agenda as a query string (no leading `?`), in a fixed order so links compare equal. */
export function serializeAgenda(agenda: Agenda): string {
  const parts = [`areas=${serializeAreas(agenda.areas)}`];
  if (agenda.categories.length) parts.push(`categories=${agenda.categories.join(',')}`);
  if (agenda.month) parts.push(`month=${agenda.month}`);
  parts.push(`vintage=${agenda.vintage}`);
  return parts.join('&');
}

export function serializeLocation(location: PlenaryLocation): string {
  const parts = [serializeAgenda(location.agenda)];
  if (location.slide > 1) parts.push(`slide=${location.slide}`);
  if (location.print) parts.push('print=1');
  return parts.join('&');
}

export function plenaryHash(location: PlenaryLocation): string {
  return `${PLENARY_HASH}?${serializeLocation(location)}`;
}

/** What the agenda still lacks before slides can be built (Spanish, for the page). */
export function agendaProblems(agenda: Agenda): string[] {
  const problems: string[] = [];
  if (agenda.areas.length === 0) problems.push('Elija al menos un área.');
  if (agenda.categories.length === 0) problems.push('Elija al menos una categoría.');
  if (!agenda.month) problems.push('Elija el mes (AAAA-MM).');
  return problems;
}
