/**
 * Place names written the way people write them, on the real gazetteer. Texts are hand-written; the
 * expected places come from the data: station points from SEMOVI's GTFS `stops.txt` (read here with
 * csv-parse, not through the gazetteer), colonias from the IECM names, inside/outside from the alcaldía
 * polygons with turf (an independent point-in-polygon).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { booleanPointInPolygon, distance } from '@turf/turf';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { SHARED_DATA_DIR } from '../files/index.ts';
import { loadBoundarySets } from '../boundaries/index.ts';
import { getGeocoder } from './index.ts';
import { SHARED, sharedDataMissing } from '../../tests/support/shared-data.ts';

const g = getGeocoder();
const STOPS = join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025/stops.txt');
const haveFeed = !sharedDataMissing([SHARED.gtfs]);
const stops = haveFeed
  ? (parse(readFileSync(STOPS, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>)
  : [];
/** Metres from the result to the nearest GTFS stop named exactly `name`. */
function metresToStop(r: { lat: number | null; lon: number | null }, name: string): number {
  const named = stops.filter((s) => s.stop_name!.trim() === name);
  expect(named.length).toBeGreaterThan(0);
  return Math.min(
    ...named.map((s) => distance([r.lon!, r.lat!], [Number(s.stop_lon), Number(s.stop_lat)], { units: 'meters' })),
  );
}
const alcaldias = loadBoundarySets().find((s) => s.kind === 'alcaldia')!.features;
const inCity = (lon: number, lat: number) => alcaldias.some((f) => booleanPointInPolygon([lon, lat], f.geometry));

describe.skipIf(!haveFeed)('stations as riders write them (hand-written texts; points from GTFS stops.txt)', () => {
  it.each([
    ['Me robaron el celular en el metro chabacano', 'Chabacano'],
    ['Me robaron el celular en el Metro Chabacano', 'Chabacano'],
    ['Asalto en Metro Raza, ya no se puede viajar', 'La Raza'],
    ['Me asaltaron en el Mb Nuevo León', 'Nuevo León'],
    ['me robaron en el MB nuevo leon', 'Nuevo León'],
    ['Acoso en el metro garibaldy anoche', 'Garibaldi y Lagunilla'],
    ['Robo en el metro rosario', 'El Rosario'],
    ['Pelea en la estación pino suarez', 'Pino Suárez'],
    ['Robo en Metro Hidalgo en el transbordo a la línea verde', 'Hidalgo'],
  ])('%s → the station %s', (text, stopName) => {
    const r = g.geocodeText(text);
    expect(r).toMatchObject({ status: 'ok', precision: 'station' });
    expect(metresToStop(r, stopName)).toBeLessThan(700);
  });

  it('a lower-case mention resolves exactly as its capitalised form after a trigger word', () => {
    const pairs = [
      ['metro chabacano', 'Metro Chabacano'],
      ['colonia narvarte', 'colonia Narvarte'],
      ['col doctores', 'Col. Doctores'],
    ];
    for (const [lower, upper] of pairs) {
      const a = g.geocodeText(`Robo en ${lower}`);
      const b = g.geocodeText(`Robo en ${upper}`);
      expect([a.status, a.lat, a.lon, a.colonia_id]).toEqual([b.status, b.lat, b.lon, b.colonia_id]);
      expect(a.status).toBe('ok');
    }
  });

  it('never places the event at the terminal named after "rumbo a" / "dirección" / "hacia"', () => {
    for (const text of [
      'Me robaron en el vagón rumbo a Universidad',
      'en el metro dirección Indios Verdes me quitaron la cartera',
      'Asalto en el tren hacia Cuatro Caminos',
    ]) {
      const r = g.geocodeText(text);
      expect(r.status).not.toBe('ok');
      expect(r.status).not.toBe('outside_cdmx');
    }
    // The station of the event is still taken when the direction follows it.
    const r = g.geocodeText('Robo en Metro Tacubaya dirección Observatorio');
    expect(r.status).toBe('ok');
    expect(metresToStop(r, 'Tacubaya')).toBeLessThan(700);
  });

  it('"verde" picks the green line the named station has (Hidalgo: lines 2 and 3 → 3)', () => {
    const r = g.geocodeText('Detenido en la estación Hidalgo de la línea verde');
    expect(r.precision).toBe('station');
    expect(r.mentions[0]!.resolved_id).toBe('metro:14168'); // line 3's Hidalgo in the 2019 Metro file
  });

  it('stations outside the city answer outside_cdmx, decided by the alcaldía polygons', () => {
    for (const [text, stopName] of [
      ['Asalto en el Metro Cuatro Caminos', 'Cuatro Caminos'],
      ['Robo en metro ciudad azteca', 'Ciudad Azteca'],
    ] as const) {
      const stop = stops.find((s) => s.stop_name === stopName)!;
      expect(inCity(Number(stop.stop_lon), Number(stop.stop_lat))).toBe(false);
      expect(g.geocodeText(text).status).toBe('outside_cdmx');
    }
    const iv = stops.find((s) => s.stop_name === 'Indios Verdes')!;
    expect(inCity(Number(iv.stop_lon), Number(iv.stop_lat))).toBe(true);
    const r = g.geocodeText('Robo en el metro indios verdes');
    expect(r.status).toBe('ok');
    expect(inCity(r.lon!, r.lat!)).toBe(true);
  });
});

