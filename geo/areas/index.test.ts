/**
 * The reverse geocoder against the real CDMX boundaries and the real SSC incident points. Expected
 * answers come from an independent route: turf's booleanPointInPolygon over every polygon of a set
 * (brute force), and the figures that SOURCES.md reports for the SSC file.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { area as turfArea, bbox as turfBbox, booleanPointInPolygon } from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { readBundled } from '../../reference/files/index.ts';
import {
  buildReverseGeocoder,
  PolygonIndex,
  type AreaKind,
  type BoundarySet,
  type ReverseGeocoder,
  type Vintage,
} from './index.ts';

interface Point {
  cuadrante: string;
  lat: number;
  lon: number;
}

let sets: BoundarySet[];
let geocoder: ReverseGeocoder;
let points: Point[];
let totalRows: number;

beforeAll(() => {
  sets = loadBoundarySets();
  geocoder = buildReverseGeocoder(sets);
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  totalRows = rows.length;
  points = rows
    .filter((r) => r.lat !== 'NA' && r.long !== 'NA')
    .map((r) => ({ cuadrante: r.cuadrante, lat: Number(r.lat), lon: Number(r.long) }));
});

const KINDS: [AreaKind, Vintage | null][] = [
  ['alcaldia', null],
  ['colonia', null],
  ['cuadrante', 2016],
  ['sector', 2016],
  ['cuadrante', 2023],
  ['sector', 2023],
];
const setOf = (kind: AreaKind, vintage: Vintage | null) => sets.find((s) => s.kind === kind && s.vintage === vintage)!;

/** Independent answer: every feature of the set that turf says contains the point. */
function turfContaining(set: BoundarySet, boxes: number[][], lat: number, lon: number): string[] {
  const ids: string[] = [];
  set.features.forEach((f, i) => {
    const [w, s, e, n] = boxes[i];
    if (lon >= w && lon <= e && lat >= s && lat <= n && booleanPointInPolygon([lon, lat], f.geometry)) ids.push(f.id);
  });
  return ids;
}

describe('boundary sets', () => {
  it('has the counts SOURCES.md gives', () => {
    expect(KINDS.map(([k, v]) => setOf(k, v).features.length)).toEqual([16, 1814, 847, 72, 847, 72]);
  });
});

