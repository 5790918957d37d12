/**
 * Where two streets cross when no record names their corner: INEGI's crash file places Insurgentes Sur at
 * many corners and Viaducto Miguel Alemán at many others, but never the two together. Each street is known by
 * the corners it is part of; two streets cross where a corner of one lies within a few tens of metres of a
 * corner of the other and, around there, the two run across each other (not side by side). A long avenue
 * crosses a given street once, so the crossing — not the avenue's first or most frequent segment — places
 * the event. Two such places far apart (the city repeats street names) are no answer.
 */
import type { CornerEntry, Gazetteer } from '../gazetteer/index.ts';
import { metres } from './distance.ts';

/** A corner of one street this close to a corner of the other: the two streets meet there. */
const MAX_GAP_M = 150;
/** Corners of a street within this distance of the crossing give its direction there. */
const LOCAL_M = 600;
/** Streets meeting at a smaller angle run side by side (sin 30°). */
const MIN_SIN_ANGLE = 0.5;
/** Crossings of one pair of names farther apart than this are different places. */
const SAME_CROSSING_M = 1000;
/** Without a direction to check (a street known by one corner only), the corners must nearly touch. */
const UNCHECKED_GAP_M = 60;

export interface Crossing {
  lat: number;
  lon: number;
  alcaldiaId: string;
}

/** Grid cell size in degrees (~200 m): a close corner of the other street lies in the same or a next cell. */
const CELL = 0.002;
const cellOf = (lat: number, lon: number) => `${Math.floor(lat / CELL)},${Math.floor(lon / CELL)}`;

/** The distinct corners of one street key, and the same by grid cell. */
interface StreetPoints {
  list: CornerEntry[];
  grid: Map<string, CornerEntry[]>;
}

/** Corners of each street key (and of each key's leading words, as the corner index answers for them). */
const pointsCache = new WeakMap<Gazetteer, Map<string, StreetPoints>>();
function streetPoints(gaz: Gazetteer): Map<string, StreetPoints> {
  let points = pointsCache.get(gaz);
  if (points) return points;
  const sets = new Map<string, Map<string, CornerEntry>>();
  for (const [pair, list] of gaz.corners) {
    for (const key of pair.split('|')) {
      let set = sets.get(key);
      if (!set) sets.set(key, (set = new Map()));
      for (const c of list) set.set(`${c.lat.toFixed(5)},${c.lon.toFixed(5)}`, c);
    }
  }
  points = new Map();
  for (const [key, set] of sets) {
    const list = [...set.values()];
    const grid = new Map<string, CornerEntry[]>();
    for (const c of list) {
      const k = cellOf(c.lat, c.lon);
      const cell = grid.get(k);
      if (cell) cell.push(c);
      else grid.set(k, [c]);
    }
    points.set(key, { list, grid });
  }
  pointsCache.set(gaz, points);
  return points;
}

/** Pairs of corners, one of each street, at most `MAX_GAP_M` apart (the smaller street's corners looked up in the other's grid). */
function closePairs(sa: StreetPoints[], sb: StreetPoints[], stated: ReadonlySet<string>) {
  const sizeA = sa.reduce((n, s) => n + s.list.length, 0);
  const sizeB = sb.reduce((n, s) => n + s.list.length, 0);
  const swap = sizeB < sizeA;
  const [small, large] = swap ? [sb, sa] : [sa, sb];
  const out: Array<{ p: CornerEntry; q: CornerEntry; d: number }> = [];
  for (const s of small)
    for (const p of s.list) {
      const i = Math.floor(p.lat / CELL);
      const j = Math.floor(p.lon / CELL);
      for (const l of large)
        for (let di = -1; di <= 1; di++)
          for (let dj = -1; dj <= 1; dj++) {
            const cell = l.grid.get(`${i + di},${j + dj}`);
            if (!cell) continue;
            for (const q of cell) {
              if (stated.size && !stated.has(p.alcaldiaId) && !stated.has(q.alcaldiaId)) continue;
              const d = metres(p, q);
              if (d <= MAX_GAP_M) out.push(swap ? { p: q, q: p, d } : { p, q, d });
            }
          }
    }
  return out;
}

