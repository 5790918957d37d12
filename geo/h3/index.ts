/**
 * H3 cells for incidents and hotspot maps (Uber's hexagonal hierarchical index, https://h3geo.org).
 *
 * Cells are stored as BigInt (a Postgres `int8`): a valid H3 cell index has bit 63 clear (reserved, 0)
 * and mode 1 in bits 59–62, so it is always below 2^63 and fits a signed 64-bit integer unchanged.
 */
import {
  cellToBoundary,
  cellToLatLng,
  getHexagonAreaAvg,
  getResolution,
  h3IndexToSplitLong,
  isValidCell,
  latLngToCell,
  polygonToCells,
  UNITS,
} from 'h3-js';

export const H3_RESOLUTIONS = [6, 7, 8, 9, 10, 11] as const;
export type H3Resolution = (typeof H3_RESOLUTIONS)[number];
export const MIN_H3_RESOLUTION = 6;
export const MAX_H3_RESOLUTION = 11;

export interface H3Cells {
  h3_6: bigint;
  h3_7: bigint;
  h3_8: bigint;
  h3_9: bigint;
  h3_10: bigint;
  h3_11: bigint;
}

/*
 * H3 index bit layout (https://h3geo.org/docs/core-library/h3Indexing): bits 52–55 hold the resolution;
 * bits 0–44 hold fifteen 3-bit digits, digit r (1-based) at bits 3·(15−r) … 3·(15−r)+2, and digits finer
 * than the cell's resolution are 7. A parent is therefore the child with the resolution field replaced and
 * the digits below the parent's resolution set to 7 — what the C library's cellToParent does — computed
 * here without a round trip through WebAssembly and hex strings (for rolling stored cells up in bulk).
 */
const CLEAR_RESOLUTION = ~(0xfn << 52n) & 0xffff_ffff_ffff_ffffn;
const RESOLUTION_BITS: bigint[] = [];
const UNUSED_DIGITS: bigint[] = [];
for (let res = 0; res <= 15; res++) {
  RESOLUTION_BITS[res] = BigInt(res) << 52n;
  let digits = 0n;
  for (let r = res + 1; r <= 15; r++) digits |= 7n << BigInt(3 * (15 - r));
  UNUSED_DIGITS[res] = digits;
}

/** The parent of a cell given as BigInt, at a coarser resolution (bit arithmetic; no validity check). */
export function parentOf(cell: bigint, res: number): bigint {
  return (cell & CLEAR_RESOLUTION) | RESOLUTION_BITS[res] | UNUSED_DIGITS[res];
}

/** The cell at `res` holding the point, as BigInt (from h3-js's split 32-bit halves: cheaper than parsing hex). */
function cellAt(lat: number, lon: number, res: number): bigint {
  const [lower, upper] = h3IndexToSplitLong(latLngToCell(lat, lon, res));
  return (BigInt(upper) << 32n) | BigInt(lower >>> 0);
}

/**
 * The H3 cells (resolutions 6–11) holding a point, as BigInt. Throws on non-finite coordinates.
 *
 * Each resolution is looked up on its own with latLngToCell, not derived from the resolution-11 cell with
 * `parentOf`: H3 children are not exactly contained in their parent (aperture-7 hexagons do not nest), so
 * near a hexagon's edge — about 5–10 % of points here — the parent of the fine cell is a neighbour of the
 * cell that actually contains the point. A hotspot hexagon must count the points inside it.
 */
export function cellsFor(lat: number, lon: number): H3Cells {
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    throw new RangeError(`cellsFor: invalid coordinates ${lat}, ${lon}`);
  return {
    h3_6: cellAt(lat, lon, 6),
    h3_7: cellAt(lat, lon, 7),
    h3_8: cellAt(lat, lon, 8),
    h3_9: cellAt(lat, lon, 9),
    h3_10: cellAt(lat, lon, 10),
    h3_11: cellAt(lat, lon, 11),
  };
}

/**
 * `cellsFor` as the incidents table's `h3_6 … h3_11` column text (decimal int8), in resolution order:
 * the same cells, for bulk loading. h3-js hands back hex strings; `BigInt('0x' + hex)` reads one in a
 * single step, where `cellsFor` splits it into 32-bit halves and joins them (the import's profile
 * showed that round trip and its garbage at a third of the H3 cost).
 */
export function cellDecimalsFor(lat: number, lon: number): string[] {
  if (!Number.isFinite(lat) || !Number.isFinite(lon))
    throw new RangeError(`cellDecimalsFor: invalid coordinates ${lat}, ${lon}`);
  const out = new Array<string>(6);
  for (let i = 0; i < 6; i++) out[i] = BigInt(`0x${latLngToCell(lat, lon, MIN_H3_RESOLUTION + i)}`).toString();
  return out;
}

/**
 * The incidents table's `h3_6 … h3_11` values for a placement that fills only some resolutions
 * (a colonia-level report fills the coarse ones only): int8 as decimal strings, null elsewhere.
 */
