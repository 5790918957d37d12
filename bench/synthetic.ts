/**
 * Scale data for benchmarks, generated in memory from the real SSC points and never committed:
 * `copies` copies of every row, each point moved by up to `maxMetres` in a random direction,
 * ids made unique. Seeded, so two runs measure the same rows.
 */
import { parse } from 'csv-parse/sync';
import { readBundled } from '../reference/files/index.ts';

export const SSC_POINTS_FILE = 'crime/ssc_crime_points_2013_2016.csv.gz';

/** mulberry32: a tiny seeded PRNG, enough for reproducible jitter. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const csvField = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** The real SSC file as text, and a jittered `copies`× version of it in the same layout. */
export function sscPointsCsv(copies = 1, maxMetres = 100, seed = 42): string {
  const text = readBundled(SSC_POINTS_FILE);
  if (copies === 1) return text;
  const rows: string[][] = parse(text, { relax_column_count: true });
  const [header, ...data] = rows;
  const iLat = header.indexOf('lat');
  const iLon = header.indexOf('long');
  const iId = header.indexOf('id');
  const rand = prng(seed);
  const out: string[] = [header.map(csvField).join(',')];
  for (let copy = 0; copy < copies; copy++) {
    for (const row of data) {
      const r = row.slice();
      r[iId] = copy === 0 ? row[iId] : `${row[iId]}-${copy}`;
      const lat = Number(row[iLat]);
      const lon = Number(row[iLon]);
      if (copy > 0 && Number.isFinite(lat) && Number.isFinite(lon) && row[iLat] !== 'NA') {
        // uniform in a disc of radius maxMetres
        const d = maxMetres * Math.sqrt(rand());
        const a = 2 * Math.PI * rand();
        r[iLat] = (lat + (d * Math.cos(a)) / 111_320).toFixed(7);
        r[iLon] = (lon + (d * Math.sin(a)) / (111_320 * Math.cos((lat * Math.PI) / 180))).toFixed(7);
      }
      out.push(r.map(csvField).join(','));
    }
  }
  return out.join('\n') + '\n';
}
