/**
 * `/api/compare` over 3 years × every colonia, uncached (an app whose response cache holds nothing),
 * on the bundled data: the heavy statistic that reads the maintained aggregates (target
 * ≤ 50 ms). Prints p50 / max of sequential requests for a full-access token (exact counts) and for
 * the public (published counts), then `EXPLAIN (ANALYZE, BUFFERS)` of the reads behind the map
 * (PostgreSQL only).
 *
 * Run: `npx tsx bench/compare-aggregates.ts [pglite|postgres]` (postgres: a throwaway cluster, or
 * `BENCH_DATABASE_URL`). Imports the bundled data first (a few minutes on PGlite).
 */
import { sql } from 'kysely';
import { openStore, type Store } from '../db/connect.ts';
import { createToken } from '../db/queries/tokens.ts';
import { importBundledData } from '../etl/bundled.ts';
import { createApp } from '../server/app.ts';
import { createDatabase, fmtMs, runCleanups } from './bench-env.ts';
import { cellKeysInBbox } from '../geo/h3/index.ts';
import { tileBounds } from '../geo/tiles/index.ts';

const REQUESTS = 15;
const P1 = '2013-01-01..2014-07-01';
const P2 = '2014-07-01..2016-01-01';

async function open(backend: string): Promise<Store> {
  if (backend === 'pglite') return openStore({ memory: true });
  const { url } = await createDatabase('mapa_compare_bench');
  return openStore({ databaseUrl: url });
}

async function timed(
  app: ReturnType<typeof createApp>,
  path: string,
  headers: Record<string, string>,
): Promise<{ p50: number; max: number; items: number }> {
  const times: number[] = [];
  let items = 0;
  for (let i = 0; i < REQUESTS; i++) {
    const t0 = performance.now();
    const res = await app.request(path, { headers });
    const body = (await res.json()) as { items?: unknown[] };
    times.push(performance.now() - t0);
    if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body).slice(0, 200)}`);
    items = body.items?.length ?? 0;
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)]!, max: times[times.length - 1]!, items };
}

async function explain(store: Store, title: string, query: string): Promise<void> {
  const { rows } = await sql.raw<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`).execute(store.db);
  process.stdout.write(`\n-- ${title}\n${rows.map((r) => r['QUERY PLAN']).join('\n')}\n`);
}

async function main(): Promise<void> {
  const backend = process.argv[2] ?? 'postgres';
  const store = await open(backend);
  const t0 = performance.now();
  await importBundledData(store);
  process.stderr.write(`[compare] ${backend}: bundled import in ${fmtMs((performance.now() - t0) / 1000)} s\n`);
  const app = createApp({ store, cache: { maxEntries: 0 } });
  const token = await createToken(store, { role: 'admin', name: 'bench', territory: [] });
  const path = `/api/compare?kind=colonia&p1=${P1}&p2=${P2}`;
  await app.request(path); // warm-up: first-request work (boundaries, populations) is not the statistic
  for (const [who, headers] of [
    ['full access', { authorization: `Bearer ${token}` }],
    ['public', {}],
  ] as const) {
    const r = await timed(app, path, headers);
    process.stdout.write(
      `compare 3 years × ${r.items} colonias, uncached, ${who}: p50 ${fmtMs(r.p50)} ms, max ${fmtMs(r.max)} ms (${REQUESTS} requests)\n`,
    );
  }
  if (backend === 'postgres') {
    await sql`ANALYZE`.execute(store.db);
    await explain(
      store,
      'hotspots res 8, one month, one category',
      `SELECT to_hex(place) AS h3, sum(count)::int AS count FROM (SELECT cell AS place, month, count, key_sum FROM cell_months WHERE res = 8 AND month >= '2015-06-01' AND month < '2015-07-01' AND category IN ('robo_transeunte')) u GROUP BY place ORDER BY place`,
    );
    const [w, s, e, n] = tileBounds(12, 920, 1822, 0.05);
    const keys = cellKeysInBbox([w - 0.01, s - 0.01, e + 0.01, n + 0.01], 9, 5000)!;
    await explain(
      store,
      `z12 tile 12/920/1822 (res 9, ${keys.length} cells by key), one year`,
      `SELECT to_hex(place) AS h3, sum(count)::int AS count FROM (SELECT cell AS place, month, count, key_sum FROM cell_months WHERE res = 9 AND month >= '2015-01-01' AND month < '2016-01-01' AND cell IN (${keys.join(', ')})) u GROUP BY place ORDER BY place`,
    );
    await explain(
      store,
      'compare: every colonia, two 18-month periods',
      `SELECT p, place AS id, sum(count)::int AS n FROM (SELECT 0 AS p, area_id AS place, count FROM area_months WHERE layer = 'colonia' AND month >= '2013-01-01' AND month < '2014-07-01' UNION ALL SELECT 1, area_id, count FROM area_months WHERE layer = 'colonia' AND month >= '2014-07-01' AND month < '2016-01-01') u GROUP BY p, place`,
    );
  }
  await store.close();
}

main()
  .catch((e) => {
    process.stderr.write(`${e?.stack ?? e}\n`);
    process.exitCode = 1;
  })
  .finally(runCleanups);
