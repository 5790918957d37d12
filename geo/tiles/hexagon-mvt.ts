/**
 * A direct Mapbox Vector Tile encoder for H3 hexagons, for `/api/tiles/hotspots/{z}/{x}/{y}.pbf`.
 *
 * Follows the Mapbox Vector Tile specification 2.1 (https://github.com/mapbox/vector-tile-spec/tree/master/2.1):
 * one layer (`hotspots`, version 2, extent 4096) of POLYGON features whose geometry is a command stream
 * (§4.3: MoveTo, LineTo, ClosePath; parameters zigzag-encoded deltas in tile coordinates, y down), an
 * exterior ring per feature wound clockwise in tile coordinates (§4.3.4.4), and properties as tags into the
 * layer's `keys` and `values` tables (§4.2, §4.4), written with `pbf`. The result decodes to the same
 * features, properties and (within one extent unit) vertices as the geojson-vt + vt-pbf path
 * (`hexagonTile` in `./index.ts`), which it replaces because it builds an index and GeoJSON objects per
 * request: here each hexagon is projected to Web Mercator once and kept (a bounded LRU per resolution),
 * then per request only scaled to the tile, clipped to the tile plus its buffer (Sutherland–Hodgman,
 * 1974, against the four edges of the buffered square), rounded to the integer grid and written, using
 * scratch buffers reused across requests.
 */
import Pbf from 'pbf';
import { getResolution, isValidCell } from 'h3-js';
import { cellBoundary } from '../h3/index.ts';

export const HEXAGON_LAYER = 'hotspots';
export const HEXAGON_EXTENT = 4096;
/** Buffer around the tile in extent units (64/4096, geojson-vt's default, so tiles join without seams). */
export const HEXAGON_BUFFER = 64;

export interface CellCount {
  h3: string;
  /** null or undefined: a withheld count, written without a `count` property (tiles have no null) */
  count: number | null | undefined;
}

/** Projected cells kept per resolution (a res-9 tile over the centre holds ~600; 65,536 × 112 bytes ≈ 7 MiB per resolution at most). */
export const PROJECTED_CELLS_PER_RESOLUTION = 65_536;
let cacheLimit = PROJECTED_CELLS_PER_RESOLUTION;

const projected: Map<string, Float64Array>[] = [];

/** Web Mercator of lon/lat to the unit square ([0, 1], y down), as geojson-vt projects. */
function mercatorX(lon: number): number {
  return lon / 360 + 0.5;
}
function mercatorY(lat: number): number {
  const sin = Math.sin((lat * Math.PI) / 180);
  const y = 0.5 - (0.25 * Math.log((1 + sin) / (1 - sin))) / Math.PI;
  return y < 0 ? 0 : y > 1 ? 1 : y;
}

/**
 * The cell's boundary in the unit square, as a closed ring [x0, y0, x1, y1, …, x0, y0], wound clockwise
 * with y down (an H3 GeoJSON ring is counter-clockwise in lon/lat; checked here all the same). LRU: a hit
 * moves the cell to the young end of its resolution's map; the oldest entry goes when the map is full.
 */
export function projectedBoundary(h3: string): Float64Array {
  const res = getResolution(h3);
  const cache = (projected[res] ??= new Map());
  const hit = cache.get(h3);
  if (hit) {
    cache.delete(h3);
    cache.set(h3, hit);
    return hit;
  }
  const ring = cellBoundary(h3);
  const out = new Float64Array(ring.length * 2);
  for (let i = 0; i < ring.length; i++) {
    out[2 * i] = mercatorX(ring[i][0]);
    out[2 * i + 1] = mercatorY(ring[i][1]);
  }
  if (signedArea(out, out.length / 2) < 0) reverseRing(out);
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
  cache.set(h3, out);
  return out;
}

/** Cells held by the projection cache (all resolutions). */
export function projectedCacheSize(): number {
  return projected.reduce((n, m) => n + (m?.size ?? 0), 0);
}

/** Empties the projection cache and sets its bound per resolution (tests use a small one). */
export function resetProjectionCache(perResolution = PROJECTED_CELLS_PER_RESOLUTION): void {
  projected.length = 0;
  cacheLimit = perResolution;
}

/** Twice the signed area of a ring of `n` points (shoelace); positive = clockwise with y down, the spec's exterior ring. */
function signedArea(xy: ArrayLike<number>, n: number): number {
  let sum = 0;
  for (let i = 0, j = n - 1; i < n; j = i++) sum += xy[2 * j] * xy[2 * i + 1] - xy[2 * i] * xy[2 * j + 1];
  return sum;
}

