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

/** Metres between two points (equirectangular: corners of one pair lie within a few km). */
function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * 111_320;
  const y = (b.lat - a.lat) * 110_574;
  return Math.hypot(x, y);
}

export interface CornerFinding { lat: number; lon: number; alcaldiaId: string; streets: [Mention, Mention] }

/** The first corner the text names, within the stated alcaldías when there are any. */
export function findCorner(gaz: Gazetteer, text: string, mentions: readonly Mention[], statedAlcaldias: ReadonlySet<string>): CornerFinding | null {
  for (let k = 0; k + 1 < mentions.length; k++) {
    const a = mentions[k]!;
    const b = mentions[k + 1]!;
    if (a.type !== 'calle' || b.type !== 'calle' || !JOINER.test(text.slice(a.end, b.start))) continue;
    let cands: CornerEntry[] = gaz.corners.get(pairKey(streetKey(a.text), streetKey(b.text))) ?? [];
    if (statedAlcaldias.size) cands = cands.filter((c) => statedAlcaldias.has(c.alcaldiaId));
    if (!cands.length) continue;
    const first = cands[0]!;
    if (cands.some((c) => metres(c, first) > SAME_CORNER_M)) continue;
    const lat = cands.reduce((s, c) => s + c.lat, 0) / cands.length;
    const lon = cands.reduce((s, c) => s + c.lon, 0) / cands.length;
    return { lat, lon, alcaldiaId: first.alcaldiaId, streets: [a, b] };
  }
  return null;
}
