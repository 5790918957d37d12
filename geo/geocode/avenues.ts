/**
 * An avenue with a reference point, the way reports place an event along a long street:
 * "Periférico a la altura de Av. Toluca" (the corner of the two), "Eje Central entre Victoria y Ayuntamiento"
 * (halfway between the two corners). Both corners come from the gazetteer's street corners (INEGI crash records
 * and bus-stop names), within the stated alcaldía when the text states one. A reference that is a station or a
 * landmark is read by those mentions instead; a street named alone gets no point here.
 */
import { fold, type Gazetteer } from '../gazetteer/index.ts';
import { metres, placeCorner, type CornerFinding } from './corners.ts';
import type { Mention } from './mentions.ts';

/** Two corners of one avenue farther apart than this are no segment people name with "entre". */
const MAX_SEGMENT_M = 3000;
/** Words never part of a street name before or after the reference phrase. */
const STOP = new Set([
  'en',
  'y',
  'e',
  'colonia',
  'col',
  'alcaldia',
  'delegacion',
  'cuando',
  'donde',
  'por',
  'sobre',
  'cerca',
  'frente',
  'a',
  'al',
  'hacia',
  'rumbo',
  'entre',
  'casi',
  'esquina',
  'esq',
  'se',
  'un',
  'una',
  'que',
  'fue',
  'lo',
  'le',
  'me',
  'nos',
  'hoy',
  'ayer',
]);
const TRIGGER = /(?:^|[\s,])(entre|a la altura (?:de la|del|de))\s+/g;
const WORD = /[a-z0-9ñ.]+/g;

interface Word {
  text: string;
  start: number;
  end: number;
}

function wordsOf(folded: string, from: number, to: number): Word[] {
  const out: Word[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(folded); m && m.index < to; m = WORD.exec(folded))
    out.push({ text: m[0].replace(/\.$/, ''), start: m.index, end: m.index + m[0].length });
  return out.filter((w) => w.text);
}

/** Up to `max` words right before `at` in the same clause (no punctuation other than "." between). */
function wordsBefore(folded: string, at: number, max: number): string[] {
  const clause = folded.slice(Math.max(0, at - 80), at);
  const cut = Math.max(
    clause.lastIndexOf(','),
    clause.lastIndexOf(';'),
    clause.lastIndexOf(':'),
    clause.lastIndexOf('\n'),
  );
  const ws = [...clause.slice(cut + 1).matchAll(WORD)].map((m) => m[0].replace(/\.$/, '')).filter(Boolean);
  let k = ws.length;
  while (k > 0 && ws.length - k < max && !STOP.has(ws[k - 1]!)) k--;
  return ws.slice(k);
}

/** Up to `max` words from `at` in the same clause, stopping at a stop word. */
function wordsAfter(folded: string, at: number, max: number): string[] {
  const end = folded.slice(at).search(/[,;:\n()]/);
  const ws = wordsOf(folded, at, end < 0 ? folded.length : at + end).map((w) => w.text);
  const out: string[] = [];
  for (const w of ws) {
    if (STOP.has(w) || out.length >= max) break;
    out.push(w);
  }
  return out;
}

/** Name candidates from a word run: longest first (the avenue's last words; the reference's first words). */
const suffixes = (ws: string[]) => ws.map((_, k) => ws.slice(k).join(' '));
const prefixes = (ws: string[]) => ws.map((_, k) => ws.slice(0, ws.length - k).join(' '));

/** The corner of the avenue (one of `avenues`) and one of `refs`, longest names first. */
function cornerOfAny(
  gaz: Gazetteer,
  avenues: string[],
  refs: string[],
  stated: ReadonlySet<string>,
): CornerFinding | null {
  for (const a of avenues)
    for (const r of refs) {
      const p = placeCorner(gaz, a, r, stated);
      if (p) return p;
    }
  return null;
}

/** The point an avenue reference names, or null. `mentions` gives the street names the mention finder read. */
export function findAvenuePoint(
  gaz: Gazetteer,
  text: string,
  mentions: readonly Mention[],
  stated: ReadonlySet<string>,
): CornerFinding | null {
  const folded = fold(text);
  if (!folded.includes('entre') && !folded.includes('altura')) return null;
  for (const t of folded.matchAll(TRIGGER)) {
    const at = t.index! + t[0].indexOf(t[1]!);
    const after = t.index! + t[0].length;
    // The avenue: a street mention ending right before, else the words before the phrase.
    const named = mentions.find((m) => m.type === 'calle' && m.end <= at && at - m.end <= 3);
    const avenues = named ? [named.text] : suffixes(wordsBefore(folded, at, 4));
    if (!avenues.length) continue;
    if (t[1] === 'entre') {
      const first = wordsAfter(folded, after, 4);
      const rest = folded.slice(after).match(/^[^,;:\n]*?\s(?:y|e)\s+/);
      if (!first.length || !rest) continue;
      const second = wordsAfter(folded, after + rest[0].length, 4);
      const a = cornerOfAny(gaz, avenues, prefixes(first), stated);
      const b = a && second.length ? cornerOfAny(gaz, avenues, prefixes(second), stated) : null;
      if (a && b && metres(a, b) <= MAX_SEGMENT_M) {
        return { lat: (a.lat + b.lat) / 2, lon: (a.lon + b.lon) / 2, alcaldiaId: a.alcaldiaId, precision: 'street' };
      }
      continue;
    }
    const p = cornerOfAny(gaz, avenues, prefixes(wordsAfter(folded, after, 4)), stated);
    if (p) return p;
  }
  return null;
}