export function cellColumns(
  lat: number | null,
  lon: number | null,
  resolutions: Iterable<number>,
): Record<`h3_${H3Resolution}`, string | null> {
  const wanted = new Set(resolutions);
  const cells = lat !== null && lon !== null && wanted.size > 0 ? cellsFor(lat, lon) : null;
  const at = (res: H3Resolution) => (cells && wanted.has(res) ? cells[`h3_${res}`].toString() : null);
  return { h3_6: at(6), h3_7: at(7), h3_8: at(8), h3_9: at(9), h3_10: at(10), h3_11: at(11) };
}

/** "8849a2..." (h3-js string) → BigInt. Throws on anything that is not a valid cell. */
export function h3ToBigInt(h3: string): bigint {
  if (!isValidCell(h3)) throw new RangeError(`h3ToBigInt: not an H3 cell: ${JSON.stringify(h3)}`);
  return BigInt(`0x${h3}`);
}

/**
 * BigInt, or the decimal string Postgres returns for an int8 column, or a number that is still exact
 * → the h3-js hex string (lower case, 15 digits for every cell).
 */
export function bigIntToH3(value: bigint | string | number): string {
  let big: bigint;
  if (typeof value === 'bigint') big = value;
  else if (typeof value === 'number' && Number.isSafeInteger(value)) big = BigInt(value);
  else if (typeof value === 'string' && /^\d+$/.test(value)) big = BigInt(value);
  else throw new RangeError(`bigIntToH3: not an int8 H3 value: ${String(value)}`);
  return big.toString(16);
}

/**
 * H3 resolution for a web-map zoom (MapLibre's 512-px tiles): clamp(z − 3, 6, 11).
 *
 * Why: at latitude 19.4° a pixel spans ≈ 73,800 m / 2^z, and an H3 hexagon is ≈ 1.9 × its average edge
 * wide (edges: res 6 3.2 km, 7 1.22 km, 8 461 m, 9 174 m, 10 66 m, 11 25 m). With res = z − 3 hexagons
 * come out about 40 px wide at z 9, 24 px at z 11 and 10 px at z 14 — big enough to see and hover, small
 * enough to show structure (each resolution step divides the width by ≈ 2.65, each zoom step by 2).
 * Below z 9 resolution 6 shrinks to a few pixels (the whole city fits a phone at z ≈ 9.5); above z 14
 * resolution 11 grows to tens of pixels (finer cells are not stored).
 */
export function resolutionForZoom(zoom: number): H3Resolution {
  if (!Number.isFinite(zoom)) throw new RangeError(`resolutionForZoom: invalid zoom ${zoom}`);
  return Math.min(MAX_H3_RESOLUTION, Math.max(MIN_H3_RESOLUTION, Math.floor(zoom) - 3)) as H3Resolution;
}

/** Whether a number is a stored resolution (6–11). */
export function isH3Resolution(res: number): res is H3Resolution {
  return Number.isInteger(res) && res >= MIN_H3_RESOLUTION && res <= MAX_H3_RESOLUTION;
}

/** A cell's hexagon (or pentagon) as a closed GeoJSON ring of [lon, lat]. Accepts a hex string or BigInt. */
export function cellBoundary(h3: string | bigint): [number, number][] {
  const cell = typeof h3 === 'bigint' ? bigIntToH3(h3) : h3;
  if (!isValidCell(cell)) throw new RangeError(`cellBoundary: not an H3 cell: ${String(h3)}`);
  const ring = cellToBoundary(cell, true) as [number, number][];
  const [first, last] = [ring[0], ring[ring.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) ring.push([first[0], first[1]]);
  return ring;
}

/** The resolution of a cell given as string or BigInt. */
export function resolutionOf(h3: string | bigint): number {
  return getResolution(typeof h3 === 'bigint' ? bigIntToH3(h3) : h3);
}

/** `[west, south, east, north]` in degrees. */
export type LonLatBbox = readonly [number, number, number, number];

/**
 * The cells of `res` whose centre lies in `bbox` (H3's polygon fill uses centre containment), as
 * BigInt decimal strings — the keys a tile reads from the cell aggregates — or null when the box
 * would hold more than about `maxCells` cells (a low zoom: the caller reads the resolution whole
 * and keeps the cells `centreInBbox` accepts).
 */
export function cellKeysInBbox(bbox: LonLatBbox, res: number, maxCells: number): string[] | null {
  const [w, s, e, n] = bbox;
  if (!(w < e && s < n)) return [];
  const midLat = ((s + n) / 2) * (Math.PI / 180);
  const areaKm2 = (n - s) * 110.574 * (e - w) * 111.32 * Math.cos(midLat);
  if (!(areaKm2 / getHexagonAreaAvg(res, UNITS.km2) <= maxCells)) return null;
  const ring = [
    [s, w],
    [s, e],
    [n, e],
    [n, w],
    [s, w],
  ];
  return polygonToCells(ring, res).map((cell) => h3ToBigInt(cell).toString());
}

/** Whether the centre of `cell` (hex) lies in `bbox`: the same rule as `cellKeysInBbox`. */
export function centreInBbox(cell: string, bbox: LonLatBbox): boolean {
  const [lat, lon] = cellToLatLng(cell);
  return lon >= bbox[0] && lon <= bbox[2] && lat >= bbox[1] && lat <= bbox[3];
}
