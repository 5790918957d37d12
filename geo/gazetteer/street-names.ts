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
