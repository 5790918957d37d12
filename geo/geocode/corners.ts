/**
 * Street corners: two street mentions joined by "y", "esquina (con)", "casi esquina con" or "con" name the
 * corner INEGI's crash records place ("Insurgentes Sur y Río Mixcoac"). A stated alcaldía constrains the
 * corner: a corner outside it is never taken. Corners of the same two names far apart (the city repeats
 * street names) are no point at all.
 */
import { streetKey, pairKey, type CornerEntry, type Gazetteer } from '../gazetteer/index.ts';
import type { Mention } from './mentions.ts';

/** Corners of one name pair farther apart than this are different places. */
const SAME_CORNER_M = 1000;
const JOINER = /^\s*(,\s*)?(y|e|con|esq\.?|esquina|esquina con|esquina de|casi esquina con|casi esq\.? con)\s*$/i;

/** Metres between two points (equirectangular: good to a few metres over the few km that matter here). */
export function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * 111_320;
  const y = (b.lat - a.lat) * 110_574;
  return Math.hypot(x, y);
}

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
  return { lat, lon, alcaldiaId: first.alcaldiaId, precision: cands.every((c) => c.source === 'stop') ? 'stop' : 'intersection' };
}

/** Corners of two street names (as written), within the stated alcaldías when there are any. */
export function cornersOf(gaz: Gazetteer, a: string, b: string, statedAlcaldias: ReadonlySet<string>): CornerEntry[] {
  const ka = streetKey(a);
  const kb = streetKey(b);
  if (!ka || !kb || ka === kb) return [];
  const cands = gaz.corners.get(pairKey(ka, kb)) ?? [];
  return statedAlcaldias.size ? cands.filter((c) => statedAlcaldias.has(c.alcaldiaId)) : cands;
}

/** The first corner the text names, within the stated alcaldías when there are any. */
export function findCorner(gaz: Gazetteer, text: string, mentions: readonly Mention[], statedAlcaldias: ReadonlySet<string>): CornerFinding | null {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (a.type !== 'calle' || b.type !== 'calle' || !JOINER.test(text.slice(a.end, b.start))) continue;
    const point = cornerPoint(cornersOf(gaz, a.text, b.text, statedAlcaldias));
    if (point) return point;
  }
  return null;
}
