/**
 * Citizen-report benchmark: reports/s accepted by `POST /api/reports` under
 * autocannon, with validation on (zod schema, dates, consent, honeypot, Origin check, redaction, and
 * for the typed place the free-text geocoder), each accepted report written to the moderation queue.
 * The per-IP rate limit is configured off (`REPORTS_RATE_LIMIT=0`, the documented switch) so the
 * figure measures the server, not the limiter.
 *
 * Two bodies: a point picked on the map, and a typed place ("colonia Santo Domingo, Coyoacán") that is
 * geocoded on each request. The floor, measured in the same run: a bare `node:http` server that reads
 * the same request body and answers the same 201 bytes — what any server must do at the least.
 * Afterwards the stored rows are counted against the 201s autocannon saw.
 *
 * Run alone: `npx tsx bench/reports.bench.ts` (PostgreSQL in a throwaway cluster, and PGlite;
 * `BENCH_BACKENDS` picks, `BENCH_API_SECONDS` (default 6) sets each run's length).
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { sql } from 'kysely';
import type { Backend } from '../db/connect.ts';
import { createApp } from '../server/app.ts';
import { fmtMs, fmtPct, isMain, runCleanups, table } from './bench-env.ts';
import { listenApp, withTimeout, type Listening, type LoadResult } from './http-load.ts';
import { freshStore } from './import.bench.ts';
import type { Store } from '../db/connect.ts';

const BODIES = {
  point: {
    category: 'robo_transeunte',
    date: '2024-05-10',
    hour: 21,
    where: { lat: 19.4326, lon: -99.1332 },
    consent: true,
    description: 'Me quitaron el celular, llamen al 55 1234 5678',
  },
  text: {
    category: 'robo_transeunte',
    date: '2024-05-10',
    hour: 21,
    where: { text: 'colonia Santo Domingo, Coyoacán' },
    consent: true,
    description: 'Asalto en la esquina',
  },
} as const;

export interface ReportsCase {
  backend: Backend | 'bare';
  body: keyof typeof BODIES;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  non2xx: number;
  ratioToBare: number;
}

const autocannonBin = createRequire(import.meta.url).resolve('autocannon/autocannon.js');

/** autocannon POSTing `body` as JSON, in a child process (the load generator never shares the server's loop). */
function autocannonPost(url: string, body: string, seconds: number, connections: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const args = [
      autocannonBin,
      '-j',
      '-c',
      String(connections),
      '-d',
      String(seconds),
      '-m',
      'POST',
      '-H',
      'content-type=application/json',
      '-b',
      body,
      url,
    ];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited ${code}: ${err.slice(-1000)}`));
      const r = JSON.parse(out);
      resolve({
        p50: r.latency.p50,
        p99: r.latency.p99,
        requestsPerSecond: r.requests.average,
        requests: r.requests.total,
        non2xx: r.non2xx ?? 0,
        errors: (r.errors ?? 0) + (r.timeouts ?? 0),
      });
    });
  });
}

/** The floor: reads the request body, answers fixed bytes with the app's status and headers. */
async function listenBareReports(
  status: number,
  headers: Record<string, string>,
  bytes: Uint8Array,
): Promise<Listening> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
      res.writeHead(status, { ...headers, 'Content-Length': String(bytes.byteLength) });
      res.end(bytes);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      withTimeout(
        new Promise<void>((r) => (server.closeAllConnections(), server.close(() => r()))),
        5000,
        'bare close',
      ),
  };
}

const OWN_HEADERS = new Set(['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding']);

export async function run(
  opts: { backends?: Backend[]; seconds?: number; connections?: number; log?: (l: string) => void } = {},
): Promise<ReportsCase[]> {
  const log = opts.log ?? ((l: string) => console.log(l));
  const seconds = opts.seconds ?? Number(process.env.BENCH_API_SECONDS ?? 6);
  const connections = opts.connections ?? 10;
  const backends =
    opts.backends ?? ((process.env.BENCH_BACKENDS?.split(',').filter(Boolean) ?? ['postgres', 'pglite']) as Backend[]);
  // The documented switch (server/reports/guard.ts): 0 = no per-IP limit, so one load generator is not throttled.
  process.env.REPORTS_RATE_LIMIT = '0';
  const cases: ReportsCase[] = [];

  for (const backend of backends) {
    const { store, dispose } = await freshStore(backend, 'bench_reports');
    let server: Listening | undefined;
    try {
      server = await listenApp(createApp({ store }));
      for (const [name, body] of Object.entries(BODIES) as [
        keyof typeof BODIES,
        (typeof BODIES)[keyof typeof BODIES],
      ][]) {
        const json = JSON.stringify(body);
        // One request first: the geocoder is built on first use, and the response is what the floor answers.
        const first = await fetch(`${server.url}/api/reports`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: json,
        });
        const bytes = new Uint8Array(await first.arrayBuffer());
        if (first.status !== 201)
          throw new Error(
            `${backend} ${name}: POST /api/reports answered ${first.status}: ${new TextDecoder().decode(bytes)}`,
          );
        const headers = Object.fromEntries([...first.headers].filter(([k]) => !OWN_HEADERS.has(k)));
        const bare = await listenBareReports(201, headers, bytes);
        try {
          // Interleaved: bare, app, bare — the floor is the mean of the two bare runs around the app's.
          const b1 = await autocannonPost(`${bare.url}/api/reports`, json, seconds, connections);
          const before = await countReports(store);
          const app = await autocannonPost(`${server.url}/api/reports`, json, seconds, connections);
          const stored = (await countReports(store)) - before;
          const b2 = await autocannonPost(`${bare.url}/api/reports`, json, seconds, connections);
          const bareRps = (b1.requestsPerSecond + b2.requestsPerSecond) / 2;
          const accepted = app.requests - app.non2xx;
          if (Math.abs(stored - accepted) > connections)
            log(`warning: ${backend} ${name}: ${stored} rows stored for ${accepted} 201 answers`);
          cases.push({
            backend: 'bare',
            body: name,
            requestsPerSecond: bareRps,
            p50: (b1.p50 + b2.p50) / 2,
            p99: Math.max(b1.p99, b2.p99),
            non2xx: b1.non2xx + b2.non2xx,
            ratioToBare: 1,
          });
          cases.push({
            backend,
            body: name,
            requestsPerSecond: app.requestsPerSecond,
            p50: app.p50,
            p99: app.p99,
            non2xx: app.non2xx,
            ratioToBare: app.requestsPerSecond / bareRps,
          });
          log(`${backend} ${name}: ${app.requests} requests, ${app.non2xx} non-2xx, ${stored} reports stored`);
        } finally {
          await bare.close();
        }
      }
    } finally {
      await server?.close();
      await dispose();
    }
  }
  log(`\nPOST /api/reports, autocannon ${connections} connections × ${seconds} s, REPORTS_RATE_LIMIT=0`);
  log(
    table(
      ['server', 'body', 'reports/s', 'p50 ms', 'p99 ms', 'non-2xx', 'of bare'],
      cases.map((c) => [
        c.backend,
        c.body,
        c.requestsPerSecond.toFixed(0),
        fmtMs(c.p50),
        fmtMs(c.p99),
        c.non2xx,
        fmtPct(c.ratioToBare),
      ]),
    ),
  );
  return cases;
}

async function countReports(store: Pick<Store, 'db'>): Promise<number> {
  const r = await sql<{ n: string }>`SELECT count(*) AS n FROM citizen_reports`.execute(store.db);
  return Number(r.rows[0]!.n);
}

if (isMain(import.meta.url)) {
  run()
    .then(() => (runCleanups(), process.exit(0)))
    .catch((err) => {
      console.error(err);
      runCleanups();
      process.exit(1);
    });
}