function reverseRing(xy: Float64Array): void {
  for (let i = 0, j = xy.length / 2 - 1; i < j; i++, j--) {
    const x = xy[2 * i],
      y = xy[2 * i + 1];
    xy[2 * i] = xy[2 * j];
    xy[2 * i + 1] = xy[2 * j + 1];
    xy[2 * j] = x;
    xy[2 * j + 1] = y;
  }
}

// Scratch buffers reused by every call (encoding is synchronous, so calls never interleave). A convex
// ring of 7 points clipped by 4 edges has at most 7 + 4 vertices; 64 leaves room for pentagons and more.
const SCRATCH_POINTS = 64;
const ringA = new Float64Array(SCRATCH_POINTS * 2);
const ringB = new Float64Array(SCRATCH_POINTS * 2);
const grid = new Int32Array(SCRATCH_POINTS * 2);

/**
 * Clips the open ring `src` (`n` points) to the half-plane `sign · coord[axis] ≤ sign · limit`
 * (Sutherland–Hodgman), writing to `dst`; returns the number of points written.
 */
function clipEdge(src: Float64Array, n: number, dst: Float64Array, axis: 0 | 1, limit: number, sign: 1 | -1): number {
  let m = 0;
  const other = 1 - axis;
  for (let i = 0; i < n; i++) {
    const j = (i + n - 1) % n;
    const a = src[2 * j + axis],
      b = src[2 * i + axis];
    const aIn = sign * a <= sign * limit,
      bIn = sign * b <= sign * limit;
    if (aIn !== bIn) {
      const t = (limit - a) / (b - a);
      dst[2 * m + axis] = limit;
      dst[2 * m + other] = src[2 * j + other] + t * (src[2 * i + other] - src[2 * j + other]);
      m++;
    }
    if (bIn) {
      dst[2 * m] = src[2 * i];
      dst[2 * m + 1] = src[2 * i + 1];
      m++;
    }
  }
  return m;
}

/**
 * Puts the cell's ring, in tile coordinates clipped to the buffered tile and rounded, into `grid`
 * (open: the closing point is implicit, as ClosePath draws it). Returns its point count, 0 when the
 * hexagon lies outside the buffered tile.
 */
