/**
 * `npm run bench` — every benchmark in turn, each printing its figures as ratios against a floor
 * measured in the same run; `npm run bench -- import api` runs a subset by name.
 *
 * The database benchmarks start their own throwaway PostgreSQL cluster (the test harness's code) and
 * stop it at the end, also when a benchmark fails or the run is interrupted. `npm run bench -- api --scale 1,10,30`
 * picks the API benchmark's sizes (default 1,10).
 *
 * Environment: `BENCH_SCALE` (0–1, default 1) shrinks the 10× dataset (0.3 → 3 copies); `BENCH_API_SECONDS`
 * (default 6) sets each autocannon run; `BENCH_DATABASE_URL` names an existing server to use instead of
 * a throwaway cluster (databases `bench_*` are created and dropped in it).
 */
import type { Backend } from '../db/connect.ts';
import { runCleanups } from './bench-env.ts';

/** `BENCH_BACKENDS=postgres` (or `pglite`) limits the database benchmarks to one backend. */
const backends = (process.env.BENCH_BACKENDS?.split(',').filter(Boolean) ?? ['postgres', 'pglite']) as Backend[];

type Bench = { name: string; about: string; run: () => Promise<unknown> };

const BENCHES: Bench[] = [
  {
    name: 'reverse-geocode',
    about: 'lat/lon → areas points/s',
    run: async () => (await import('./reverse-geocode.bench.ts')).run(),
  },
  {
    name: 'geocode',
    about: 'free-text and structured geocoding',
    run: async () => (await import('./geocode.bench.ts')).run(),
  },
  {
    name: 'search',
    about: 'search box: stations, landmarks, corners p50/p99',
    run: async () => (await import('./search.bench.ts')).run(),
  },
  { name: 'news', about: 'news extraction', run: async () => (await import('./news.bench.ts')).run() },
  { name: 'stats', about: 'Gi* and emerging hot spots', run: async () => (await import('./stats.bench.ts')).run() },
  {
    name: 'reports',
    about: 'citizen reports/s accepted by POST /api/reports vs bare node:http',
    run: async () => (await import('./reports.bench.ts')).run({ backends }),
  },
  {
    name: 'import',
    about: 'official import vs COPY, both backends, SSC and 10×',
    run: async () => (await import('./import.bench.ts')).run({ backends }),
  },
  {
    name: 'tiles',
    about: 'hexagon MVT encoding: direct encoder vs geojson-vt',
    run: async () => (await import('./tiles.bench.ts')).run(),
  },
  {
    name: 'api',
    about: 'hotspots, hexagon tiles, compare, rank at 1×/10×/30× (`--scale`) beside bare node:http and PostGIS',
    run: async () => (await import('./api.bench.ts')).run({ backends }),
  },
  {
    name: 'web-load',
    about: 'web app per route in headless Chromium: compressed JS and time to ready, new visitor',
    run: async () => (await import('./web-load.ts')).run(),
  },
];

/** Benchmark names on the command line: every argument but options and the value after `--scale`. */
function selected(): string[] {
  const args = process.argv.slice(2);
  const names = args.filter((a, i) => !a.startsWith('-') && args[i - 1] !== '--scale');
  return names.length ? names : BENCHES.map((b) => b.name);
}

async function main(): Promise<number> {
  const names = selected();
  const unknown = names.filter((n) => !BENCHES.some((b) => b.name === n));
  if (unknown.length) {
    console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHES.map((b) => b.name).join(', ')}`);
    return 2;
  }
  const failed: string[] = [];
  const started = performance.now();
  console.log(
    `mapa-comun benchmarks: ${names.join(', ')} (BENCH_SCALE=${process.env.BENCH_SCALE ?? '1'}; node ${process.version})`,
  );
  try {
    for (const b of BENCHES.filter((x) => names.includes(x.name))) {
      const t0 = performance.now();
      console.log(`\n##### ${b.name} — ${b.about}`);
      try {
        await b.run();
      } catch (err) {
        failed.push(b.name);
        console.error(`benchmark ${b.name} failed:`, err);
      }
      console.log(`(${b.name}: ${((performance.now() - t0) / 1000).toFixed(0)} s)`);
    }
  } finally {
    runCleanups();
  }
  console.log(
    `\nall benchmarks: ${((performance.now() - started) / 1000).toFixed(0)} s${failed.length ? `; FAILED: ${failed.join(', ')}` : ''}`,
  );
  return failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    runCleanups();
    process.exit(1);
  },
);
