import { describe, expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { booleanPointInPolygon } from '@turf/turf';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { parse } from 'csv-parse/sync';
import type { Polygon } from 'geojson';
import { readBundled } from '../../reference/files/index.ts';
import { cellsForTile, hexagonTile, HOTSPOT_LAYER, isValidTile, tileBounds, type HexagonCount } from './index.ts';

/** The standard slippy-map tile of a point (OSM wiki formula), computed independently of tileBounds. */
function tileOf(lat: number, lon: number, z: number): [number, number] {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return [x, y];
}

/** Real hotspot counts: SSC points aggregated by res-`res` cell. */
function sscCells(res: number): HexagonCount[] {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const counts = new Map<string, number>();
  for (const r of rows) {
    if (r.lat === 'NA') continue;
    const h3 = latLngToCell(Number(r.lat), Number(r.long), res);
    counts.set(h3, (counts.get(h3) ?? 0) + 1);
  }
  return [...counts].map(([h3, count]) => ({ h3, count }));
}

const decode = (bytes: Uint8Array) => new VectorTile(new Pbf(bytes));

describe('tileBounds', () => {
  it('gives the world at z0 and its quarters at z1', () => {
    const [w, s, e, n] = tileBounds(0, 0, 0);
    expect([w, e]).toEqual([-180, 180]);
    expect(s).toBeCloseTo(-85.0511, 3);
    expect(n).toBeCloseTo(85.0511, 3);
    expect(tileBounds(1, 0, 0)[1]).toBeCloseTo(0, 9);
    expect(tileBounds(1, 1, 1)[0]).toBeCloseTo(0, 9);
  });

  it('contains the point whose tile it is (Zócalo, z 12–16)', () => {
    for (let z = 12; z <= 16; z++) {
      const [x, y] = tileOf(19.4326, -99.1332, z);
      const [w, s, e, n] = tileBounds(z, x, y);
      expect(-99.1332 >= w && -99.1332 <= e && 19.4326 >= s && 19.4326 <= n).toBe(true);
    }
  });

  it('rejects tiles that do not exist', () => {
    expect(isValidTile(3, 8, 0)).toBe(false);
    expect(isValidTile(2.5, 0, 0)).toBe(false);
    expect(() => tileBounds(1, -1, 0)).toThrow(RangeError);
    expect(() => hexagonTile([], 30, 0, 0)).toThrow(RangeError);
  });
});

describe('hexagonTile', () => {
  it('round-trips real res-8 hotspots through MVT: one layer "hotspots", same h3 and count, hexagons where they are', () => {
    const z = 12;
    const [x, y] = tileOf(19.4326, -99.1332, z);
    const all = sscCells(8);
    const cells = cellsForTile(all, z, x, y);
    expect(cells.length).toBeGreaterThan(10);
    expect(cells.length).toBeLessThan(all.length);

    const tile = decode(hexagonTile(cells, z, x, y));
    expect(Object.keys(tile.layers)).toEqual([HOTSPOT_LAYER]);
    const layer = tile.layers[HOTSPOT_LAYER];
    const input = new Map(cells.map((c) => [c.h3, c.count]));
    const [w, s, e, n] = tileBounds(z, x, y);
    const mustAppear = cells.filter(({ h3 }) => {
      const [lat, lon] = cellToLatLng(h3);
      return lon > w && lon < e && lat > s && lat < n;
    });
    const seen = new Set<string>();
    for (let i = 0; i < layer.length; i++) {
      const f = layer.feature(i);
      expect(f.type).toBe(3); // polygon
      const h3 = String(f.properties.h3);
      expect(f.properties.count).toBe(input.get(h3));
      seen.add(h3);
      const [lat, lon] = cellToLatLng(h3);
      if (lon > w && lon < e && lat > s && lat < n) {
        // The decoded hexagon (back in lon/lat) surrounds its cell's centre.
        const geometry = f.toGeoJSON(x, y, z).geometry as Polygon;
        expect(booleanPointInPolygon([lon, lat], geometry)).toBe(true);
      }
    }
    for (const c of mustAppear) expect(seen.has(c.h3)).toBe(true);
    expect(seen.size).toBe(layer.length);
  });

  it('encodes an empty hotspots layer when there is nothing to draw', () => {
    const tile = decode(hexagonTile([], 10, 229, 456));
    expect(tile.layers[HOTSPOT_LAYER]?.length ?? 0).toBe(0);
  });
});
