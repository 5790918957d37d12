/**
 * Six concurrent worst-case anonymous requests (compare and rank over the longest
 * allowed range — 120 months — with every colonia, a rank with a category list, and the whole
 * city's res-8 hexagons over the same range), and the
 * latency of `/api/health` while they run. Prints p50/p99 of health and each heavy request's time;
 * the target is health p99 < 100 ms and no public request over 1 s.
 *
 * `npx tsx bench/worst-case.ts` on the store of `DATABASE_URL`, else the PGlite store in `DATA_DIR`
 * (default ./var; the bundled data is imported first when it is empty, untimed).
 */
import { parseConfig } from '../core/config/index.ts';
import { openStore } from '../db/connect.ts';
import { importBundledData, isStoreEmpty } from '../etl/bundled.ts';
import { createApp } from '../server/app.ts';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { listenApp, percentile } from './http-load.ts';

const HEAVY = 6;
const FROM = '2007-01-01';
const TO = '2017-01-01'; // 120 months: the longest public span (range_too_long beyond)

async function main(): Promise<void> {
  const config = parseConfig(process.env);
  const store = await openStore({
    databaseUrl: config.DATABASE_URL,
    dataDir: config.DATA_DIR,
    statementTimeoutMs: config.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  if (await isStoreEmpty(store)) await importBundledData(store, { progress: true });
  // no response cache: every heavy request is computed
  const server = await listenApp(createApp({ store, cache: { maxEntries: 0 } }));
  try {
    // every colonia id, from the boundaries the map loads (there is no area list route)
    const boundaries = (await (await fetch(`${server.url}/api/boundaries/colonia?vintage=2016`)).json()) as {
      features?: { properties?: { id?: string } }[];
    };
    const colonias = (boundaries.features ?? []).map((f) => String(f.properties?.id ?? '')).filter(Boolean);
    // without ids the first request would measure an empty list, not the worst case
    if (colonias.length === 0) throw new Error('worst-case: /api/boundaries/colonia listed no colonias');
    const ids = colonias.slice(0, 2000).join(',');
    const heavy = [
      `/api/compare?kind=colonia&ids=${ids}&p1=${FROM}..2012-01-01&p2=2012-01-01..${TO}`,
      `/api/rank?kind=colonia&from=${FROM}&to=${TO}&category=robo_transeunte,robo_vehiculo,robo_casa_habitacion`,
      `/api/compare?kind=cuadrante&p1=${FROM}..2012-01-01&p2=2012-01-01..${TO}`,
      `/api/hotspots?res=8&from=${FROM}&to=${TO}`,
    ];
    // the first round meets a cold server (reference data loads on first use); the second a warm one
    for (const round of ['first after start', 'warm']) await measureRound(server.url, heavy, colonias.length, round);
  } finally {
    await server.close();
    await store.close();
  }
}

async function measureRound(baseUrl: string, heavy: string[], colonias: number, round: string): Promise<void> {
  const health: number[] = [];
  // the server runs in this process: its event loop's stalls are what keeps /api/health waiting
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let running = true;
  const probe = (async () => {
    while (running) {
      const t0 = performance.now();
      await (await fetch(`${baseUrl}/api/health`)).arrayBuffer();
      health.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
  })();
  const timings = await Promise.all(
    Array.from({ length: HEAVY }, async (_, i) => {
      const url = heavy[i % heavy.length]!;
      const t0 = performance.now();
      const res = await fetch(baseUrl + url);
      await res.arrayBuffer();
      return { path: url.split('?')[0], status: res.status, ms: performance.now() - t0 };
    }),
  );
  running = false;
  await probe;
  loop.disable();
  console.log(`worst-case (${round}): ${HEAVY} concurrent anonymous requests (${colonias} colonias, ${FROM}..${TO})`);
  for (const t of timings) console.log(`  ${t.path}: ${t.status} in ${t.ms.toFixed(0)} ms`);
  console.log(
    `  /api/health under them: ${health.length} samples, p50 ${percentile(health, 50).toFixed(1)} ms, p99 ${percentile(health, 99).toFixed(1)} ms, max ${Math.max(...health).toFixed(1)} ms (target p99 < 100 ms)`,
  );
  console.log(
    `  event loop meanwhile: longest stall ${(loop.max / 1e6).toFixed(0)} ms, p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms`,
  );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
