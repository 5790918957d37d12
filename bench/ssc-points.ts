/**
 * The real SSC incident points (132,692 rows, 2013–2016) as plain numbers, for benchmarks and tests of
 * the reverse geocoder. Rows whose coordinates are `NA` (1,551) are left out.
 */
import { parse } from 'csv-parse/sync';
import { readBundled } from '../reference/files/index.ts';

export interface SscPoint {
  id: string;
  /** The 2016 cuadrante the police record names. */
  cuadrante: string;
  lat: number;
  lon: number;
}

let cached: SscPoint[] | undefined;

export function loadSscPoints(): SscPoint[] {
  if (cached) return cached;
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const points: SscPoint[] = [];
  for (const r of rows) {
    const lat = Number(r.lat);
    const lon = Number(r.long);
    if (r.lat === 'NA' || r.long === 'NA' || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    points.push({ id: r.id, cuadrante: r.cuadrante, lat, lon });
  }
  return (cached = points);
}
