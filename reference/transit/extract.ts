/**
 * Builds `data/transit/stations.json.gz` from SEMOVI's GTFS feed (`../shared/data/transit/semovi_gtfs_2025/`):
 * `npx tsx reference/transit/extract.ts`. The bundled extract is what the project reads, unless the open-data
 * sync (`etl/sync/gtfs.ts`) built a newer one from a newer feed with `buildTransitExtract`.
 *
 * - Rail and BRT platforms (Metro, Metrobús, Trolebús, Cablebús, Tren Ligero, Suburbano, Tren El Insurgente) are
 *   grouped into physical stations: same system, same folded name, within `STATION_RADIUS_M` of the group's first
 *   platform (Metro stops are per platform: transfer stations appear once per line).
 * - Each line keeps its stations in the order of its longest trip (GTFS has no shapes.txt; a line is drawn
 *   through its stops) and its GTFS colour.
 * - Bus stops (RTP, corredores concesionados, Pumabús) are kept as plain points.
 * - Every station carries the ids of the 2019/2018 station files (`data/stations/`) it replaces, so that
 *   resolved ids already stored (`metro:<stop_id>`, `metrobus:<linea>:<nombre>`) stay valid.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { collapseSpaces, fold, slug } from '../../geo/text/index.ts';
import { BUNDLED_DATA_DIR, SHARED_DATA_DIR, readBundledJson } from '../files/index.ts';
import type { TransitExtract, TransitStation, TransitSystem } from './index.ts';

const FEED_DIR = join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025');
/** Platforms of one physical station: Pantitlán's four lines span ~450 m. */
const STATION_RADIUS_M = 700;
/** A 2019/2018 station file point and a GTFS station of the same name are the same station within this distance. */
const LEGACY_RADIUS_M = 800;
/** Without a name match, an old point is the nearest station of its system within this distance. */
const NEAREST_RADIUS_M = 350;

const SYSTEM_OF_AGENCY: Record<string, TransitSystem> = {
  METRO: 'metro',
  MB: 'metrobus',
  TROLE: 'trolebus',
  CBB: 'cablebus',
  TL: 'tren_ligero',
  SUB: 'suburbano',
  INTERURBANO: 'interurbano',
  RTP: 'rtp',
  CC: 'corredor',
  PUMABUS: 'pumabus',
};
const BUS_SYSTEMS = new Set<TransitSystem>(['rtp', 'corredor', 'pumabus']);

export type GtfsRow = Record<string, string>;
type Row = GtfsRow;
/** A GTFS table's rows, by column name (csv-parse: quoted fields, a leading BOM). */
export const parseGtfsTable = (text: string): Row[] =>
  parse(text, { columns: true, skip_empty_lines: true, bom: true }) as Row[];
/** The GTFS tables the extract reads, and the columns it needs of each. */
export const GTFS_TABLES = {
  'routes.txt': ['route_id', 'agency_id', 'route_short_name', 'route_long_name'],
  'trips.txt': ['trip_id', 'route_id'],
  'stops.txt': ['stop_id', 'stop_name', 'stop_lat', 'stop_lon'],
  'stop_times.txt': ['trip_id', 'stop_id', 'stop_sequence'],
} as const;

