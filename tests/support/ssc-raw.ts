/**
 * Test support for the Mesa routes (targets, patrol, export): the raw SSC points CSV and the 2016
 * cuadrante → sector lookup, read here with csv-parse and nothing else from the project (but the
 * alcaldía polygons, to tell which points lie in the city), so tests compute their expected values
 * independently of the import and the queries under test.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { readBundled } from '../../reference/files/index.ts';
import { latLngToCell } from 'h3-js';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';

export interface RawSscRow {
  cuadrante: string;
  crime: string;
  date: string;
  hour: string;
  lat: string;
  long: string;
  id: string;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const DATA = join(HERE, '../../data');

let rows: RawSscRow[] | undefined;
/** Every row of `crime/ssc_crime_points_2013_2016.csv` (the bundled copy, byte-identical to the one in ../shared/data). */
export function rawSscRows(): RawSscRow[] {
  return (rows ??= parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), {
    columns: true,
    skip_empty_lines: true,
  }) as RawSscRow[]);
}

let sectors: Map<string, { sector: string; cvegeo: string }> | undefined;
/** 2016 cuadrante → its sector and alcaldía (cvegeo padded to 5), from `lookups/cuadrantes_sectores_2016.csv.gz`. */
export function sectorLookup2016(): Map<string, { sector: string; cvegeo: string }> {
  if (sectors) return sectors;
  const text = gunzipSync(readFileSync(join(DATA, 'lookups/cuadrantes_sectores_2016.csv.gz'))).toString('utf8');
  const list = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return (sectors = new Map(
    list.map((r) => [r.cuadrante.trim(), { sector: r.sector.trim(), cvegeo: r.cvegeo.trim().padStart(5, '0') }]),
  ));
}

/** The police's labels of robo_transeunte (C.V. and S.V.), spelled out rather than taken from the taxonomy. */
export const ROBO_TRANSEUNTE = new Set(['ROBO A TRANSEUNTE C.V.', 'ROBO A TRANSEUNTE S.V.']);

/** Counts per `YYYY-MM` of the rows that pass `keep`. */
export function monthlyOf(list: readonly RawSscRow[], keep: (r: RawSscRow) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of list) if (keep(r)) out.set(r.date.slice(0, 7), (out.get(r.date.slice(0, 7)) ?? 0) + 1);
  return out;
}

let city: ReturnType<typeof buildReverseGeocoder> | undefined;
/**
 * H3 cell of resolution `res` → `YYYY-MM` → count of the rows that pass `keep` and whose own point
 * lies in the city (the import gives cells only to those): h3-js on the CSV's lat/long.
 */
export function monthlyByCell(res: number, keep: (r: RawSscRow) => boolean): Map<string, Map<string, number>> {
  city ??= buildReverseGeocoder(loadBoundarySets().filter((s) => s.kind === 'alcaldia'));
  const out = new Map<string, Map<string, number>>();
  for (const r of rawSscRows()) {
    if (!keep(r)) continue;
    const [lat, lon] = [Number(r.lat), Number(r.long)];
    if (!Number.isFinite(lat) || !Number.isFinite(lon) || !city.inCity(lat, lon)) continue;
    const cell = latLngToCell(lat, lon, res);
    let months = out.get(cell);
    if (!months) out.set(cell, (months = new Map()));
    const month = r.date.slice(0, 7);
    months.set(month, (months.get(month) ?? 0) + 1);
  }
  return out;
}
