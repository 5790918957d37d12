/**
 * Coordinates of a published file that may be geographic or projected. The FGJ's monthly
 * spreadsheets name them only `COORD X` / `COORD Y`; some months carry longitude/latitude in degrees,
 * others metres of UTM zone 14 North (EPSG:32614, the zone of Mexico City). The two cannot be
 * confused by their ranges: the city lies within 98.9–99.4° W and 19.0–19.6° N, i.e. about
 * 460–520 km easting and 2,100–2,170 km northing. Each pair is judged on its own, so a file that
 * mixes both (or a row with swapped degrees) is still read right; anything else is no point.
 */
import proj4 from 'proj4';

const UTM_14N = '+proj=utm +zone=14 +datum=WGS84 +units=m +no_defs';
const toWgs84 = proj4(UTM_14N, 'WGS84');

/** A generous box around the city, in degrees and in UTM 14N metres (a point outside the city is judged later). */
const DEGREES = { lon: [-100.5, -97.5], lat: [18.5, 20.5] } as const;
const METRES = { x: [300_000, 700_000], y: [2_000_000, 2_300_000] } as const;

const within = (v: number, [lo, hi]: readonly [number, number]) => v >= lo && v <= hi;

export type CoordinateKind = 'degrees' | 'utm14n';

/** Which kind the pair (`x`, `y`) is, or null when it is neither (missing, zero, out of range). */
export function coordinateKind(x: number, y: number): CoordinateKind | null {
  if (!Number.isFinite(x) || !Number.isFinite(y)) return null;
  if (within(x, DEGREES.lon) && within(y, DEGREES.lat)) return 'degrees';
  if (within(x, METRES.x) && within(y, METRES.y)) return 'utm14n';
  return null;
}

/** The point of `COORD X` / `COORD Y` as latitude/longitude in degrees (WGS84), or null. */
export function pointFromXY(x: number, y: number): { lat: number; lon: number } | null {
  const kind = coordinateKind(x, y);
  if (kind === 'degrees') return { lat: y, lon: x };
  if (kind === 'utm14n') {
    const [lon, lat] = toWgs84.forward([x, y]);
    return { lat: Math.round(lat! * 1e6) / 1e6, lon: Math.round(lon! * 1e6) / 1e6 };
  }
  return null;
}