/** Local metric frame (metres east, north) around a point. */
function frame(origin: { lat: number; lon: number }) {
  const kx = Math.cos(origin.lat * (Math.PI / 180)) * 111_320;
  const ky = 110_574;
  return {
    to: (p: { lat: number; lon: number }): [number, number] => [(p.lon - origin.lon) * kx, (p.lat - origin.lat) * ky],
    from: ([x, y]: [number, number]) => ({ lat: origin.lat + y / ky, lon: origin.lon + x / kx }),
  };
}

/** Centroid and main direction (unit vector) of points in metres; null when they span too little to tell. */
function line(pts: Array<[number, number]>): { c: [number, number]; d: [number, number] } | null {
  if (pts.length < 2) return null;
  const cx = pts.reduce((s, p) => s + p[0], 0) / pts.length;
  const cy = pts.reduce((s, p) => s + p[1], 0) / pts.length;
  let sxx = 0;
  let syy = 0;
  let sxy = 0;
  for (const [x, y] of pts) {
    sxx += (x - cx) ** 2;
    syy += (y - cy) ** 2;
    sxy += (x - cx) * (y - cy);
  }
  // Less than ~50 m of spread along any direction: the points are one corner written several ways.
  if ((sxx + syy) / pts.length < 25 ** 2) return null;
  const theta = 0.5 * Math.atan2(2 * sxy, sxx - syy);
  return { c: [cx, cy], d: [Math.cos(theta), Math.sin(theta)] };
}

/**
 * The crossing of two streets, each given by the keys its written name may have (`writtenStreetKeys`), within
 * the stated alcaldías when there are any; null when they do not meet in the data or meet in several places.
 */
export function crossingOf(
  gaz: Gazetteer,
  keysA: readonly string[],
  keysB: readonly string[],
  stated: ReadonlySet<string>,
): Crossing | null {
  const points = streetPoints(gaz);
  const sa = keysA.flatMap((k) => points.get(k) ?? []);
  const sb = keysB.flatMap((k) => points.get(k) ?? []);
  if (!sa.length || !sb.length) return null;
  const close = closePairs(sa, sb, stated);
  if (!close.length) return null;
  close.sort((x, y) => x.d - y.d);
  const best = close[0]!;
  const mid = { lat: (best.p.lat + best.q.lat) / 2, lon: (best.p.lon + best.q.lon) / 2 };
  if (close.some((c) => metres(c.p, mid) > SAME_CROSSING_M)) return null;

  const f = frame(mid);
  const near = (list: CornerEntry[]) => list.filter((c) => metres(c, mid) <= LOCAL_M).map((c) => f.to(c));
  const la = line(near(sa.flatMap((s) => s.list)));
  const lb = line(near(sb.flatMap((s) => s.list)));
  const alcaldiaId = stated.size && !stated.has(best.p.alcaldiaId) ? best.q.alcaldiaId : best.p.alcaldiaId;
  if (!la || !lb) return best.d <= UNCHECKED_GAP_M ? { ...mid, alcaldiaId } : null;
  const sin = la.d[0] * lb.d[1] - la.d[1] * lb.d[0];
  if (Math.abs(sin) < MIN_SIN_ANGLE) return null;
  // Where the two local lines meet; the corners' midpoint when that lies off the corners (a bend, a gap in the data).
  const w: [number, number] = [lb.c[0] - la.c[0], lb.c[1] - la.c[1]];
  const t = (w[0] * lb.d[1] - w[1] * lb.d[0]) / sin;
  const x: [number, number] = [la.c[0] + t * la.d[0], la.c[1] + t * la.d[1]];
  const meet = Math.hypot(x[0], x[1]) <= MAX_GAP_M ? f.from(x) : mid;
  return { lat: meet.lat, lon: meet.lon, alcaldiaId };
}
