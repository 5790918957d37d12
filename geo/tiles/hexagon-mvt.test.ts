import { afterAll, describe, expect, it } from 'vitest';
import { VectorTile, type VectorTileLayer } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { cellToBoundary, cellToLatLng, latLngToCell } from 'h3-js';
import { parse } from 'csv-parse/sync';
import { readBundled } from '../../reference/files/index.ts';
import { encodeHexagonTile, projectedCacheSize, resetProjectionCache } from './hexagon-mvt.ts';
import { hexagonTile, tileBounds } from './index.ts';

/** The SSC points of the bundled file (NA rows left out), read once. */
const points: [number, number][] = (
  parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<string, string>[]
)
  .filter((r) => r.lat !== 'NA')
  .map((r) => [Number(r.lat), Number(r.long)]);

/** Real hotspot counts, the independent count: SSC points per res-`res` cell by latLngToCell. */
function sscCounts(res: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const [lat, lon] of points) {
    const h3 = latLngToCell(lat, lon, res);
    counts.set(h3, (counts.get(h3) ?? 0) + 1);
  }
  return counts;
}

/** The `hotspots` layer (@mapbox/vector-tile leaves out a layer without features: then an empty one). */
function layerOf(bytes: Uint8Array): Pick<VectorTileLayer, 'length' | 'feature'> {
  const tile = new VectorTile(new Pbf(bytes));
  expect(Object.keys(tile.layers).filter((name) => name !== 'hotspots')).toEqual([]);
  return (
    tile.layers.hotspots ?? {
      length: 0,
      feature: () => {
        throw new RangeError('empty layer');
      },
    }
  );
}

interface Decoded {
  props: Record<string, string | number | boolean>;
  ring: { x: number; y: number }[];
}

function features(layer: Pick<VectorTileLayer, 'length' | 'feature'>): Map<string, Decoded> {
  const out = new Map<string, Decoded>();
  for (let i = 0; i < layer.length; i++) {
    const f = layer.feature(i);
    expect(f.type).toBe(3);
    const rings = f.loadGeometry();
    expect(rings).toHaveLength(1);
    out.set(String(f.properties.h3), { props: f.properties, ring: rings[0] });
  }
  return out;
}

/** Twice the area by the surveyor's formula in tile coordinates (y down): the spec wants > 0 for an exterior ring. */
function surveyorArea(ring: { x: number; y: number }[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const a = ring[i],
      b = ring[(i + 1) % ring.length];
    sum += a.x * b.y - b.x * a.y;
  }
  return sum;
}

/** The largest distance from a vertex of `a` to the nearest vertex of `b`, in extent units. */
function vertexDistance(a: { x: number; y: number }[], b: { x: number; y: number }[]): number {
  return Math.max(...a.map((p) => Math.min(...b.map((q) => Math.max(Math.abs(p.x - q.x), Math.abs(p.y - q.y))))));
}

// hand-picked tiles: the bench's res-9 tile at the Zócalo, its res-7 tile, a res-8 tile north of the centre,
// a res-6 tile of the whole valley, and a res-8 tile on the southern rural edge
const TILES: [z: number, x: number, y: number, res: number][] = [
  [12, 920, 1822, 9],
  [10, 230, 455, 7],
  [11, 460, 910, 8],
  [9, 115, 227, 6],
  [11, 461, 912, 8],
];

afterAll(() => resetProjectionCache());

describe('encodeHexagonTile', () => {
  it.each(TILES)(
    'z%i/%i/%i (res %i): the same features and counts as the geojson-vt encoder, counts equal to the SSC file',
    (z, x, y, res) => {
      const counts = sscCounts(res);
      const cells = [...counts].map(([h3, count]) => ({ h3, count }));
      const direct = features(layerOf(encodeHexagonTile(cells, z, x, y)));
      const reference = features(layerOf(hexagonTile(cells, z, x, y)));

      expect(direct.size).toBeGreaterThan(5);
      expect([...direct.keys()].sort()).toEqual([...reference.keys()].sort());
      const [w, s, e, n] = tileBounds(z, x, y);
      for (const [h3, f] of direct) {
        // the count of the cell in the data file, counted here
        expect(f.props.count, h3).toBe(counts.get(h3));
        expect(Object.keys(f.props).sort()).toEqual(['count', 'h3']);
        // geojson-vt quantises its input before clipping: vertices agree within two extent units
        expect(vertexDistance(f.ring, reference.get(h3)!.ring), h3).toBeLessThanOrEqual(2);
        expect(surveyorArea(f.ring), h3).toBeGreaterThan(0);
      }
      // every cell whose centre lies in the tile is drawn, and no cell lying wholly west/east of the buffered tile
      const [bw, , be] = tileBounds(z, x, y, 64 / 4096);
      for (const h3 of counts.keys()) {
        const [lat, lon] = cellToLatLng(h3);
        if (lon > w && lon < e && lat > s && lat < n) expect(direct.has(h3), h3).toBe(true);
        const lons = cellToBoundary(h3).map(([, lo]) => lo);
        if (Math.min(...lons) > be || Math.max(...lons) < bw) expect(direct.has(h3), h3).toBe(false);
      }
    },
  );

  it('writes a withheld count as a feature without `count` (hand-written cells), like vt-pbf skips null', () => {
    const [z, x, y] = [12, 920, 1822];
    const [lat, lon] = [19.4326, -99.1332];
    const cells = [
      { h3: latLngToCell(lat, lon, 9), count: null },
      { h3: latLngToCell(lat + 0.01, lon, 9), count: 7 },
      { h3: 'not-a-cell', count: 3 },
    ];
    const direct = features(layerOf(encodeHexagonTile(cells, z, x, y)));
    const reference = features(layerOf(hexagonTile(cells.filter((c) => c.h3 !== 'not-a-cell') as never, z, x, y)));
    expect(direct.size).toBe(2);
    expect(direct.get(cells[0].h3)!.props).toEqual({ h3: cells[0].h3 });
    expect(direct.get(cells[1].h3)!.props).toEqual({ h3: cells[1].h3, count: 7 });
    expect([...direct.values()].map((f) => f.props)).toEqual([...reference.values()].map((f) => f.props));
  });

  it('gives a valid tile with an empty layer when no hexagon reaches the tile', () => {
    const bytes = encodeHexagonTile([{ h3: latLngToCell(19.4326, -99.1332, 9), count: 1 }], 10, 0, 0);
    expect(layerOf(bytes).length).toBe(0);
    // the layer is there, empty: field 3 (layers), then version 2 and the name
    expect(bytes[0]).toBe((3 << 3) | 2);
    expect(Buffer.from(bytes).includes(Buffer.from('hotspots'))).toBe(true);
    expect(layerOf(encodeHexagonTile([], 12, 920, 1822)).length).toBe(0);
  });

  it('answers the same bytes on a repeated call, with the projection cache bounded per resolution', () => {
    resetProjectionCache(100);
    const cells = [...sscCounts(9)].map(([h3, count]) => ({ h3, count }));
    const first = encodeHexagonTile(cells, 12, 920, 1822);
    expect(projectedCacheSize()).toBeLessThanOrEqual(100);
    expect(Buffer.from(encodeHexagonTile(cells, 12, 920, 1822)).equals(Buffer.from(first))).toBe(true);
    // a result is a copy: later calls do not overwrite it
    const copy = Buffer.from(first);
    encodeHexagonTile([], 12, 920, 1822);
    expect(Buffer.from(first).equals(copy)).toBe(true);
  });
});
