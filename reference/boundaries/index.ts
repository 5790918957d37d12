/**
 * Loads the bundled boundary, station and lookup files (`data/`) into the plain structures that
 * `geo/` works on. All reading happens here, once per process (module-scope caches).
 *
 * Population rules: colonias `poblacion`; cuadrantes and sectores 2023 `poblacion`;
 * cuadrantes 2016 the `population` column of `crime/ssc_cuadrantes_monthly_2013_2016.csv.gz`;
 * sectores 2016 the sum of their cuadrantes; alcaldías the sum of their colonias; 0 or unknown → null.
 */
import { parse } from 'csv-parse/sync';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { AreaFeature, AreaKind, BoundarySet, Vintage } from '../../geo/areas/index.ts';
import { readBundled, readBundledJson } from '../files/index.ts';
import { loadTransit, onTransitReload, type TransitSystem } from '../transit/index.ts';

export type { AreaFeature, AreaKind, BoundarySet, Vintage } from '../../geo/areas/index.ts';

export interface Station {
  system: TransitSystem;
  /**
   * The resolved id of this station on this line: `metro:<stop_id>` / `metrobus:<linea>:<nombre>` where the
   * 2019/2018 files had the station, else the transit extract's `<system>:<slug>`.
   */
  id: string;
  /** The physical station (all its lines): `reference/transit` id. */
  stationId: string;
  name: string;
  /** As riders name it: Metro "1"…"9", "12", "A", "B"; Metrobús "1"…"7"; Trolebús, Cablebús… the GTFS short name. */
  line: string;
  lat: number;
  lon: number;
}

export interface Cuadrante2016Info {
  sector: string;
  /** INEGI cvegeo, zero-padded to 5 digits ("09015"). */
  alcaldiaId: string;
}

type Props = Record<string, unknown>;
type AreaGeoJson = FeatureCollection<Polygon | MultiPolygon, Props>;