describe('reverse geocoder on real data', () => {
  it('agrees with turf (brute force over all polygons) on a sample of 3,000+ SSC points, for every kind and vintage', () => {
    const sample = points.filter((_, i) => i % 40 === 0);
    expect(sample.length).toBeGreaterThan(3000);
    for (const [kind, vintage] of KINDS) {
      const set = setOf(kind, vintage);
      const boxes = set.features.map((f) => turfBbox(f.geometry));
      const areaOf = new Map(set.features.map((f) => [f.id, turfArea(f.geometry)]));
      let agree = 0;
      for (const p of sample) {
        const expected = turfContaining(set, boxes, p.lat, p.lon);
        const got = geocoder.areaAt(kind, vintage ?? 2023, p.lat, p.lon);
        // Overlapping source polygons: the smallest one must win.
        const smallest = [...expected].sort((a, b) => areaOf.get(a)! - areaOf.get(b)!)[0] ?? null;
        if (got === smallest) agree++;
      }
      expect({ kind, vintage, agree }).toEqual({ kind, vintage, agree: sample.length });
    }
  });

  // SOURCES.md measured these on a 501-row sample of all rows (rows without coordinates count as outside).
  it('places ~98 % of SSC rows in an alcaldía and a colonia, and ~81 % in their stated 2016 cuadrante (SOURCES.md)', () => {
    let inAlcaldia = 0,
      inColonia = 0,
      inStated = 0;
    for (const p of points) {
      const a = geocoder.locate(p.lat, p.lon);
      if (a.alcaldia_2016) inAlcaldia++;
      if (a.colonia) inColonia++;
      if (a.cuadrante_2016 === p.cuadrante) inStated++;
    }
    const n = totalRows;
    expect(totalRows).toBe(132_692);
    expect(inAlcaldia / n).toBeGreaterThan(0.96);
    expect(inAlcaldia / n).toBeLessThan(0.995);
    expect(inColonia / n).toBeGreaterThan(0.96);
    expect(inStated / n).toBeGreaterThan(0.75);
    expect(inStated / n).toBeLessThan(0.87);
  });

  it('answers every SSC point, and points right beside real vertices, the same through the grid as through flatbush + exact test alone', () => {
    for (const [kind, vintage] of KINDS) {
      const features = setOf(kind, vintage).features;
      const index = new PolygonIndex(features.map((f) => f.geometry));
      let differ = 0,
        nearEdges = 0;
      for (const p of points) if (index.find(p.lon, p.lat) !== index.findExact(p.lon, p.lat)) differ++;
      // Every 7th vertex, exactly on it and nudged by ~1 cm and ~1 m (where the grid's mixed cells matter).
      for (const f of features) {
        const rings = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates).flat();
        for (const ring of rings) {
          for (let i = 0; i < ring.length; i += 7) {
            const [x, y] = ring[i];
            for (const [dx, dy] of [
              [0, 0],
              [1e-7, -1e-7],
              [-1e-5, 0],
              [0, 1e-5],
            ]) {
              nearEdges++;
              if (index.find(x + dx, y + dy) !== index.findExact(x + dx, y + dy)) differ++;
            }
          }
        }
      }
      expect(nearEdges).toBeGreaterThan(1000);
      expect({ kind, vintage, differ }).toEqual({ kind, vintage, differ: 0 });
    }
  });

  it("locates every area's representative point in that area, and turf agrees the point is inside", () => {
    for (const [kind, vintage] of KINDS) {
      const misses: string[] = [];
      for (const f of setOf(kind, vintage).features) {
        const [lon, lat] = geocoder.representativePoint(kind, vintage ?? 2023, f.id)!;
        if (geocoder.areaAt(kind, vintage ?? 2023, lat, lon) !== f.id || !booleanPointInPolygon([lon, lat], f.geometry))
          misses.push(f.id);
      }
      expect({ kind, vintage, misses }).toEqual({ kind, vintage, misses: [] });
    }
    const colonia = setOf('colonia', null).features[0];
    const [lon, lat] = geocoder.representativePoint('colonia', null, colonia.id)!;
    expect(geocoder.locate(lat, lon).colonia).toBe(colonia.id);
    expect(geocoder.locate(lat, lon).alcaldia_2023).toBe(colonia.alcaldiaId);
  });

  it('puts the midpoint of a border shared by two colonias in exactly one of them', () => {
    const colonias = setOf('colonia', null).features;
    const owners = new Map<string, number[]>();
    colonias.forEach((f, i) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        for (let k = 0; k + 1 < ring.length; k++) {
          const [a, b] = [ring[k], ring[k + 1]].map((p) => p.join(',')).sort();
          const key = `${a};${b}`;
          const list = owners.get(key) ?? [];
          if (!list.includes(i)) list.push(i);
          owners.set(key, list);
        }
      }
    });
    const shared = [...owners].filter(([, list]) => list.length === 2).slice(0, 2000);
    expect(shared.length).toBe(2000);
    for (const [key, [i, j]] of shared) {
      const [[ax, ay], [bx, by]] = key.split(';').map((s) => s.split(',').map(Number));
      for (const [lon, lat] of [
        [(ax + bx) / 2, (ay + by) / 2],
        [ax, ay],
      ]) {
        const inI = geocoder.contains('colonia', null, colonias[i].id, lat, lon);
        const inJ = geocoder.contains('colonia', null, colonias[j].id, lat, lon);
        // On the exact midpoint / vertex: never both. The midpoint, where nothing else meets, is in one.
        expect(inI && inJ).toBe(false);
        if (lon === (ax + bx) / 2) expect(inI || inJ).toBe(true);
      }
    }
  });

  it('leaves out only the 2016 police layers when asked (police2016: false), for every SSC point', () => {
    let differ = 0,
      skippedNonNull = 0,
      hadPolice = 0;
    for (const p of points) {
      const all = geocoder.locate(p.lat, p.lon);
      const some = geocoder.locate(p.lat, p.lon, { police2016: false });
      if (all.cuadrante_2016 !== null) hadPolice++;
      if (some.cuadrante_2016 !== null || some.sector_2016 !== null) skippedNonNull++;
      const rest = (a: typeof all) =>
        [a.alcaldia_2016, a.alcaldia_2023, a.colonia, a.cuadrante_2023, a.sector_2023].join();
      if (rest(all) !== rest(some)) differ++;
    }
    expect(hadPolice).toBeGreaterThan(100_000);
    expect({ differ, skippedNonNull }).toEqual({ differ: 0, skippedNonNull: 0 });
  });

  it('returns null everywhere outside the city and for invalid coordinates', () => {
    for (const [lat, lon] of [
      [19.6, -98.9],
      [20.5, -99.1],
      [0, 0],
      [Number.NaN, -99.1],
    ]) {
      expect(Object.values(geocoder.locate(lat, lon)).every((v) => v === null)).toBe(true);
      expect(geocoder.inCity(lat, lon)).toBe(false);
    }
    expect(geocoder.inCity(19.4326, -99.1332)).toBe(true); // Zócalo
  });

  it('places the Zócalo in Cuauhtémoc and a Milpa Alta point in Milpa Alta, same alcaldía for both vintages', () => {
    const zocalo = geocoder.locate(19.4326, -99.1332);
    expect(zocalo.alcaldia_2016).toBe('09015');
    expect(zocalo.alcaldia_2023).toBe('09015');
    expect(geocoder.feature('colonia', null, zocalo.colonia!)!.alcaldiaId).toBe('09015');
    expect(geocoder.locate(19.19, -99.02).alcaldia_2023).toBe('09009');
  });

  it('answers contains / representativePoint / feature with false or null for unknown ids', () => {
    expect(geocoder.contains('colonia', null, 'nope', 19.43, -99.13)).toBe(false);
    expect(geocoder.representativePoint('cuadrante', 2016, 'nope')).toBeNull();
    expect(geocoder.feature('sector', 2023, 'nope')).toBeNull();
  });
});
