/**
 * API benchmark (issue 2, item 9): the real server (`createApp` + @hono/node-server on a loopback
 * port) over the 10× SSC data (1.3 M incidents; `BENCH_SCALE` shrinks it), for
 *  - `/api/hotspots?res=8` for one month and one category over the whole city, and
 *  - one MVT tile over central CDMX (z = 11, so H3 resolution 8) with the same filter,
 * each measured with autocannon (a child process; bounded duration) cached — the response cache's
 * hit path — and uncached — a second app whose cache holds nothing (`maxEntries: 0`), so every request
 * runs the SQL and builds the body — plus single sequential uncached requests over 45 different months
 * for a p50 that concurrency does not inflate. The floor: a bare `node:http` server answering the same
 * bytes with the same headers (all of them: security headers, ETag, caching). Targets: cached ≥ 70 % of the bare server's requests/s; uncached
 * hotspots p50 ≤ 50 ms at 1.3 M incidents on PostgreSQL.
 *
 * Run alone: `npx tsx bench/api.bench.ts` (imports the 10× data into a throwaway PostgreSQL cluster
 * first, untimed). `BENCH_API_SECONDS` (default 6) sets each autocannon run's length.
 */
import { sql } from 'kysely';
import type { Backend, Store } from '../db/connect.ts';
import { importOfficialFile } from '../etl/official/index.ts';
import { createApp } from '../server/app.ts';
import { fmtMs, fmtPct, isMain, runCleanups, sscTempFile, table, tenXCopies } from './bench-env.ts';
import { autocannon, withTimeout, listenApp, listenBare, percentile, timedGet, type FixedResponse, type Listening } from './http-load.ts';
import { freshStore, type KeptStore } from './import.bench.ts';

export interface ApiCase {
  backend: Backend;
  endpoint: 'hotspots' | 'tile';
  mode: 'bare' | 'cached' | 'uncached';
  p50: number;
  p99: number;
  requestsPerSecond: number;
  /** requests/s as a share of the bare server's */
  ratioToBare: number;
}

export interface ApiSingle {
  backend: Backend;
  endpoint: 'hotspots' | 'tile';
  requests: number;
  p50: number;
  p99: number;
}

export interface ApiFigures {
  incidents: Partial<Record<Backend, number>>;
  bodyBytes: Record<string, number>;
  load: ApiCase[];
  single: ApiSingle[];
}

export interface ApiOptions {
  /** stores holding the 10× data (from the import benchmark); otherwise they are imported here */
  stores?: KeptStore[];
  backends?: Backend[];
  seconds?: number;
  connections?: number;
  log?: (line: string) => void;
}

/** Headers node:http writes on its own (the bare server and the app alike). */
const NODE_HTTP_OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

const CATEGORY = 'robo_transeunte';
const MONTH = '2016-01';
/** Central CDMX (Zócalo area). */
const CENTRE = { lat: 19.4326, lon: -99.1332 };
const TILE_ZOOM = 11;

/** The web-mercator tile holding a point (the slippy-map formula). */
export function tileOf(lat: number, lon: number, z: number): { z: number; x: number; y: number } {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  return { z, x: Math.floor(((lon + 180) / 360) * n), y: Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n) };
}

/** The 45 months of the SSC data, 2013-01 … 2016-09, as `from`/`to` query strings. */
function monthFilters(): string[] {
  const out: string[] = [];
  for (let y = 2013; y <= 2016; y++) {
    for (let m = 1; m <= 12 && !(y === 2016 && m > 9); m++) out.push(monthFilter(`${y}-${String(m).padStart(2, '0')}`));
  }
  return out;
}

function monthFilter(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const next = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  return `from=${month}-01&to=${next}-01&category=${CATEGORY}`;
}

function endpoints(): Record<'hotspots' | 'tile', (filter: string) => string> {
  const t = tileOf(CENTRE.lat, CENTRE.lon, TILE_ZOOM);
  return {
    hotspots: (f) => `/api/hotspots?res=8&${f}`,
    tile: (f) => `/api/tiles/hotspots/${t.z}/${t.x}/${t.y}.pbf?${f}`,
  };
}

/** Imports the 10× file into a fresh store (untimed) when no store was handed over. */
async function loadTenX(backend: Backend, log: (l: string) => void): Promise<KeptStore> {
  const copies = tenXCopies();
  const file = sscTempFile(copies);
  const fresh = await freshStore(backend, `bench_api_x${copies}`);
  try {
    const t0 = performance.now();
    const report = await importOfficialFile(fresh.store, file.path, { format: 'ssc_points' });
    log(`  ${backend}: imported ${report.incidents.toLocaleString('en-US')} incidents (x${copies}) in ${((performance.now() - t0) / 1000).toFixed(0)} s (untimed setup)`);
    return { backend, store: fresh.store, incidents: report.incidents, dispose: fresh.dispose };
  } catch (err) {
    await fresh.dispose().catch(() => {});
    throw err;
  } finally {
    file.remove();
  }
}

