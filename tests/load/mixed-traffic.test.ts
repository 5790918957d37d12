/**
 * Mixed public traffic (no token) at half the capacity measured in the same run.
 *
 * 1. Capacity: autocannon (a child process) at `CAPACITY_CONNECTIONS` keep-alive connections, no
 *    rate limit, for `CAPACITY_SECONDS`, cycling through the public paths below → requests/s.
 * 2. Load: a fixed number of requests, `LOAD_SECONDS` × half that rate, paced with autocannon's
 *    `overallRate`. autocannon ends only when that many have been answered or have failed (a 10 s
 *    timeout each), so "nothing lost" is: 2xx responses = responses = the amount, no errors, no
 *    timeouts.
 *
 * The server is the real app (`startTestServer`: @hono/node-server on a loopback port) over a private
 * PGlite copy of the bundled import. Latency figures are printed against the 200 ms p99 target of
 * `bench/` — never asserted. `LOAD_SECONDS` (default 60) shortens the run for local work.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { figure, runAutocannon } from './helpers.ts';

const LOAD_SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
const CAPACITY_SECONDS = Math.min(10, LOAD_SECONDS);
const CAPACITY_CONNECTIONS = 64;
const LOAD_CONNECTIONS = 32;
const P99_TARGET_MS = 200;

/** The slippy-map tile holding a point. */
function tileOf(lat: number, lon: number, z: number): string {
  const n = 2 ** z;
  const rad = (lat * Math.PI) / 180;
  const x = Math.floor(((lon + 180) / 360) * n);
  const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n);
  return `${z}/${x}/${y}.pbf`;
}

const nextMonth = (m: string) => {
  const [y, mo] = m.split('-').map(Number);
  return mo === 12 ? `${y + 1}-01` : `${y}-${String(mo + 1).padStart(2, '0')}`;
};
const window = (m: string) => `from=${m}-01&to=${nextMonth(m)}-01`;

/**
 * What a public map session asks for: month-aligned windows (public windows must be whole months),
 * H3 resolutions ≤ 8 (the public maximum), non-sensitive categories, several months so that part of
 * the traffic misses the response cache until it has seen each once.
 */
function publicPaths(): string[] {
  const months = ['2013-03', '2014-07', '2015-06', '2015-11', '2016-01', '2016-05'];
  const categories = ['robo_transeunte', 'robo_vehiculo', ''];
  const paths: string[] = [
    '/api/health',
    '/api/categories',
    '/api/boundaries/alcaldia',
    '/api/boundaries/sector?vintage=2016',
  ];
  for (const [i, m] of months.entries()) {
    const cat = categories[i % categories.length];
    const c = cat ? `&category=${cat}` : '';
    for (const res of [6, 7, 8]) paths.push(`/api/hotspots?res=${res}&${window(m)}${c}`);
    // Zócalo, Iztapalapa centre, Coyoacán: zooms 10–13 (H3 resolution follows the zoom, capped at 8)
    for (const [lat, lon] of [
      [19.4326, -99.1332],
      [19.3574, -99.0927],
      [19.35, -99.162],
    ] as const) {
      for (const z of [10, 11, 12, 13]) paths.push(`/api/tiles/hotspots/${tileOf(lat, lon, z)}?${window(m)}${c}`);
    }
    paths.push(`/api/rank?kind=alcaldia&${window(m)}&by=count&limit=16${c}`);
    paths.push(`/api/rank?kind=cuadrante&vintage=2016&${window(m)}&by=count&limit=10${c}`);
    paths.push(
      `/api/compare?kind=alcaldia&p1=${m}-01..${nextMonth(m)}-01&p2=${nextMonth(m)}-01..${nextMonth(nextMonth(m))}-01${c}`,
    );
    paths.push(`/api/areas/alcaldia/09007/series?${c.slice(1) || 'interval=month'}`);
    paths.push(`/api/areas/cuadrante/C-1.1.1/series?vintage=2016&from=2015-01-01&to=2016-01-01${c}`);
  }
  return paths;
}

describe('mixed public traffic at half the measured capacity', () => {
  let store: TestStore;
  let server: TestServer;
  const paths = publicPaths();

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await store?.close();
  });

  it('every public path of the mix answers 200 without a token', async () => {
    for (const path of paths) {
      const res = await fetch(server.url + path);
      expect(res.status, `${path}: ${res.status === 200 ? '' : await res.text()}`).toBe(200);
      await res.arrayBuffer();
    }
  }, 120_000);

  it(
    `serves ${LOAD_SECONDS} s at 50 % of capacity with zero errors, nothing lost`,
    async () => {
      const capacity = await runAutocannon(
        { url: server.url, paths, connections: CAPACITY_CONNECTIONS, duration: CAPACITY_SECONDS, timeout: 30 },
        (CAPACITY_SECONDS + 60) * 1000,
      );
      figure(
        `capacity: ${capacity.requestsPerSecond.toFixed(0)} req/s at ${CAPACITY_CONNECTIONS} connections for ${CAPACITY_SECONDS} s ` +
          `(p50 ${capacity.p50} ms, p99 ${capacity.p99} ms; errors ${capacity.errors}, non-2xx ${capacity.non2xx}, ${paths.length} distinct paths)`,
      );
      expect(capacity.requestsPerSecond).toBeGreaterThan(0);

      const rate = Math.max(1, Math.floor(capacity.requestsPerSecond / 2));
      const amount = rate * LOAD_SECONDS;
      const load = await runAutocannon(
        { url: server.url, paths, connections: LOAD_CONNECTIONS, amount, overallRate: rate, timeout: 10 },
        // generous bound: at half capacity it should take LOAD_SECONDS; a stuck server fails the test instead of hanging it
        (LOAD_SECONDS * 3 + 60) * 1000,
      );
      figure(
        `load: ${amount} requests at ${rate} req/s target (${LOAD_CONNECTIONS} connections) → ${load.requestsPerSecond.toFixed(0)} req/s over ` +
          `${load.seconds.toFixed(1)} s; p50 ${load.p50} ms, p90 ${load.p90} ms, p99 ${load.p99} ms (target p99 ≤ ${P99_TARGET_MS} ms: ` +
          `${load.p99 <= P99_TARGET_MS ? 'met' : 'NOT met'}), max ${load.max} ms; sent ${load.sent}, answered ${load.answered}, ` +
          `2xx ${load.ok2xx}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}`,
      );
      expect(load.errors).toBe(0);
      expect(load.timeouts).toBe(0);
      expect(load.non2xx, JSON.stringify(load.statusCodes)).toBe(0);
      // every one of the `amount` requests answered 2xx: a lost one would have ended as a timeout or an
      // error. (`sent` may exceed `amount`: requests written after the amount was reached are dropped
      // by autocannon when it stops — its bookkeeping, printed above, not the server's.)
      expect(load.ok2xx).toBe(amount);
      expect(load.answered).toBe(amount);
    },
    (LOAD_SECONDS * 3 + 200) * 1000,
  );
});
