/**
 * Street corners: two street mentions joined by "y", "esquina (con)", "casi esquina con" or "con" name the
 * corner INEGI's crash records place ("Insurgentes Sur y Río Mixcoac"). A stated alcaldía constrains the
 * corner: a corner outside it is never taken. Corners of the same two names far apart (the city repeats
 * street names) are no point at all.
 */
import {
  fold,
  streetKey,
  streetKeyOfWords,
  writtenStreetKeys,
  pairKey,
  type CornerEntry,
  type Gazetteer,
} from '../gazetteer/index.ts';
import type { Mention } from './mentions.ts';
import { crossingOf } from './crossings.ts';
import { metres } from './distance.ts';

/** Corners of one name pair farther apart than this are different places. */
const SAME_CORNER_M = 1000;
const JOINER = /^\s*(,\s*)?(y|e|con|esq\.?|esquina|esquina con|esquina de|casi esquina con|casi esq\.? con)\s*$/i;

export { metres };

export interface CornerFinding {
  lat: number;
  lon: number;
  alcaldiaId: string;
  /** `stop` when only bus-stop names place the corner; `street` for a point between two corners of one street. */
  precision: 'intersection' | 'stop' | 'street';
}

/**
 * The one place a set of corners of one name pair means: their mean point, or null when they lie far apart
 * (the city repeats street names) or there are none.
 */
export function cornerPoint(cands: readonly CornerEntry[]): CornerFinding | null {
  if (!cands.length) return null;
  const first = cands[0]!;
  if (cands.some((c) => metres(c, first) > SAME_CORNER_M)) return null;
  const lat = cands.reduce((s, c) => s + c.lat, 0) / cands.length;
  const lon = cands.reduce((s, c) => s + c.lon, 0) / cands.length;
  return {
    lat,
    lon,
    alcaldiaId: first.alcaldiaId,
    precision: cands.every((c) => c.source === 'stop') ? 'stop' : 'intersection',
  };
}

/** Corners of two street names (as written), within the stated alcaldías when there are any. */
export function cornersOf(gaz: Gazetteer, a: string, b: string, statedAlcaldias: ReadonlySet<string>): CornerEntry[] {
  const ka = streetKey(a);
  const kb = streetKey(b);
  if (!ka || !kb || ka === kb) return [];
  for (const x of writtenStreetKeys(ka))
    for (const y of writtenStreetKeys(kb)) {
      const found = cornersOfKeys(gaz, x, y, statedAlcaldias);
      if (found.length) return found;
    }
  return [];
}

/**
 * The point of the corner of two street names (as written): the corner the data names, else where the two
 * streets cross (`crossingOf`); null when neither names one place.
 */
export function placeCorner(
  gaz: Gazetteer,
  a: string,
  b: string,
  statedAlcaldias: ReadonlySet<string>,
): CornerFinding | null {
  const named = cornerPoint(cornersOf(gaz, a, b, statedAlcaldias));
  if (named) return named;
  const ka = streetKey(a);
  const kb = streetKey(b);
  if (!ka || !kb || ka === kb) return null;
  const crossing = crossingOf(gaz, writtenStreetKeys(ka), writtenStreetKeys(kb), statedAlcaldias);
  return crossing && { ...crossing, precision: 'intersection' };
}

/** Corners of two street keys, within the stated alcaldías when there are any. */
function cornersOfKeys(
  gaz: Gazetteer,
  keyA: string,
  keyB: string,
  statedAlcaldias: ReadonlySet<string>,
): CornerEntry[] {
  const cands = gaz.corners.get(pairKey(keyA, keyB)) ?? [];
  return statedAlcaldias.size ? cands.filter((c) => statedAlcaldias.has(c.alcaldiaId)) : cands;
}

/** The first corner the text names, within the stated alcaldías when there are any. */
export function findCorner(
  gaz: Gazetteer,
  text: string,
  mentions: readonly Mention[],
  statedAlcaldias: ReadonlySet<string>,
): CornerFinding | null {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (a.type !== 'calle' || b.type !== 'calle' || !JOINER.test(text.slice(a.end, b.start))) continue;
    const point = placeCorner(gaz, a.text, b.text, statedAlcaldias);
    if (point) return point;
  }
  return null;
}

/** Words that join two street names in any case ("x y y", "x esquina con y", "x esq y", "x casi esquina con y"). */
const JOINER_WORDS =
  /(?<![a-z0-9])(?:casi esquina con|esquina con|esquina de|esquina|esq\.?(?: con)?|y|e)(?![a-z0-9])/g;