function tileRing(ring: Float64Array, scale: number, tx: number, ty: number): number {
  const n = ring.length / 2 - 1; // without the closing point
  const lo = -HEXAGON_BUFFER,
    hi = HEXAGON_EXTENT + HEXAGON_BUFFER;
  let minX = Infinity,
    minY = Infinity,
    maxX = -Infinity,
    maxY = -Infinity;
  for (let i = 0; i < n; i++) {
    const x = ring[2 * i] * scale - tx,
      y = ring[2 * i + 1] * scale - ty;
    ringA[2 * i] = x;
    ringA[2 * i + 1] = y;
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (maxX < lo || minX > hi || maxY < lo || minY > hi) return 0;
  let src = ringA,
    m = n;
  if (minX < lo || maxX > hi || minY < lo || maxY > hi) {
    m = clipEdge(ringA, m, ringB, 0, lo, -1);
    m = clipEdge(ringB, m, ringA, 0, hi, 1);
    m = clipEdge(ringA, m, ringB, 1, lo, -1);
    m = clipEdge(ringB, m, ringA, 1, hi, 1);
    src = ringA;
    if (m < 3) return 0;
  }
  for (let i = 0; i < 2 * m; i++) grid[i] = Math.round(src[i]);
  return m;
}

// --- protobuf (vector_tile.proto field numbers) ------------------------------------------------------

const TILE_LAYERS = 3;
const LAYER_VERSION = 15,
  LAYER_NAME = 1,
  LAYER_FEATURES = 2,
  LAYER_KEYS = 3,
  LAYER_VALUES = 4,
  LAYER_EXTENT = 5;
const FEATURE_TAGS = 2,
  FEATURE_TYPE = 3,
  FEATURE_GEOMETRY = 4;
const VALUE_STRING = 1,
  VALUE_DOUBLE = 3,
  VALUE_UINT = 5,
  VALUE_SINT = 6;
const POLYGON = 3;
const MOVE_TO = 1,
  LINE_TO = 2,
  CLOSE_PATH = 7;

const command = (id: number, count: number) => (count << 3) | id;
const zigzag = (n: number) => (n << 1) ^ (n >> 31);

interface LayerState {
  cells: readonly CellCount[];
  scale: number;
  tx: number;
  ty: number;
  keys: string[];
  values: (string | number)[];
  stringIndex: Map<string, number>;
  numberIndex: Map<number, number>;
  /** the feature being written: its cell and ring length in `grid` */
  cell: CellCount;
  points: number;
}

function keyIndex(state: LayerState, key: string): number {
  const i = state.keys.indexOf(key);
  return i >= 0 ? i : state.keys.push(key) - 1;
}

function valueIndex<T extends string | number>(state: LayerState, index: Map<T, number>, value: T): number {
  let i = index.get(value);
  if (i === undefined) {
    i = state.values.push(value) - 1;
    index.set(value, i);
  }
  return i;
}

function writeTags(state: LayerState, pbf: Pbf): void {
  const { h3, count } = state.cell;
  pbf.writeVarint(keyIndex(state, 'h3'));
  pbf.writeVarint(valueIndex(state, state.stringIndex, h3));
  if (count === null || count === undefined) return;
  pbf.writeVarint(keyIndex(state, 'count'));
  pbf.writeVarint(valueIndex(state, state.numberIndex, count));
}

function writeGeometry(state: LayerState, pbf: Pbf): void {
  const n = state.points;
  pbf.writeVarint(command(MOVE_TO, 1));
  pbf.writeVarint(zigzag(grid[0]));
  pbf.writeVarint(zigzag(grid[1]));
  pbf.writeVarint(command(LINE_TO, n - 1));
  for (let i = 1; i < n; i++) {
    pbf.writeVarint(zigzag(grid[2 * i] - grid[2 * i - 2]));
    pbf.writeVarint(zigzag(grid[2 * i + 1] - grid[2 * i - 1]));
  }
  pbf.writeVarint(command(CLOSE_PATH, 1));
}

function writeFeature(state: LayerState, pbf: Pbf): void {
  pbf.writeMessage(FEATURE_TAGS, writeTags, state);
  pbf.writeVarintField(FEATURE_TYPE, POLYGON);
  pbf.writeMessage(FEATURE_GEOMETRY, writeGeometry, state);
}

function writeValue(value: string | number, pbf: Pbf): void {
  if (typeof value === 'string') pbf.writeStringField(VALUE_STRING, value);
  else if (!Number.isInteger(value)) pbf.writeDoubleField(VALUE_DOUBLE, value);
  else if (value < 0) pbf.writeSVarintField(VALUE_SINT, value);
  else pbf.writeVarintField(VALUE_UINT, value);
}

function writeLayer(state: LayerState, pbf: Pbf): void {
  pbf.writeVarintField(LAYER_VERSION, 2);
  pbf.writeStringField(LAYER_NAME, HEXAGON_LAYER);
  pbf.writeVarintField(LAYER_EXTENT, HEXAGON_EXTENT);
  for (const cell of state.cells) {
    if (!isValidCell(cell.h3)) continue;
    const points = tileRing(projectedBoundary(cell.h3), state.scale, state.tx, state.ty);
    if (points === 0) continue;
    state.cell = cell;
    state.points = points;
    pbf.writeMessage(LAYER_FEATURES, writeFeature, state);
  }
  for (const key of state.keys) pbf.writeStringField(LAYER_KEYS, key);
  for (const value of state.values) pbf.writeMessage(LAYER_VALUES, writeValue, value);
}

// One growing output buffer for every call; each result is a copy of the bytes written.
const out = new Pbf();

/**
 * Tile z/x/y of the hexagons of `cells` as an MVT: one layer `hotspots` with a polygon feature per cell
 * that reaches into the tile or its buffer, properties `h3` and `count` (omitted when the count is
 * withheld). Invalid cells are skipped; no cell gives a valid tile with an empty layer. The caller
 * checks z/x/y.
 */
export function encodeHexagonTile(cells: readonly CellCount[], z: number, x: number, y: number): Uint8Array {
  const scale = HEXAGON_EXTENT * 2 ** z;
  const state: LayerState = {
    cells,
    scale,
    tx: x * HEXAGON_EXTENT,
    ty: y * HEXAGON_EXTENT,
    keys: [],
    values: [],
    stringIndex: new Map(),
    numberIndex: new Map(),
    cell: cells[0],
    points: 0,
  };
  out.pos = 0;
  out.length = out.buf.length; // finish() shrank it to the last result: the whole buffer is free again
  out.writeMessage(TILE_LAYERS, writeLayer, state);
  return out.finish().slice();
}
