/**
 * Utility of the published figures under the cell-key method (docs/privacy.md): for every
 * alcaldía, colonia and cuadrante and every month of the bundled SSC points file (2013–2016), the
 * bias and the standard deviation of the published monthly count, computed exactly over the 256
 * cell keys from the perturbation table (server/policy/cell-key.ts), and summarised per kind.
 * Areas: the 2016 cuadrante and its alcaldía as each record states them; the colonia by the point.
 *
 * Usage: npx tsx eval/privacy-utility.ts [k]
 */
import { parse } from 'csv-parse/sync';
import { KEY_RANGE, perturb } from '../server/policy/cell-key.ts';
import { buildReverseGeocoder } from '../geo/areas/index.ts';
import { loadBoundarySets, loadCuadrante2016Lookup } from '../reference/boundaries/index.ts';
import { readBundled } from '../reference/files/index.ts';

const k = Number(process.argv[2] ?? 3);
const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), {
  columns: true,
  skip_empty_lines: true,
}) as Record<string, string>[];
const lookup = loadCuadrante2016Lookup();
const geocoder = buildReverseGeocoder(loadBoundarySets());

const counts: Record<'alcaldia' | 'colonia' | 'cuadrante', Map<string, number>> = {
  alcaldia: new Map(),
  colonia: new Map(),
  cuadrante: new Map(),
};
const add = (kind: keyof typeof counts, id: string | null | undefined, month: string) => {
  if (!id) return;
  const key = `${id}|${month}`;
  counts[kind].set(key, (counts[kind].get(key) ?? 0) + 1);
};
for (const r of rows) {
  const month = r.date.slice(0, 7);
  const info = lookup.get(r.cuadrante);
  if (info) {
    add('cuadrante', r.cuadrante, month);
    add('alcaldia', info.alcaldiaId, month);
  }
  const lat = Number(r.lat);
  const lon = Number(r.long);
  if (r.lat !== 'NA' && Number.isFinite(lat) && Number.isFinite(lon))
    add('colonia', geocoder.areaAt('colonia', 2023, lat, lon), month);
}

/** mean and standard deviation of the published figure of a true count n over the keys */
function moments(n: number): { bias: number; sd: number } {
  let s = 0;
  let s2 = 0;
  for (let key = 0; key < KEY_RANGE; key++) {
    const v = perturb(n, key, k);
    s += v;
    s2 += v * v;
  }
  const mean = s / KEY_RANGE;
  return { bias: mean - n, sd: Math.sqrt(s2 / KEY_RANGE - mean * mean) };
}

const quantile = (xs: number[], q: number) => xs[Math.min(xs.length - 1, Math.floor(q * xs.length))];
console.log(`k = ${k}; SSC points ${rows.length} rows; one row per area kind over its area-months with ≥ 1 incident`);
console.log('kind       area-months  median n  p10 n  mean bias  mean SD  RMS rel. error  share with n < k');
for (const kind of ['alcaldia', 'colonia', 'cuadrante'] as const) {
  const ns = [...counts[kind].values()].sort((a, b) => a - b);
  let bias = 0;
  let sd = 0;
  let rel2 = 0;
  for (const n of ns) {
    const m = moments(n);
    bias += m.bias;
    sd += m.sd;
    rel2 += (m.sd * m.sd + m.bias * m.bias) / (n * n);
  }
  const small = ns.filter((n) => n < k).length / ns.length;
  console.log(
    `${kind.padEnd(10)} ${String(ns.length).padStart(11)}  ${String(quantile(ns, 0.5)).padStart(8)}  ${String(quantile(ns, 0.1)).padStart(5)}  ${(bias / ns.length).toFixed(4).padStart(9)}  ${(sd / ns.length).toFixed(3).padStart(7)}  ${(100 * Math.sqrt(rel2 / ns.length)).toFixed(1).padStart(13)}%  ${(100 * small).toFixed(1).padStart(15)}%`,
  );
}
