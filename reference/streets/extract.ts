/**
 * Builds `data/streets/intersections.json.gz` from INEGI's ATUS traffic-crash records for Mexico City
 * (`../shared/data/streets/inegi_atus_cdmx_2022_2023.csv`): `npx tsx reference/streets/extract.ts`.
 * Each row places the corner of `calle1` and `calle2`; the extract keeps one point per distinct street pair
 * and alcaldía (the mean of its crash points) with the names as INEGI spells them. Rows whose second street
 * is empty or "NAN" name no corner and are left out.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { collapseSpaces } from '../../geo/text/index.ts';
import { BUNDLED_DATA_DIR, SHARED_DATA_DIR } from '../files/index.ts';
import type { IntersectionRow } from './index.ts';

const rows = parse(readFileSync(join(SHARED_DATA_DIR, 'streets/inegi_atus_cdmx_2022_2023.csv'), 'utf8'), {
  columns: true,
  bom: true,
}) as Array<Record<string, string>>;
const groups = new Map<string, { a: string; b: string; lat: number; lon: number; n: number; alcaldiaId: string }>();
for (const r of rows) {
  const a = collapseSpaces(r.calle1 ?? '');
  const b = collapseSpaces(r.calle2 ?? '');
  const lat = Number(r.latitud);
  const lon = Number(r.longitud);
  if (!a || !b || b === 'NAN' || a === 'NAN' || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
  // mpio is the INEGI municipality code without the state (2 … 17): cvegeo "09" + 3 digits.
  const alcaldiaId = `09${String(Number(r.mpio)).padStart(3, '0')}`;
  const [x, y] = a < b ? [a, b] : [b, a];
  const key = `${x}|${y}|${alcaldiaId}`;
  const g = groups.get(key) ?? { a: x, b: y, lat: 0, lon: 0, n: 0, alcaldiaId };
  g.lat += lat;
  g.lon += lon;
  g.n++;
  groups.set(key, g);
}
const out: IntersectionRow[] = [...groups.values()].map((g) => [
  g.a,
  g.b,
  Math.round((g.lat / g.n) * 1e6) / 1e6,
  Math.round((g.lon / g.n) * 1e6) / 1e6,
  g.alcaldiaId,
]);
writeFileSync(join(BUNDLED_DATA_DIR, 'streets/intersections.json.gz'), gzipSync(JSON.stringify(out), { level: 9 }));
console.log(JSON.stringify({ rows: rows.length, intersections: out.length }));