/** Great-circle distance in metres (haversine, mean Earth radius 6,371 km). */
export function distanceM(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLon = (bLon - aLon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** Line name as riders say it: Metro "L12" → "12"; other systems keep the GTFS short name. */
function lineName(system: TransitSystem, shortName: string): string {
  return system === 'metro' ? shortName.replace(/^L/, '') : shortName;
}

/** Name comparison key: folded, words only, articles kept (they are part of the name). */
const nameKey = (name: string) =>
  fold(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The transit extract of a GTFS feed whose tables `readCsv` gives; `source` says which feed it is. */
export function buildTransitExtract(
  readCsv: (file: keyof typeof GTFS_TABLES) => Row[],
  source: string,
): TransitExtract {
  const routes = new Map(readCsv('routes.txt').map((r) => [r.route_id!, r]));
  const trips = new Map(readCsv('trips.txt').map((t) => [t.trip_id!, t]));
  const stops = new Map(readCsv('stops.txt').map((s) => [s.stop_id!, s]));
  const stopTimes = readCsv('stop_times.txt');

  // Stops per trip in sequence, and the routes each stop serves.
  const tripStops = new Map<string, Array<[number, string]>>();
  const stopRoutes = new Map<string, Set<string>>();
  for (const st of stopTimes) {
    const trip = trips.get(st.trip_id!)!;
    if (!tripStops.has(st.trip_id!)) tripStops.set(st.trip_id!, []);
    tripStops.get(st.trip_id!)!.push([Number(st.stop_sequence), st.stop_id!]);
    if (!stopRoutes.has(st.stop_id!)) stopRoutes.set(st.stop_id!, new Set());
    stopRoutes.get(st.stop_id!)!.add(trip.route_id!);
  }

  const stations: TransitStation[] = [];
  const stationOfStop = new Map<string, TransitStation>();
  const busStops: TransitExtract['busStops'] = [];
  for (const [stopId, routeIds] of [...stopRoutes].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const stop = stops.get(stopId)!;
    const name = collapseSpaces(stop.stop_name!);
    const lat = Number(stop.stop_lat);
    const lon = Number(stop.stop_lon);
    for (const routeId of routeIds) {
      const route = routes.get(routeId)!;
      const system = SYSTEM_OF_AGENCY[route.agency_id!];
      if (!system) continue; // an agency a newer feed adds: not a system the map knows
      if (BUS_SYSTEMS.has(system)) {
        if (!busStops.some(([n, la, lo, sy]) => n === name && la === lat && lo === lon && sy === system))
          busStops.push([name, lat, lon, system]);
        continue;
      }
      // Metrobús "SL01" is a support service over line 1's stations, not a line.
      if (/^SL/.test(route.route_short_name!)) continue;
      const line = lineName(system, route.route_short_name!);
      const key = nameKey(name);
      let station = stations.find(
        (s) => s.system === system && nameKey(s.name) === key && distanceM(s.lat, s.lon, lat, lon) <= STATION_RADIUS_M,
      );
      if (!station) {
        station = { id: '', system, name, lines: [], lat, lon, stopIds: [], legacyIds: [] };
        stations.push(station);
      }
      if (!station.lines.includes(line)) station.lines.push(line);
      if (!station.stopIds.includes(stopId)) station.stopIds.push(stopId);
      stationOfStop.set(`${routeId}|${stopId}`, station);
    }
  }
  // A station sits at the mean of its platforms; ids are the system and the name's slug, numbered when repeated.
  const seenIds = new Map<string, number>();
  for (const s of stations) {
    const pts = s.stopIds.map((id) => stops.get(id)!);
    s.lat = Math.round((pts.reduce((a, p) => a + Number(p.stop_lat), 0) / pts.length) * 1e6) / 1e6;
    s.lon = Math.round((pts.reduce((a, p) => a + Number(p.stop_lon), 0) / pts.length) * 1e6) / 1e6;
    s.lines.sort((a, b) => a.localeCompare(b, 'es', { numeric: true }));
    const base = `${s.system}:${slug(s.name)}`;
    const n = (seenIds.get(base) ?? 0) + 1;
    seenIds.set(base, n);
    s.id = n === 1 ? base : `${base}-${n}`;
  }

  // Lines: the longest trip of each route gives the order of its stations.
  const lines: TransitExtract['lines'] = [];
  for (const route of routes.values()) {
    const system = SYSTEM_OF_AGENCY[route.agency_id!];
    if (!system || BUS_SYSTEMS.has(system) || /^SL/.test(route.route_short_name!)) continue;
    let longest: Array<[number, string]> = [];
    for (const [tripId, seq] of tripStops)
      if (trips.get(tripId)!.route_id === route.route_id && seq.length > longest.length) longest = seq;
    const ids: string[] = [];
    for (const [, stopId] of [...longest].sort((a, b) => a[0] - b[0])) {
      const id = stationOfStop.get(`${route.route_id}|${stopId}`)?.id;
      if (id && ids[ids.length - 1] !== id) ids.push(id);
    }
    lines.push({
      system,
      line: lineName(system, route.route_short_name!),
      name: collapseSpaces(route.route_long_name!),
      color: route.route_color ? `#${route.route_color}` : null,
      stations: ids,
    });
  }

  // The 2019 Metro and 2018 Metrobús files: their ids live on in stored results.
  type LegacyProps = { nombre: string; linea: string; stop_id?: number };
  const legacy = (file: string) =>
    readBundledJson<{ features: Array<{ properties: LegacyProps; geometry: { coordinates: [number, number] } }> }>(
      `stations/${file}`,
    ).features;
  const attach = (system: TransitSystem, line: string, id: string, name: string, lat: number, lon: number) => {
    const key = nameKey(name).replace(/^(la|el|los|las) /, '');
    const near = stations
      .filter(
        (s) =>
          s.system === system &&
          nameKey(s.name)
            .replace(/^(la|el|los|las) /, '')
            .replace(/^(blvd|boulevard) /, '') === key.replace(/^(blvd|boulevard) /, ''),
      )
      .map((s) => ({ s, d: distanceM(s.lat, s.lon, lat, lon) }))
      .filter((x) => x.d <= LEGACY_RADIUS_M)
      .sort((a, b) => a.d - b.d)[0];
    // Names in the old files carry junk ("Buenavista. Linea 1.", "Ferreria"): else the nearest station of the system.
    const hit =
      near?.s ??
      stations
        .filter((s) => s.system === system)
        .map((s) => ({ s, d: distanceM(s.lat, s.lon, lat, lon) }))
        .filter((x) => x.d <= NEAREST_RADIUS_M)
        .sort((a, b) => a.d - b.d)[0]?.s;
    if (hit && !hit.legacyIds.some(([, known]) => known === id)) hit.legacyIds.push([line, id]);
  };
  for (const f of legacy('metro_stations.geojson.gz'))
    attach(
      'metro',
      String(f.properties.linea).trim(),
      `metro:${f.properties.stop_id}`,
      f.properties.nombre,
      f.geometry.coordinates[1],
      f.geometry.coordinates[0],
    );
  for (const f of legacy('metrobus_stations.geojson.gz')) {
    const name = String(f.properties.nombre).trim();
    attach(
      'metrobus',
      String(f.properties.linea)
        .trim()
        .replace(/^Linea\s*/i, ''),
      `metrobus:${String(f.properties.linea).trim()}:${name}`,
      name,
      f.geometry.coordinates[1],
      f.geometry.coordinates[0],
    );
  }

  return { source, stations, lines, busStops };
}

function main(): void {
  const readCsv = (file: string): Row[] => parseGtfsTable(readFileSync(join(FEED_DIR, file), 'utf8'));
  const extract = buildTransitExtract(
    readCsv,
    'SEMOVI, Gobierno de la Ciudad de México: GTFS multimodal (datos.cdmx.gob.mx), copy in CarlosGiles/gtfs-cdmx b1e4520, calendar 2024-12-01 … 2025-12-31',
  );
  const { stations, lines, busStops } = extract;
  writeFileSync(join(BUNDLED_DATA_DIR, 'transit/stations.json.gz'), gzipSync(JSON.stringify(extract), { level: 9 }));
  const bySystem = new Map<string, number>();
  for (const s of stations) bySystem.set(s.system, (bySystem.get(s.system) ?? 0) + 1);
  console.log(
    JSON.stringify({
      stations: stations.length,
      bySystem: Object.fromEntries(bySystem),
      lines: lines.length,
      busStops: busStops.length,
      withLegacyIds: stations.filter((s) => s.legacyIds.length).length,
    }),
  );
}

// run as a script only (the sync imports the builder)
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
