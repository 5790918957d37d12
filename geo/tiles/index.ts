/**
 * Mapbox Vector Tiles of H3 hotspot hexagons for `/api/tiles/hotspots/{z}/{x}/{y}.pbf`.
 *
 * geojson-vt clips and quantises the hexagons to the tile (4096-unit extent, with a buffer so that
 * polygons continue past the tile edge and MapLibre draws no seams); vt-pbf encodes the result per the
 * Mapbox Vector Tile specification 2.1 (https://github.com/mapbox/vector-tile-spec).
 */
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { cellToLatLng, getHexagonEdgeLengthAvg, getResolution, isValidCell } from 'h3-js';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { cellBoundary } from '../h3/index.ts';

export const HOTSPOT_LAYER = 'hotspots';
export const TILE_EXTENT = 4096;
/** Tile buffer in extent units (64/4096 = 1/64 of a tile, geojson-vt's default). */
export const TILE_BUFFER = 64;
/** Web Mercator's latitude limit. */
const MAX_LAT = 85.0511287798066;

export interface HexagonCount {
  h3: string;
  count: number;
}

/** Whether z/x/y names an existing tile (integers, 0 ≤ z ≤ 24, 0 ≤ x, y < 2^z). */
export function isValidTile(z: number, x: number, y: number): boolean {
  if (![z, x, y].every(Number.isInteger) || z < 0 || z > 24) return false;
  const n = 2 ** z;
  return x >= 0 && x < n && y >= 0 && y < n;
}

function assertTile(z: number, x: number, y: number): void {
  if (!isValidTile(z, x, y)) throw new RangeError(`invalid tile ${z}/${x}/${y}`);
}

/**
 * [west, south, east, north] in degrees of an XYZ (slippy-map) tile. `buffer` widens the box on every
 * side by that fraction of the tile's size (e.g. 0.1), clamped to the world.
 */
export function tileBounds(z: number, x: number, y: number, buffer = 0): [number, number, number, number] {
  assertTile(z, x, y);
  const n = 2 ** z;
  const lonOf = (tx: number) => (tx / n) * 360 - 180;
  const latOf = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  const west = lonOf(x - buffer),
    east = lonOf(x + 1 + buffer);
  const north = latOf(y - buffer),
    south = latOf(y + 1 + buffer);
  return [Math.max(-180, west), Math.max(-MAX_LAT, south), Math.min(180, east), Math.min(MAX_LAT, north)];
}

/**
 * The cells whose hexagon may touch tile z/x/y: centre inside the tile's bounds widened by one average
 * hexagon edge of the cell's resolution (a hexagon's centre-to-vertex distance is about one edge) plus the
 * tile buffer. For the API, which aggregates counts by cell and needs only the tile's share.
 */
export function cellsForTile<T extends HexagonCount>(cells: readonly T[], z: number, x: number, y: number): T[] {
  const [w, s, e, n] = tileBounds(z, x, y, TILE_BUFFER / TILE_EXTENT);
  const marginCache = new Map<number, number>();
  return cells.filter(({ h3 }) => {
    if (!isValidCell(h3)) return false;
    const res = getResolution(h3);
    let margin = marginCache.get(res);
    if (margin === undefined) {
      // Edge length in km → degrees of latitude (111.32 km each); longitude degrees are shorter, so widen by 1/cos(lat) below.
      margin = (1.2 * getHexagonEdgeLengthAvg(res, 'km')) / 111.32;
      marginCache.set(res, margin);
    }
    const [lat, lon] = cellToLatLng(h3);
    const lonMargin = margin / Math.max(0.1, Math.cos((lat * Math.PI) / 180));
    return lat >= s - margin && lat <= n + margin && lon >= w - lonMargin && lon <= e + lonMargin;
  });
}

/** Hexagons as a GeoJSON FeatureCollection with properties {h3, count}. Invalid cells are skipped. */
export function hexagonFeatures(cells: readonly HexagonCount[]): FeatureCollection<Polygon, HexagonCount> {
  const features: Feature<Polygon, HexagonCount>[] = [];
  for (const { h3, count } of cells) {
    if (!isValidCell(h3)) continue;
    features.push({
      type: 'Feature',
      properties: { h3, count },
      geometry: { type: 'Polygon', coordinates: [cellBoundary(h3)] },
    });
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Encodes hexagons as one Mapbox Vector Tile with ONE layer, `hotspots`: polygon features with
 * properties `h3` (string) and `count` (number). A tile with no hexagons is a valid tile with an
 * empty `hotspots` layer. Throws RangeError for an invalid z/x/y.
 */
export function hexagonTile(cells: readonly HexagonCount[], z: number, x: number, y: number): Uint8Array {
  assertTile(z, x, y);
  const index = new GeoJSONVT(hexagonFeatures(cells), {
    maxZoom: Math.max(z, 1),
    // Slice straight down to the requested tile on demand instead of pre-building a pyramid.
    indexMaxZoom: 0,
    // Hexagons have six vertices: simplification would only distort them.
    tolerance: 0,
    extent: TILE_EXTENT,
    buffer: TILE_BUFFER,
  });
  const tile = index.getTile(z, x, y) ?? { features: [] };
  return fromGeojsonVt({ [HOTSPOT_LAYER]: tile }, { version: 2, extent: TILE_EXTENT });
}
