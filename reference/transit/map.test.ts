/**
 * The transit map layer against SEMOVI's GTFS feed itself (`../shared/data/transit/semovi_gtfs_2025`), read here
 * with csv-parse, independently of the bundled extract: one line per Metro, Metrobús, Cablebús, Trolebús and
 * Tren Ligero route with its routes.txt colour, and each line starting and ending at its longest trip's end stops.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA_DIR } from '../files/index.ts';
import { loadTransit } from './index.ts';
import { transitMapFeatures, type TransitLineProperties, type TransitStationProperties } from './map.ts';
import { SHARED, sharedDataMissing } from '../../tests/support/shared-data.ts';

const FEED = join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025');
/** the GTFS feed is not in the repository (only its extract is) */
const noFeed = sharedDataMissing([SHARED.gtfs]);
type Row = Record<string, string>;
const csv = (file: string) => parse(readFileSync(join(FEED, file), 'utf8'), { columns: true, bom: true }) as Row[];
/** Agencies of the five drawn systems; "SL…" routes are Metrobús support services, not lines. */
const AGENCIES = new Set(['METRO', 'MB', 'CBB', 'TROLE', 'TL']);

/** Haversine distance in metres (written here, not imported from the extract script). */
function metres([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe.skipIf(noFeed)('transitMapFeatures', () => {
  const fc = transitMapFeatures(loadTransit());
  const lines = fc.features.filter((f) => f.properties?.kind === 'line') as GeoJSON.Feature<
    GeoJSON.LineString,
    TransitLineProperties
  >[];
  const stations = fc.features.filter((f) => f.properties?.kind === 'station') as GeoJSON.Feature<
    GeoJSON.Point,
    TransitStationProperties
  >[];
  const routes = (noFeed ? [] : csv('routes.txt')).filter(
    (r) => AGENCIES.has(r.agency_id!) && !r.route_short_name!.startsWith('SL'),
  );

  it('has one line per route of the five systems, in its routes.txt colour', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(lines).toHaveLength(routes.length);
    const colours = (list: string[]) => list.map((c) => c.toUpperCase()).sort();
    expect(colours(lines.map((l) => l.properties.color))).toEqual(colours(routes.map((r) => `#${r.route_color}`)));
    expect(new Set(lines.map((l) => l.properties.system))).toEqual(
      new Set(['metro', 'metrobus', 'cablebus', 'trolebus', 'tren_ligero']),
    );
  });

  it('draws Metro line 1 from one end stop of its longest trip to the other', () => {
    const route = routes.find((r) => r.agency_id === 'METRO' && r.route_short_name === '1')!;
    const tripIds = new Set(
      csv('trips.txt')
        .filter((t) => t.route_id === route.route_id)
        .map((t) => t.trip_id),
    );
    const byTrip = new Map<string, Row[]>();
    for (const st of csv('stop_times.txt'))
      if (tripIds.has(st.trip_id)) byTrip.set(st.trip_id!, [...(byTrip.get(st.trip_id!) ?? []), st]);
    const longest = [...byTrip.values()]
      .sort((a, b) => b.length - a.length)[0]!
      .sort((a, b) => Number(a.stop_sequence) - Number(b.stop_sequence));
    const stops = new Map(csv('stops.txt').map((s) => [s.stop_id, [Number(s.stop_lon), Number(s.stop_lat)]]));
    const ends = [stops.get(longest[0]!.stop_id)!, stops.get(longest[longest.length - 1]!.stop_id)!];
    const drawn = lines.find((l) => l.properties.system === 'metro' && l.properties.line === '1')!;
    const coords = drawn.geometry.coordinates;
    expect(coords.length).toBe(longest.length); // one vertex per station of the trip (20 on line 1)
    // platforms of one station are grouped at their mean point: within a few hundred metres of the stop
    expect(metres(coords[0]!, ends[0]!)).toBeLessThan(400);
    expect(metres(coords[coords.length - 1]!, ends[1]!)).toBeLessThan(400);
  });

  it('names every station and gives it the colour of one of its lines', () => {
    expect(stations.length).toBeGreaterThan(900);
    const hidalgo = stations.find((s) => s.properties.system === 'metro' && s.properties.name === 'Hidalgo')!;
    expect(hidalgo.properties.lines).toEqual(['2', '3']);
    const lineColours = new Set(lines.map((l) => l.properties.color));
    for (const s of stations) expect(lineColours.has(s.properties.color), s.properties.id).toBe(true);
  });
});