describe('colonias and corners as people write them (hand-written texts; names from IECM)', () => {
  it.each([
    ['Robaron un auto en la colonia narvarte', /^NARVARTE /],
    ['Asalto en la colonia Narvarte Poniente', /^NARVARTE /],
    ['asalto en la col doctores', /^DOCTORES /],
    ['Asalto en Col. Doctores', /^DOCTORES /],
  ])('%s → %s', (text, colonia) => {
    const r = g.geocodeText(text);
    expect(r.status).toBe('ok');
    expect(r.colonia).toMatch(colonia);
  });

  it('"Insurgentes Sur y Río Mixcoac, Benito Juárez" is a corner in Benito Juárez, never a Tlalpan colonia', () => {
    const r = g.geocodeText('Robaron un auto en Insurgentes Sur y Río Mixcoac, Benito Juárez');
    expect(r.alcaldia_id).not.toBe('09012');
    if (r.status === 'ok') expect(r.alcaldia_id).toBe('09014');
    if (r.lat !== null) {
      const bj = alcaldias.find((f) => f.id === '09014')!;
      expect(booleanPointInPolygon([r.lon!, r.lat], bj.geometry)).toBe(true);
    }
  });
});

const ATUS = join(SHARED_DATA_DIR, 'streets/inegi_atus_cdmx_2022_2023.csv');
const haveAtus = !sharedDataMissing([SHARED.streets]);
describe.skipIf(!haveAtus)('street corners (hand-written texts; points from the INEGI ATUS rows read here)', () => {
  const rows = haveAtus
    ? (parse(readFileSync(ATUS, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>)
    : [];
  /** Metres from the result to the nearest ATUS row whose two streets contain these words. */
  const metresToCorner = (r: { lat: number | null; lon: number | null }, a: RegExp, b: RegExp) => {
    const hits = rows.filter(
      (x) => (a.test(x.calle1!) && b.test(x.calle2!)) || (a.test(x.calle2!) && b.test(x.calle1!)),
    );
    expect(hits.length).toBeGreaterThan(0);
    return Math.min(
      ...hits.map((x) => distance([r.lon!, r.lat!], [Number(x.longitud), Number(x.latitud)], { units: 'meters' })),
    );
  };
  it.each([
    ['Robaron un auto en Insurgentes Sur y Río Mixcoac, Benito Juárez', /INSURGENTES SUR/, /MIXCOAC/],
    ['Choque en Avenida Insurgentes Sur esquina con Río Mixcoac', /INSURGENTES SUR/, /MIXCOAC/],
    ['Asalto en las calles Aquiles Serdán y Puente de Guerra', /AQUILES SERD/, /PUENTE DE GUERRA/],
  ])('%s → the corner', (text, a, b) => {
    const r = g.geocodeText(text);
    expect(r).toMatchObject({ status: 'ok', precision: 'intersection' });
    expect(metresToCorner(r, a, b)).toBeLessThan(300);
  });

  it('a corner outside the stated alcaldía is never taken', () => {
    const r = g.geocodeText('Choque en Insurgentes Sur y Río Mixcoac, alcaldía Tlalpan');
    expect(r.precision).not.toBe('intersection');
  });

  it('a street alone never becomes a confident point', () => {
    const r = g.geocodeText('Asalto sobre avenida Insurgentes Sur');
    expect(r.precision === 'intersection' || r.precision === 'street').toBe(false);
  });
  /** Metres from the result to the nearest ATUS row naming a street that matches `street` (either column). */
  const metresToStreet = (r: { lat: number | null; lon: number | null }, street: RegExp) => {
    const hits = rows.filter((x) => street.test(x.calle1!) || street.test(x.calle2!));
    expect(hits.length).toBeGreaterThan(0);
    return Math.min(
      ...hits.map((x) => distance([r.lon!, r.lat!], [Number(x.longitud), Number(x.latitud)], { units: 'meters' })),
    );
  };
  const alcaldiaOf = (r: { lat: number | null; lon: number | null }) =>
    alcaldias.find((f) => booleanPointInPolygon([r.lon!, r.lat!], f.geometry))?.id;

  // No ATUS row names these corners: the point must lie on both streets (near rows of each).
  it.each([
    ['Eje Central y Mosqueta', /CENTRAL/, /MOSQUETA/, ['09015']],
    ['robo en eje central esquina mosqueta', /CENTRAL/, /MOSQUETA/, ['09015']],
    ['Insurgentes esquina Viaducto', /INSURGENTES SUR/, /VIADUCTO MIGUEL ALEM/, ['09014', '09015']],
    [
      'asaltaron a un repartidor en insurgentes y viaducto',
      /INSURGENTES SUR/,
      /VIADUCTO MIGUEL ALEM/,
      ['09014', '09015'],
    ],
    ['sobre insurgentes a la altura de viaducto', /INSURGENTES SUR/, /VIADUCTO MIGUEL ALEM/, ['09014', '09015']],
  ])('%s → where the two streets cross', (text, a, b, alcaldiaIds) => {
    const r = g.geocodeText(text);
    expect(r).toMatchObject({ status: 'ok', precision: 'intersection' });
    expect(metresToStreet(r, a)).toBeLessThan(150);
    expect(metresToStreet(r, b)).toBeLessThan(150);
    expect(alcaldiaIds).toContain(alcaldiaOf(r));
  });

  it('"Viaducto" alone is Viaducto Miguel Alemán, not the Viaducto Tlalpan corner of Insurgentes', () => {
    const r = g.geocodeText('Insurgentes esquina Viaducto');
    expect(r.alcaldia_id).not.toBe('09012');
    const tlalpanCorner = metresToCorner(r, /INSURGENTES/, /VIADUCTO TLALPAN/);
    expect(tlalpanCorner).toBeGreaterThan(10_000);
  });

  it('a taxi plate is neither part of a street name nor a cuadrante', () => {
    const plain = g.geocodeText('un taxi me asalto en Calzada de Tlalpan esquina con Taxqueña');
    const plated = g.geocodeText('un taxi con placas A12-345 me asalto en Calzada de Tlalpan esquina con Taxqueña');
    const inName = g.geocodeText('asalto en Calzada de Tlalpan A12-345 esquina con Taxqueña');
    expect(plain).toMatchObject({ status: 'ok', precision: 'intersection' });
    expect(metresToCorner(plain, /TLALPAN/, /TAXQUE/)).toBeLessThan(300);
    for (const r of [plated, inName]) expect([r.status, r.lat, r.lon]).toEqual([plain.status, plain.lat, plain.lon]);
    const coded = g.geocodeText('un taxi con placas P-1.3.8 me asalto en la colonia Doctores');
    expect(coded.precision).toBe('colonia');
    expect(coded.colonia).toMatch(/^DOCTORES /);
    expect(coded.mentions.some((m) => m.type === 'cuadrante')).toBe(false);
  });
});
