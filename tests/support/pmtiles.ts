/**
 * A minimal PMTiles v3 writer for tests (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md):
 * the 127-byte header, one root directory, JSON metadata and the tiles, nothing compressed. Written
 * here because no PMTiles writer exists on npm or in Debian (the `pmtiles` package only reads); the
 * tests read what it writes with that package's reader, so the two check each other.
 *
 * `cityBasemap()` builds a small vector basemap of the city from the project's own boundaries: the
 * alcaldías as the Protomaps schema's `earth` layer (what a basemap style paints as land), cut into
 * tiles by geojson-vt and encoded by vt-pbf.
 */
import { writeFileSync } from 'node:fs';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import { zxyToTileId } from 'pmtiles';
import { readBundledJson } from '../../reference/files/index.ts';

export interface Tile {
  z: number;
  x: number;
  y: number;
  data: Uint8Array;
}

function varints(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let v of values) {
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return out;
}

/** A PMTiles v3 archive of `tiles` (MVT, uncompressed) with `metadata`, and the byte offset of each tile's data. */
export function writePmtiles(
  tiles: readonly Tile[],
  metadata: Record<string, unknown>,
  bounds: [number, number, number, number],
): Uint8Array {
  const entries = tiles.map((t) => ({ id: zxyToTileId(t.z, t.x, t.y), data: t.data })).sort((a, b) => a.id - b.id);
  let offset = 0;
  const placed = entries.map((e) => {
    const at = offset;
    offset += e.data.byteLength;
    return { ...e, offset: at };
  });
  // directory: count, tile id deltas, run lengths, lengths, offsets + 1 (0 would mean "right after the previous")
  const directory = Uint8Array.from([
    ...varints([placed.length]),
    ...varints(placed.map((e, i) => e.id - (i ? placed[i - 1]!.id : 0))),
    ...varints(placed.map(() => 1)),
    ...varints(placed.map((e) => e.data.byteLength)),
    ...varints(placed.map((e) => e.offset + 1)),
  ]);
  const meta = new TextEncoder().encode(JSON.stringify(metadata));
  const header = new DataView(new ArrayBuffer(127));
  new Uint8Array(header.buffer).set(new TextEncoder().encode('PMTiles'), 0);
  header.setUint8(7, 3);
  const u64 = (at: number, v: number) => header.setBigUint64(at, BigInt(v), true);
  const rootAt = 127;
  const metaAt = rootAt + directory.byteLength;
  const dataAt = metaAt + meta.byteLength;
  u64(8, rootAt);
  u64(16, directory.byteLength);
  u64(24, metaAt);
  u64(32, meta.byteLength);
  u64(40, dataAt); // no leaf directories
  u64(48, 0);
  u64(56, dataAt);
  u64(64, offset);
  u64(72, placed.length);
  u64(80, placed.length);
  u64(88, placed.length);
  header.setUint8(96, 1); // clustered: tiles in tile id order
  header.setUint8(97, 1); // internal compression: none
  header.setUint8(98, 1); // tile compression: none
  header.setUint8(99, 1); // tile type: MVT
  header.setUint8(100, Math.min(...tiles.map((t) => t.z)));
  header.setUint8(101, Math.max(...tiles.map((t) => t.z)));
  const e7 = (v: number) => Math.round(v * 1e7);
  header.setInt32(102, e7(bounds[0]), true);
  header.setInt32(106, e7(bounds[1]), true);
  header.setInt32(110, e7(bounds[2]), true);
  header.setInt32(114, e7(bounds[3]), true);
  header.setUint8(118, 10);
  header.setInt32(119, e7((bounds[0] + bounds[2]) / 2), true);
  header.setInt32(123, e7((bounds[1] + bounds[3]) / 2), true);
  const out = new Uint8Array(dataAt + offset);
  out.set(new Uint8Array(header.buffer), 0);
  out.set(directory, rootAt);
  out.set(meta, metaAt);
  for (const e of placed) out.set(e.data, dataAt + e.offset);
  return out;
}

/** Tile x/y of a point at zoom z (Web Mercator). */
function tileOf(lon: number, lat: number, z: number): [number, number] {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return [x, y];
}

export const CITY_BOUNDS: [number, number, number, number] = [-99.37, 19.04, -98.94, 19.6];

/** The city's alcaldías as a basemap's `earth` layer, zooms `minZoom`…`maxZoom`; written to `path` when given. */
export function cityBasemap(minZoom = 8, maxZoom = 11, path?: string): { bytes: Uint8Array; tiles: Tile[] } {
  const alcaldias = readBundledJson<GeoJSON.FeatureCollection>('boundaries/alcaldias.geojson.gz');
  const earth = {
    type: 'FeatureCollection',
    features: alcaldias.features.map((f) => ({ ...f, properties: { kind: 'earth' } })),
  } as GeoJSON.FeatureCollection;
  const index = new GeoJSONVT(earth, { maxZoom, indexMaxZoom: maxZoom, extent: 4096, buffer: 64 });
  const tiles: Tile[] = [];
  for (let z = minZoom; z <= maxZoom; z++) {
    const [x0, y0] = tileOf(CITY_BOUNDS[0], CITY_BOUNDS[3], z);
    const [x1, y1] = tileOf(CITY_BOUNDS[2], CITY_BOUNDS[1], z);
    for (let x = x0; x <= x1; x++)
      for (let y = y0; y <= y1; y++) {
        const tile = index.getTile(z, x, y);
        if (tile) tiles.push({ z, x, y, data: fromGeojsonVt({ earth: tile }, { version: 2, extent: 4096 }) });
      }
  }
  const metadata = {
    name: 'Mapa Común test basemap',
    attribution: 'Límites: INEGI (tests only)',
    vector_layers: [{ id: 'earth', fields: { kind: 'String' }, minzoom: minZoom, maxzoom: maxZoom }],
  };
  const bytes = writePmtiles(tiles, metadata, CITY_BOUNDS);
  if (path) writeFileSync(path, bytes);
  return { bytes, tiles };
}