const LAST_WORD = /([a-z0-9]+)\s*$/;
const WORD = /[a-z0-9]+/g;
/** The first three words after a joiner (a street kind or article may come before the name). */
const FIRST_WORDS = /^\s*([a-z0-9]+)(?:\.?\s+([a-z0-9]+))?(?:\s+([a-z0-9]+))?/;
const CLAUSE_END = /[,;:.!?()\n]/;
/** Longest street name tried on each side of a joiner, in words. */
const MAX_NAME_WORDS = 5;

/** Every street key of the corner index (full keys and their leading words). */
const knownKeys = new WeakMap<Gazetteer, Set<string>>();
function streetKnown(gaz: Gazetteer): Set<string> {
  let known = knownKeys.get(gaz);
  if (!known) {
    known = new Set([...gaz.corners.keys()].flatMap((pair) => pair.split('|')));
    knownKeys.set(gaz, known);
  }
  return known;
}

/** First and last words of every corner key, so most joiners cost two set lookups. */
const keyEnds = new WeakMap<Gazetteer, { first: Set<string>; last: Set<string> }>();
function endsOf(gaz: Gazetteer) {
  let ends = keyEnds.get(gaz);
  if (!ends) {
    ends = { first: new Set(), last: new Set() };
    for (const pair of gaz.corners.keys()) {
      for (const key of pair.split('|')) {
        const w = key.split(' ');
        ends.first.add(w[0]!);
        ends.last.add(w[w.length - 1]!);
      }
    }
    keyEnds.set(gaz, ends);
  }
  return ends;
}

/**
 * A corner named in any case, without trigger words or capitals ("insurgentes sur esquina con rio mixcoac",
 * "en tlalpan y acoxpa"): around each joiner, the longest street names (up to five words each side, within
 * one clause) whose keys form a known pair. The pair must still name one place (`cornerPoint`).
 */
export function findCornerInWords(
  gaz: Gazetteer,
  text: string,
  statedAlcaldias: ReadonlySet<string>,
): CornerFinding | null {
  const folded = fold(text);
  const ends = endsOf(gaz);
  for (const j of folded.matchAll(JOINER_WORDS)) {
    // Most joiners join other things ("robo y asalto"): the word before must end some street key.
    const before = LAST_WORD.exec(folded.slice(Math.max(0, j.index - 40), j.index));
    if (!before || !ends.last.has(before[1]!)) continue;
    const after = FIRST_WORDS.exec(folded.slice(j.index + j[0].length, j.index + j[0].length + 40));
    if (!after || !after.slice(1).some((w) => w !== undefined && ends.first.has(w))) continue;
    // One clause each side: a comma, full stop or line break ends a street name.
    const left =
      (
        folded
          .slice(Math.max(0, j.index - 80), j.index)
          .split(CLAUSE_END)
          .pop() ?? ''
      ).match(WORD) ?? [];
    const right =
      (folded.slice(j.index + j[0].length, j.index + j[0].length + 80).split(CLAUSE_END)[0] ?? '').match(WORD) ?? [];
    if (!left.length || !right.length) continue;
    const keysB = right.slice(0, MAX_NAME_WORDS).map((_, b) => streetKeyOfWords(right.slice(0, b + 1)));
    if (!keysB.some((k) => k && ends.first.has(k.split(' ')[0]!))) continue;
    let best: { found: CornerFinding; words: number } | null = null;
    for (let a = 1; a <= Math.min(MAX_NAME_WORDS, left.length); a++) {
      const keyA = streetKeyOfWords(left.slice(-a));
      if (!keyA) continue;
      for (let b = 1; b <= keysB.length; b++) {
        if (!keysB[b - 1] || (best && a + b <= best.words)) continue;
        // The written names may carry an axis number or a title the data leaves out ("eje 8 sur popocatepetl").
        for (const ka of writtenStreetKeys(keyA))
          for (const kb of writtenStreetKeys(keysB[b - 1]!)) {
            const found: CornerFinding | null =
              best && a + b <= best.words ? null : cornerPoint(cornersOfKeys(gaz, ka, kb, statedAlcaldias));
            if (found) best = { found, words: a + b };
          }
      }
    }
    if (best) return best.found;
    // No corner the data names: where the longest pair of known street names cross.
    const known = streetKnown(gaz);
    for (let a = Math.min(MAX_NAME_WORDS, left.length); a >= 1; a--) {
      const keyA = streetKeyOfWords(left.slice(-a));
      if (!keyA || !writtenStreetKeys(keyA).some((k) => known.has(k))) continue;
      for (let b = keysB.length; b >= 1; b--) {
        const keyB = keysB[b - 1];
        if (!keyB || keyB === keyA || !writtenStreetKeys(keyB).some((k) => known.has(k))) continue;
        const crossing = crossingOf(gaz, writtenStreetKeys(keyA), writtenStreetKeys(keyB), statedAlcaldias);
        if (crossing) return { ...crossing, precision: 'intersection' };
      }
    }
  }
  return null;
}
