/**
 * Test support for the Mesa routes (targets, patrol, export): the raw SSC points CSV and the 2016
 * cuadrante → sector lookup, read here with csv-parse and nothing else from the project, so tests
 * compute their expected values independently of the import and the queries under test.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';

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
const SHARED = join(HERE, '../../../shared/data');
const DATA = join(HERE, '../../data');

let rows: RawSscRow[] | undefined;
/** Every row of `crime/ssc_crime_points_2013_2016.csv` (the original in ../shared/data). */
export function rawSscRows(): RawSscRow[] {
  return (rows ??= parse(readFileSync(join(SHARED, 'crime/ssc_crime_points_2013_2016.csv'), 'utf8'), { columns: true, skip_empty_lines: true }) as RawSscRow[]);
}

let sectors: Map<string, { sector: string; cvegeo: string }> | undefined;
/** 2016 cuadrante → its sector and alcaldía (cvegeo padded to 5), from `lookups/cuadrantes_sectores_2016.csv.gz`. */
export function sectorLookup2016(): Map<string, { sector: string; cvegeo: string }> {
  if (sectors) return sectors;
  const text = gunzipSync(readFileSync(join(DATA, 'lookups/cuadrantes_sectores_2016.csv.gz'))).toString('utf8');
  const list = parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
  return (sectors = new Map(list.map((r) => [r.cuadrante.trim(), { sector: r.sector.trim(), cvegeo: r.cvegeo.trim().padStart(5, '0') }])));
}

/** The police's labels of robo_transeunte (C.V. and S.V.), spelled out rather than taken from the taxonomy. */
export const ROBO_TRANSEUNTE = new Set(['ROBO A TRANSEUNTE C.V.', 'ROBO A TRANSEUNTE S.V.']);

/** Counts per `YYYY-MM` of the rows that pass `keep`. */
export function monthlyOf(list: readonly RawSscRow[], keep: (r: RawSscRow) => boolean): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of list) if (keep(r)) out.set(r.date.slice(0, 7), (out.get(r.date.slice(0, 7)) ?? 0) + 1);
  return out;
}
