/**
 * Street names reduced to a comparison key: folded, abbreviations spelled out (`place-names`), the street
 * kind and connecting articles dropped, so "Av. de los Insurgentes Sur", "AVENIDA INSURGENTES SUR" and
 * "Insurgentes Sur" share the key "insurgentes sur"; "Eje 1 Pte." and "EJE 1 PONIENTE" share "eje 1 poniente".
 */
import { expandAbbreviation, placeWords } from './place-names.ts';

/** Street kinds and connectors that do not tell one street from another. */
const GENERIC = new Set([
  'avenida',
  'calle',
  'calzada',
  'boulevard',
  'privada',
  'cerrada',
  'andador',
  'callejon',
  'de',
  'del',
  'la',
  'las',
  'los',
  'el',
  'y',
]);

/** The comparison key of one street name ('' when nothing distinctive is left). */
export function streetKey(name: string): string {
  return placeWords(name)
    .filter((w) => !GENERIC.has(w))
    .join(' ');
}

/** `streetKey` of words already folded and split (the geocoder's scan of running text). */
export function streetKeyOfWords(folded: readonly string[]): string {
  return folded
    .flatMap((w) => expandAbbreviation(w).split(' '))
    .filter((w) => !GENERIC.has(w))
    .join(' ');
}

/** Leading words people drop when they name a street: an axis number ("eje 4 norte") or a title ("general"). */
const EJE_PREFIX = /^eje \d+[a-z]? (norte|sur|oriente|poniente) (?=\S)/;
const TITLE_PREFIX = /^(general|doctor|licenciado|ingeniero|presidente|profesor|coronel|fray) (?=\S)/;

/** A key and its short forms: "eje 4 norte euzkaro" → also "euzkaro"; "general ignacio zaragoza" → also "ignacio zaragoza". */
export function streetKeyVariants(key: string): string[] {
  const short = key.replace(EJE_PREFIX, '').replace(TITLE_PREFIX, '');
  return short !== key && short ? [key, short] : [key];
}

/**
 * Bare words locals use for one road: "Viaducto" alone is Viaducto Miguel Alemán (called Río de la Piedad east
 * of Tlalpan), never Viaducto Tlalpan or Viaducto Río Becerra, which are always named in full.
 */
const BARE_ROAD_NAMES = new Map([['viaducto', ['viaducto miguel aleman', 'viaducto rio piedad']]]);

/**
 * The keys a street name written in a report may have in the data: its own key and short forms
 * (`streetKeyVariants`), "central" for "eje central …" (INEGI writes "CENTRAL (LÁZARO CÁRDENAS)"), and the
 * road a bare word means (`BARE_ROAD_NAMES`, which replaces the bare word: its leading-word match would take
 * every road of that kind).
 */
export function writtenStreetKeys(key: string): string[] {
  const bare = BARE_ROAD_NAMES.get(key);
  if (bare) return bare;
  const keys = streetKeyVariants(key);
  if (/^eje central( |$)/.test(key)) keys.push('central');
  return [...new Set(keys)];
}

/**
 * Keys of a name as written in the INEGI file: the name itself, any parenthesised alias ("INTERIOR
 * (AVENIDA RÍO MIXCOAC)") and their short forms (`streetKeyVariants`).
 */
export function streetKeys(name: string): string[] {
  const keys = [streetKey(name.replace(/\([^)]*\)/g, ' '))];
  for (const m of name.matchAll(/\(([^)]*)\)/g)) keys.push(streetKey(m[1]!));
  return [...new Set(keys.filter(Boolean).flatMap(streetKeyVariants))];
}

/** One key for an unordered pair of streets. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}
