/**
 * Landmarks, bus-stop corners and avenue references on the real gazetteer. Texts are hand-written; the expected
 * points are computed here from the data files, not by the geocoder: landmark and stop points from SEMOVI's GTFS
 * `stops.txt` (read with csv-parse), corners from INEGI's crash corners (`data/streets/intersections.json.gz`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { distance } from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR } from '../files/index.ts';
import { getGeocoder } from '../geocoder/index.ts';
import { loadIntersections } from '../streets/index.ts';
import { loadLandmarks } from './index.ts';
import { SHARED, sharedDataMissing } from '../../tests/support/shared-data.ts';

const g = getGeocoder();
const STOPS = join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025/stops.txt');
const haveFeed = !sharedDataMissing([SHARED.gtfs]);
const stops = haveFeed
  ? (parse(readFileSync(STOPS, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>)
  : [];
const metres = (r: { lat: number | null; lon: number | null }, p: [number, number]) =>
  distance([r.lon!, r.lat!], [p[1], p[0]], { units: 'meters' });
/** The mean point of the GTFS stops whose name matches. */
function stopsMean(match: RegExp): [number, number] {
  const named = stops.filter((s) => match.test(s.stop_name!));
  expect(named.length).toBeGreaterThan(0);
  return [
    named.reduce((a, s) => a + Number(s.stop_lat), 0) / named.length,
    named.reduce((a, s) => a + Number(s.stop_lon), 0) / named.length,
  ];
}
/** The INEGI corner point of two streets (exact names as INEGI writes them). */
function inegiCorner(a: string, b: string): [number, number] {
  const row = loadIntersections().find(([x, y]) => (x === a && y === b) || (x === b && y === a));
  expect(row).toBeDefined();
  return [row![2], row![3]];
}

describe.skipIf(!haveFeed)('landmarks (hand-written texts; points from GTFS stops.txt)', () => {
  it('every landmark names its sources, and every GTFS source is a stop of the feed', () => {
    const ids = new Set(stops.map((s) => s.stop_id));
    const landmarks = loadLandmarks();
    expect(landmarks.length).toBeGreaterThan(100);
    for (const l of landmarks) {
      expect(l.sources.length).toBeGreaterThan(0);
      for (const s of l.sources.filter((x) => x.startsWith('gtfs:'))) expect(ids.has(s.slice(5))).toBe(true);
    }
  });

  it.each([
    ['Me asaltaron afuera del Hospital La Raza', /^Hospital La Raza$/],
    ['me asaltaron afuera del hospital la raza', /^Hospital La Raza$/],
    ['Robo de celular en el estadio azteca saliendo del partido', /^Estadio Azteca( - .*)?$/],
    ['Asalto frente al Mercado de Sonora', /^Mercado de Sonora( - .*)?$/],
    ['Me robaron la cartera en Perisur', /^Perisur( - .*)?$/],
  ])('%s → the landmark at its stops', (text, stopName) => {
    const r = g.geocodeText(text);
    expect(r).toMatchObject({ status: 'ok', precision: 'landmark' });
    expect(metres(r, stopsMean(stopName))).toBeLessThan(600);
  });

  it('a landmark name outside the stated alcaldía is not placed there', () => {
    const r = g.geocodeText('Asalto frente al Mercado de Sonora, alcaldía Tlalpan');
    expect(r.precision).not.toBe('landmark');
  });
});

describe.skipIf(!haveFeed)('bus stops named by their corner', () => {
  it('"Periférico esquina con Luis Cabrera" is the stop "Periférico - Luis Cabrera" (no INEGI corner names it)', () => {
    expect(loadIntersections().some(([a, b]) => /LUIS CABRERA/.test(a + b) && /PERIF/.test(a + b))).toBe(false);
    const r = g.geocodeText('Asaltaron a una señora en Periférico esquina con Luis Cabrera');
    expect(r).toMatchObject({ status: 'ok', precision: 'stop' });
    expect(metres(r, stopsMean(/^Periférico - Luis Cabrera$/))).toBeLessThan(50);
  });
});

describe('avenues with a reference point (hand-written texts; corners from INEGI)', () => {
  it('"Periférico a la altura de Av. Toluca" is the corner of the two', () => {
    const r = g.geocodeText('Choque en Periférico a la altura de Av. Toluca');
    expect(r).toMatchObject({ status: 'ok', precision: 'intersection', alcaldia_id: '09010' });
    expect(metres(r, inegiCorner('AVENIDA TOLUCA', 'PERIFÉRICO BOULEVARD ADOLFO LÓPEZ MATEOS'))).toBeLessThan(100);
  });

  it('"sobre tlalpan a la altura de victor hugo" (lower case) is the corner', () => {
    const r = g.geocodeText('asalto sobre tlalpan a la altura de victor hugo');
    expect(r).toMatchObject({ status: 'ok', precision: 'intersection' });
    expect(metres(r, inegiCorner('CALZADA DE TLALPAN', 'VÍCTOR HUGO'))).toBeLessThan(100);
  });

  it('"Calzada de Tlalpan entre Pirineos y Víctor Hugo" is halfway between the two corners', () => {
    const a = inegiCorner('CALZADA DE TLALPAN', 'PIRINEOS');
    const b = inegiCorner('CALZADA DE TLALPAN', 'VÍCTOR HUGO');
    const r = g.geocodeText('Choque en Calzada de Tlalpan entre Pirineos y Víctor Hugo');
    expect(r).toMatchObject({ status: 'ok', precision: 'street', alcaldia_id: '09014' });
    expect(metres(r, [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2])).toBeLessThan(100);
  });

  it.skipIf(!haveFeed)('"sobre Tlalpan a la altura del metro Portales" is the station', () => {
    const r = g.geocodeText('Robo sobre Tlalpan a la altura del metro Portales');
    expect(r).toMatchObject({ status: 'ok', precision: 'station' });
    expect(metres(r, stopsMean(/^Portales$/))).toBeLessThan(300);
  });

  it.each([
    'Asaltaron a un repartidor en avenida Insurgentes',
    'Robo sobre Calzada de Tlalpan',
    'choque en periferico',
  ])('a street alone gets no point along it: %s', (text) => {
    const r = g.geocodeText(text);
    expect(['intersection', 'street', 'stop', 'landmark', 'station']).not.toContain(r.precision);
    expect(r.lat === null || r.precision === 'alcaldia' || r.precision === 'colonia').toBe(true);
  });
});