/** A positive, finite population, else null (0 and unknown give no rate). */
export function populationOrNull(value: unknown): number | null {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** Sum of the known populations; null when none is known or the sum is 0. */
function sumPopulations(values: Iterable<number | null>): number | null {
  let sum = 0;
  for (const v of values) if (v !== null) sum += v;
  return sum > 0 ? sum : null;
}

function readAreas(file: string): AreaGeoJson {
  const fc = readBundledJson<AreaGeoJson>(`boundaries/${file}`);
  if (fc?.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    throw new Error(`data/boundaries/${file}: not a GeoJSON FeatureCollection`);
  }
  return fc;
}

function str(props: Props, key: string, file: string): string {
  const v = props[key];
  if (typeof v !== 'string' || v.trim() === '') throw new Error(`data/boundaries/${file}: feature without "${key}"`);
  return v.trim();
}

/**
 * Turns GeoJSON features into AreaFeatures. Duplicate ids (none in the bundled data, checked by the
 * tests) keep the first feature and merge later parts into a MultiPolygon, so no polygon is lost.
 */
function toSet(
  kind: AreaKind,
  vintage: Vintage | null,
  file: string,
  map: (props: Props) => Omit<AreaFeature, 'geometry'>,
): BoundarySet {
  const byId = new Map<string, AreaFeature>();
  for (const f of readAreas(file).features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon'))
      throw new Error(`data/boundaries/${file}: non-polygon feature`);
    const area: AreaFeature = { ...map(f.properties ?? {}), geometry: g };
    const prior = byId.get(area.id);
    if (!prior) {
      byId.set(area.id, area);
      continue;
    }
    const parts = (x: Polygon | MultiPolygon) => (x.type === 'Polygon' ? [x.coordinates] : x.coordinates);
    prior.geometry = { type: 'MultiPolygon', coordinates: [...parts(prior.geometry), ...parts(g)] };
  }
  return { kind, vintage, features: [...byId.values()] };
}

function csvRows(relPath: string): Record<string, string>[] {
  return parse(readBundled(relPath), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

let cuadrante2016Lookup: Map<string, Cuadrante2016Info> | undefined;

/** `lookups/cuadrantes_sectores_2016.csv.gz`: 2016 cuadrante → its sector and alcaldía (cvegeo "09015"). */
export function loadCuadrante2016Lookup(): Map<string, Cuadrante2016Info> {
  if (cuadrante2016Lookup) return cuadrante2016Lookup;
  const map = new Map<string, Cuadrante2016Info>();
  for (const row of csvRows('lookups/cuadrantes_sectores_2016.csv.gz')) {
    const cuadrante = row.cuadrante?.trim();
    const cvegeo = row.cvegeo?.trim();
    if (!cuadrante || !/^\d{4,5}$/.test(cvegeo ?? ''))
      throw new Error(`lookups/cuadrantes_sectores_2016.csv: bad row ${JSON.stringify(row)}`);
    map.set(cuadrante, { sector: row.sector.trim(), alcaldiaId: cvegeo.padStart(5, '0') });
  }
  return (cuadrante2016Lookup = map);
}

let cuadrante2016Population: Map<string, number | null> | undefined;

/**
 * 2016 cuadrante → population, from the SSC monthly panel, where the value repeats on every one of a
 * cuadrante's 703 rows (37 months × 19 crimes; the tests check that it never varies). The file is 596k
 * rows, so rather than parse them all we keep the header and the first line of each cuadrante (lines are
 * keyed by their first field; the file has no quoted newlines) and hand those ~850 lines to csv-parse.
 */
export function loadCuadrante2016Population(): Map<string, number | null> {
  if (cuadrante2016Population) return cuadrante2016Population;
  const text = readBundled('crime/ssc_cuadrantes_monthly_2013_2016.csv.gz');
  const kept: string[] = [];
  const seen = new Set<string>();
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const key = text.slice(start, text.indexOf(',', start));
    if (kept.length === 0 || !seen.has(key)) {
      seen.add(key);
      kept.push(text.slice(start, end));
    }
    start = end + 1;
  }
  const rows = parse(kept.join('\n'), { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  if (rows.length === 0 || !('population' in rows[0]) || !('cuadrante' in rows[0])) {
    throw new Error('crime/ssc_cuadrantes_monthly_2013_2016.csv: no cuadrante/population columns');
  }
  const map = new Map<string, number | null>();
  for (const r of rows) if (!map.has(r.cuadrante)) map.set(r.cuadrante, populationOrNull(r.population));
  return (cuadrante2016Population = map);
}

let boundarySets: BoundarySet[] | undefined;

/** All boundary sets: alcaldía and colonia (vintage-less), cuadrante and sector for 2016 and 2023. */
export function loadBoundarySets(): BoundarySet[] {
  if (boundarySets) return boundarySets;

  const colonia = toSet('colonia', null, 'colonias.geojson.gz', (p) => ({
    id: str(p, 'cve_col', 'colonias'),
    name: str(p, 'colonia', 'colonias'),
    alcaldiaId: str(p, 'cvegeo_alc', 'colonias'),
    population: populationOrNull(p.poblacion),
  }));

  const colonias = colonia.features;
  const alcaldia = toSet('alcaldia', null, 'alcaldias.geojson.gz', (p) => {
    const id = str(p, 'cvegeo', 'alcaldias');
    return {
      id,
      name: str(p, 'nomgeo', 'alcaldias'),
      alcaldiaId: id,
      population: sumPopulations(colonias.filter((c) => c.alcaldiaId === id).map((c) => c.population)),
    };
  });

  const cuadrante2023 = toSet('cuadrante', 2023, 'cuadrantes.geojson.gz', (p) => {
    const id = str(p, 'cuadrante', 'cuadrantes');
    return {
      id,
      name: id,
      alcaldiaId: str(p, 'cvegeo_alc', 'cuadrantes'),
      population: populationOrNull(p.poblacion),
      sectorId: str(p, 'sector', 'cuadrantes'),
    };
  });
  const sector2023 = toSet('sector', 2023, 'sectores.geojson.gz', (p) => {
    const id = str(p, 'sector', 'sectores');
    return { id, name: id, alcaldiaId: str(p, 'cvegeo_alc', 'sectores'), population: populationOrNull(p.poblacion) };
  });

  const population2016 = loadCuadrante2016Population();
  const lookup2016 = loadCuadrante2016Lookup();
  const cuadrante2016 = toSet('cuadrante', 2016, 'cuadrantes_2016.geojson.gz', (p) => {
    const id = str(p, 'cuadrante', 'cuadrantes_2016');
    return {
      id,
      name: id,
      alcaldiaId: str(p, 'cvegeo_alc', 'cuadrantes_2016'),
      population: population2016.get(id) ?? null,
      // The SSC lookup is the reference for 2016 sectors; the polygon's own property agrees for all 847.
      sectorId: lookup2016.get(id)?.sector ?? str(p, 'sector', 'cuadrantes_2016'),
    };
  });
  const sector2016 = toSet('sector', 2016, 'sectores_2016.geojson.gz', (p) => {
    const id = str(p, 'sector', 'sectores_2016');
    return {
      id,
      name: id,
      alcaldiaId: str(p, 'cvegeo_alc', 'sectores_2016'),
      population: sumPopulations(cuadrante2016.features.filter((c) => c.sectorId === id).map((c) => c.population)),
    };
  });

  return (boundarySets = [alcaldia, colonia, cuadrante2016, sector2016, cuadrante2023, sector2023]);
}

let stations: Station[] | undefined;
onTransitReload(() => (stations = undefined));

/**
 * Every rail and BRT station of SEMOVI's GTFS (`reference/transit`), one entry per station and line (so a
 * transfer station appears once per line, as the 2019 Metro file had it). The id is the one the 2019 Metro /
 * 2018 Metrobús files gave that station and line when there was one, so resolved ids already stored stay valid.
 */
export function loadStations(): Station[] {
  if (stations) return stations;
  const out: Station[] = [];
  for (const s of loadTransit().stations) {
    for (const line of s.lines) {
      const legacy = s.legacyIds.find(([l]) => l === line)?.[1];
      out.push({ system: s.system, id: legacy ?? s.id, stationId: s.id, name: s.name, line, lat: s.lat, lon: s.lon });
    }
  }
  return (stations = out);
}
