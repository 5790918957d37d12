/**
 * Boundary, station and lookup loading. Expected values are recomputed here from the raw bundled files
 * (full parses, no shortcuts), never taken from the loader.
 */
import { distance } from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, Point } from 'geojson';
import { readBundled, readBundledJson } from '../files/index.ts';
import { loadBoundarySets, loadCuadrante2016Lookup, loadStations, type BoundarySet } from './index.ts';

type Props = Record<string, unknown>;
const raw = (file: string) =>
  readBundledJson<FeatureCollection<null, Props>>(`boundaries/${file}.geojson.gz`).features.map((f) => f.properties);

let sets: BoundarySet[];
const set = (kind: string, vintage: number | null) => sets.find((s) => s.kind === kind && s.vintage === vintage)!;
const byId = (s: BoundarySet) => new Map(s.features.map((f) => [f.id, f]));

beforeAll(() => {
  sets = loadBoundarySets();
});

describe('loadBoundarySets', () => {
  it('loads the six sets with unique ids (the bundled files have no duplicates, so nothing was merged)', () => {
    const expected: [string, number | null, string, string][] = [
      ['alcaldia', null, 'alcaldias', 'cvegeo'],
      ['colonia', null, 'colonias', 'cve_col'],
      ['cuadrante', 2016, 'cuadrantes_2016', 'cuadrante'],
      ['sector', 2016, 'sectores_2016', 'sector'],
      ['cuadrante', 2023, 'cuadrantes', 'cuadrante'],
      ['sector', 2023, 'sectores', 'sector'],
    ];
    expect(sets.map((s) => [s.kind, s.vintage])).toEqual(expected.map(([k, v]) => [k, v]));
    for (const [kind, vintage, file, key] of expected) {
      const ids = raw(file).map((p) => p[key]);
      expect(new Set(ids).size).toBe(ids.length);
      expect(set(kind, vintage).features.map((f) => f.id)).toEqual(ids);
    }
  });

  it('uses the documented ids and names', () => {
    expect(byId(set('alcaldia', null)).get('09010')!.name).toBe('Álvaro Obregón');
    expect(byId(set('colonia', null)).get('02-001')).toMatchObject({
      name: 'AGUILERA',
      alcaldiaId: '09002',
      population: 1957,
    });
    expect(byId(set('cuadrante', 2023)).get('P-1.3.8')).toMatchObject({
      name: 'P-1.3.8',
      alcaldiaId: '09010',
      sectorId: 'SAN ANGEL',
    });
    expect(byId(set('cuadrante', 2016)).get('C-1.1.1')).toMatchObject({
      sectorId: 'REVOLUCION-ALAMEDA',
      alcaldiaId: '09015',
    });
    expect(byId(set('sector', 2016)).get('ABASTO-REFORMA')!.name).toBe('ABASTO-REFORMA');
    for (const s of sets) for (const f of s.features) expect(f.alcaldiaId).toMatch(/^09\d{3}$/);
  });

  it('takes cuadrante 2016 population from the SSC monthly panel, where it never varies within a cuadrante', () => {
    // All 596,144 rows, split by hand (csv-parse takes ~20 s on this file; no field holds a comma, which
    // the field-count check below proves).
    const [header, ...lines] = readBundled('crime/ssc_cuadrantes_monthly_2013_2016.csv.gz').trimEnd().split('\n');
    const columns = header.split(',');
    const [ci, pi] = [columns.indexOf('"cuadrante"'), columns.indexOf('"population"')];
    expect(lines.length).toBe(596_144);
    const values = new Map<string, Set<string>>();
    let badLines = 0;
    for (const line of lines) {
      const fields = line.split(',');
      if (fields.length !== columns.length) badLines++;
      const cuadrante = fields[ci].replace(/"/g, '');
      values.set(cuadrante, (values.get(cuadrante) ?? new Set()).add(fields[pi]));
    }
    expect(badLines).toBe(0);
    const cuadrantes = set('cuadrante', 2016).features;
    for (const f of cuadrantes) {
      const v = values.get(f.id)!;
      expect(v.size).toBe(1);
      const n = Number([...v][0]);
      expect(f.population).toBe(n > 0 ? n : null);
    }
    // 0 → null: six cuadrantes report 0 residents.
    expect(
      cuadrantes
        .filter((f) => f.population === null)
        .map((f) => f.id)
        .sort(),
    ).toEqual(['O-1.1.1', 'O-1.1.2', 'O-1.1.3', 'O-1.1.4', 'P-3.1.14', 'S-3.5.15']);
  });

  it('sums sector 2016 population over its cuadrantes per the SSC lookup', () => {
    const lookup = parse(readBundled('lookups/cuadrantes_sectores_2016.csv.gz'), { columns: true }) as Record<
      string,
      string
    >[];
    const cuadrantes = byId(set('cuadrante', 2016));
    for (const name of ['ABASTO-REFORMA', 'SAN ANGEL', 'TAXQUEÑA', 'MILPA ALTA']) {
      const members = lookup.filter((r) => r.sector === name).map((r) => r.cuadrante);
      expect(members.length).toBeGreaterThan(0);
      const sum = members.reduce((acc, c) => acc + (cuadrantes.get(c)!.population ?? 0), 0);
      expect(byId(set('sector', 2016)).get(name)!.population).toBe(sum);
    }
  });

  it('sums alcaldía population over its colonias, and reads 2023 populations as given (0 → null)', () => {
    const colonias = raw('colonias');
    for (const cvegeo of ['09002', '09007', '09009']) {
      const sum = colonias.filter((p) => p.cvegeo_alc === cvegeo).reduce((acc, p) => acc + Number(p.poblacion ?? 0), 0);
      expect(byId(set('alcaldia', null)).get(cvegeo)!.population).toBe(sum);
    }
    const rawSectores = raw('sectores');
    for (const f of set('sector', 2023).features) {
      const p = Number(rawSectores.find((r) => r.sector === f.id)!.poblacion);
      expect(f.population).toBe(p > 0 ? p : null);
    }
    const zeroColonias = colonias.filter((p) => !(Number(p.poblacion) > 0)).map((p) => p.cve_col);
    expect(
      set('colonia', null)
        .features.filter((f) => f.population === null)
        .map((f) => f.id),
    ).toEqual(zeroColonias);
  });
});

describe('loadCuadrante2016Lookup', () => {
  it('maps all 847 cuadrantes to a sector and a zero-padded cvegeo', () => {
    const lookup = loadCuadrante2016Lookup();
    expect(lookup.size).toBe(847);
    expect(lookup.get('C-1.1.1')).toEqual({ sector: 'REVOLUCION-ALAMEDA', alcaldiaId: '09015' });
    for (const info of lookup.values()) expect(info.alcaldiaId).toMatch(/^09\d{3}$/);
    // Every lookup sector is a 2016 sector polygon.
    const sectors = new Set(
      loadBoundarySets()
        .find((s) => s.kind === 'sector' && s.vintage === 2016)!
        .features.map((f) => f.id),
    );
    for (const info of lookup.values()) expect(sectors.has(info.sector)).toBe(true);
  });
});

describe('loadStations', () => {
  it('keeps the 2019 Metro stop ids and 2018 Metrobús line:name ids the 2025 feed still serves, each within 600 m of its old point', () => {
    const stations = loadStations();
    const byId = new Map(stations.map((s) => [s.id, s]));
    const metroOld = readBundledJson<FeatureCollection<Point, Props>>('stations/metro_stations.geojson.gz').features;
    const mbOld = readBundledJson<FeatureCollection<Point, Props>>('stations/metrobus_stations.geojson.gz').features;
    expect(metroOld).toHaveLength(195);
    const far: string[] = [];
    const missing: string[] = [];
    for (const [key, f] of [
      ...metroOld.map((f) => [`metro:${f.properties.stop_id}`, f] as const),
      ...mbOld.map((f) => [`metrobus:${f.properties.linea}:${f.properties.nombre}`, f] as const),
    ]) {
      const s = byId.get(key);
      if (!s) {
        missing.push(key);
        continue;
      }
      const [lon, lat] = f.geometry.coordinates;
      if (distance([lon, lat], [s.lon, s.lat], { units: 'meters' }) > 600) far.push(`${key} ${s.name}`);
    }
    // Metrobús L4's La Merced and Las Cruces Sur are not served in the 2025 feed; the 2019 file's line-6
    // platform of Instituto del Petróleo (42489) has no line-6 stop of that name in the feed
    expect(missing).toEqual(['metro:42489', 'metrobus:Linea 4:La Merced', 'metrobus:Linea 4:Las Cruces Sur']);
    expect(far).toEqual([]);
    expect(byId.get('metro:14052')).toMatchObject({ name: expect.stringMatching(/^G[oó]mez Far[ií]as$/), line: '1' });
    // one entry per station and line
    expect(new Set(stations.map((s) => `${s.stationId}|${s.line}`)).size).toBe(stations.length);
  });
});