async function benchBackend(store: Store, backend: Backend, opts: Required<Pick<ApiOptions, 'seconds' | 'connections'>>, figures: ApiFigures, log: (l: string) => void): Promise<void> {
  // The throwaway cluster runs without autovacuum: give the planner statistics and a visibility map, as autovacuum would.
  await sql`VACUUM ANALYZE incidents`.execute(store.db);
  const servers: Listening[] = [];
  try {
    const cached = await listenApp(createApp({ store }));
    servers.push(cached);
    const uncached = await listenApp(createApp({ store, cache: { maxEntries: 0 } }));
    servers.push(uncached);

    const paths = endpoints();
    const fixed = new Map<string, FixedResponse>();
    const wanted = monthFilter(MONTH);
    for (const [endpoint, path] of Object.entries(paths) as ['hotspots' | 'tile', (f: string) => string][]) {
      const url = path(wanted);
      const a = await timedGet(uncached.url + url);
      const b = await timedGet(cached.url + url); // fills the cache
      if (Buffer.compare(a.body, b.body) !== 0) throw new Error(`${endpoint}: cached and uncached bodies differ`);
      if (a.body.byteLength < 100) throw new Error(`${endpoint}: suspiciously small body (${a.body.byteLength} bytes) — is the data there?`);
      figures.bodyBytes[endpoint] = a.body.byteLength;
      // The floor answers with every header the app sends (security headers included), so that both
      // write the same bytes; only what node:http writes by itself is left to it.
      const headers: Record<string, string> = {};
      b.headers.forEach((v, h) => {
        if (!NODE_HTTP_OWN_HEADERS.has(h)) headers[h] = v;
      });
      fixed.set(url, { body: b.body, headers });

      // Single uncached requests, sequential, one per month (every one a different query).
      const times: number[] = [];
      for (const f of monthFilters()) times.push((await timedGet(uncached.url + path(f))).ms);
      figures.single.push({ backend, endpoint, requests: times.length, p50: percentile(times, 50), p99: percentile(times, 99) });
    }
    const bare = await listenBare(fixed);
    servers.push(bare);

    for (const [endpoint, path] of Object.entries(paths) as ['hotspots' | 'tile', (f: string) => string][]) {
      const url = path(wanted);
      const floor = await autocannon(bare.url + url, opts.seconds, opts.connections);
      const results = { bare: floor, cached: await autocannon(cached.url + url, opts.seconds, opts.connections), uncached: await autocannon(uncached.url + url, opts.seconds, opts.connections) };
      for (const [mode, r] of Object.entries(results) as [ApiCase['mode'], typeof floor][]) {
        if (r.non2xx || r.errors) throw new Error(`${backend} ${endpoint} ${mode}: ${r.non2xx} non-2xx answers, ${r.errors} errors`);
        figures.load.push({ backend, endpoint, mode, p50: r.p50, p99: r.p99, requestsPerSecond: r.requestsPerSecond, ratioToBare: r.requestsPerSecond / floor.requestsPerSecond });
      }
      log(`  ${backend} ${endpoint}: done`);
    }
  } finally {
    for (const s of servers) await s.close().catch((err) => log(`  warning: ${(err as Error).message}`));
    log(`  ${backend}: servers closed`);
  }
}

export async function run(opts: ApiOptions = {}): Promise<ApiFigures> {
  const log = opts.log ?? console.log;
  const seconds = opts.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 6);
  const connections = opts.connections ?? 10;
  const backends = opts.backends ?? (opts.stores ? opts.stores.map((s) => s.backend) : ['postgres']);
  const t = tileOf(CENTRE.lat, CENTRE.lon, TILE_ZOOM);
  log(`\n== api: category ${CATEGORY}, month ${MONTH}; hotspots res 8 (whole city) and tile ${t.z}/${t.x}/${t.y}; autocannon ${connections} connections × ${seconds} s ==`);
  const figures: ApiFigures = { incidents: {}, bodyBytes: {}, load: [], single: [] };
  for (const backend of backends) {
    const given = opts.stores?.find((s) => s.backend === backend);
    const kept = given ?? (await loadTenX(backend, log));
    try {
      figures.incidents[backend] = kept.incidents;
      await benchBackend(kept.store, backend, { seconds, connections }, figures, log);
    } finally {
      if (!given) await withTimeout(kept.dispose(), 30_000, `${backend} store dispose`).catch((err) => log(`  warning: ${(err as Error).message}`));
    }
  }

  log(`bodies: hotspots ${figures.bodyBytes.hotspots} bytes (JSON), tile ${figures.bodyBytes.tile} bytes (MVT); incidents: ${Object.entries(figures.incidents).map(([b, n]) => `${b} ${n!.toLocaleString('en-US')}`).join(', ')}`);
  log(
    table(
      ['backend', 'endpoint', 'mode', 'p50 ms', 'p99 ms', 'req/s', 'vs bare'],
      figures.load.map((c) => [c.backend, c.endpoint, c.mode, fmtMs(c.p50), fmtMs(c.p99), c.requestsPerSecond.toFixed(0), fmtPct(c.ratioToBare)]),
    ),
  );
  log('single sequential uncached requests (one per month, 2013-01 … 2016-09):');
  log(table(['backend', 'endpoint', 'requests', 'p50 ms', 'p99 ms'], figures.single.map((s) => [s.backend, s.endpoint, s.requests, fmtMs(s.p50), fmtMs(s.p99)])));
  log('targets: cached ≥ 70 % of bare req/s; uncached hotspots p50 ≤ 50 ms at 1.3 M incidents on PostgreSQL');
  return figures;
}

if (isMain(import.meta.url)) {
  const backends = (process.env.BENCH_API_BACKENDS?.split(',') as Backend[] | undefined) ?? undefined;
  run({ backends })
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(runCleanups);
}
