/**
 * The deployment the README describes, for real, on loopback: a PostgreSQL primary and a streaming
 * hot standby (`pg_basebackup -R`), two API processes (`server/main.ts`) sharing them, and Debian's
 * nginx with `deploy/nginx.conf` terminating TLS (a throwaway self-signed certificate) and balancing
 * the two. Every request of the citizen-facing cases goes through nginx over HTTPS; client addresses
 * are told apart by the loopback address the test connects from (127.0.0.x), which nginx passes on.
 *
 * The store holds the real-row sample (tests/support/fixture.ts), not the full import, so the API
 * processes start in seconds.
 */
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { createApp } from '../../server/app.ts';
import { REPLICATION_SETTINGS, startCluster, startStandby, type Cluster } from '../harness/postgres-cluster.ts';
import { seedSample } from '../support/fixture.ts';
import { freePort, spawnServer, tempDir, waitReady, type ServerProcess } from '../load/helpers.ts';
import { selfSignedCertificate, startNginx, type RunningNginx } from './nginx.ts';
import { startNewsServer, type NewsServer } from '../support/news/local-news-server.ts';
import { writeFileSync } from 'node:fs';

const HOST = 'mapa.test';
const ZOCALO = { lat: 19.4326, lon: -99.1332 };
const REPORT = {
  category: 'robo_transeunte',
  date: '2015-06-10',
  hour: 21,
  where: ZOCALO,
  consent: true,
  description: 'Prueba de despliegue',
};
const LOGIN = { email: 'enlace-despliegue@example.mx', password: randomBytes(12).toString('base64url') };
/** the sample's months: hotspot reads over them have cells */
const HOTSPOTS = '/api/hotspots?res=7&from=2015-01-01&to=2015-12-01';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

let primary: Cluster;
let standby: Cluster;
let primaryUrl: string;
let standbyUrl: string;
let a: ServerProcess;
let b: ServerProcess;
let nginx: RunningNginx;
let httpsPort: number;
let cert: string;
let news: NewsServer;

/** One request through nginx over HTTPS, from the loopback address `from` (the client's IP). */
function viaNginx(
  path: string,
  opts: { method?: string; body?: unknown; from?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      {
        host: '127.0.0.1',
        port: httpsPort,
        servername: HOST,
        ca: cert,
        path,
        method: opts.method ?? 'GET',
        localAddress: opts.from ?? '127.0.0.1',
        agent: false,
        headers: {
          Host: `${HOST}:${httpsPort}`,
          ...(body ? { 'Content-Type': 'application/json', Origin: `https://${HOST}:${httpsPort}` } : {}),
          ...opts.headers,
        },
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** A request straight to one instance (no proxy). */
async function direct(server: ServerProcess, path: string, init: RequestInit = {}): Promise<Response> {
  return fetch(`${server.url}${path}`, init);
}

const report = (from: string) => viaNginx('/api/reports', { method: 'POST', body: REPORT, from });

/**
 * The last statement of every client connection to database `mapa` on `url` (pg_stat_activity keeps
 * it after the statement ends), leaving out the data-version reads of `meta`.
 */
async function lastQueries(url: string): Promise<string[]> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const rows =
      await sql`SELECT query FROM pg_stat_activity WHERE datname = 'mapa' AND backend_type = 'client backend' AND pid <> pg_backend_pid()`;
    return rows.map((r) => String(r.query)).filter((q) => !/\bmeta\b/.test(q));
  } finally {
    await sql.end();
  }
}

function mapaUrl(cluster: Cluster): string {
  return cluster.url.replace(/\/postgres$/, '/mapa');
}

/** Synchronous, so it also runs when the test process is interrupted. */
function stopClusters() {
  standby?.stop();
  primary?.stop();
}

beforeAll(async () => {
  process.once('exit', stopClusters);
  const work = tempDir('mapa-deploy-');
  primary = await startCluster({ settings: REPLICATION_SETTINGS });
  const admin = postgres(primary.url, { max: 1, onnotice: () => {} });
  await admin.unsafe('CREATE DATABASE mapa');
  await admin.end();
  primaryUrl = mapaUrl(primary);
  const store = await openStore({ databaseUrl: primaryUrl });
  await seedSample(store);
  await createUser(store, { ...LOGIN, role: 'enlace', name: 'Enlace de prueba', territory: [] });
  await store.close();
  standby = await startStandby(primary);
  standbyUrl = mapaUrl(standby);

  // one news source on the local news server, on the schedule of both instances (a minute lasts a second)
  news = await startNewsServer({ articles: [] });
  const newsConfig = join(work, 'news-sources.json');
  writeFileSync(
    newsConfig,
    JSON.stringify({
      schedule: { enabled: true, intervalMinutes: 60 },
      fetch: { delayMs: 0 },
      sources: [{ id: 'local', outlet: 'Local', kind: 'feed', url: news.feedUrl }],
    }),
  );

  const env = {
    DATABASE_REPLICA_URL: standbyUrl,
    TRUST_PROXY: '127.0.0.1',
    SESSION_KEY: randomBytes(32).toString('hex'),
    CHAT_SALT: randomBytes(32).toString('hex'),
    REPORTS_RATE_LIMIT: '10',
    NEWS_CONFIG: newsConfig,
    SCHEDULE_MINUTE_SECONDS: '1',
    LOG_LEVEL: 'info',
    NODE_ENV: 'production',
  };
  [a, b] = await Promise.all([
    spawnServer({ dataDir: join(work, 'a'), databaseUrl: primaryUrl, env }),
    spawnServer({ dataDir: join(work, 'b'), databaseUrl: primaryUrl, env }),
  ]);
  await Promise.all([waitReady(a), waitReady(b)]);

  const tls = selfSignedCertificate(work, HOST);
  cert = readFileSync(tls.cert, 'utf8');
  httpsPort = await freePort();
  nginx = await startNginx({
    MAPA_SERVER_NAME: HOST,
    MAPA_LISTEN: String(httpsPort),
    MAPA_CERT: tls.cert,
    MAPA_KEY: tls.key,
    MAPA_UPSTREAM_A: `127.0.0.1:${a.port}`,
    MAPA_UPSTREAM_B: `127.0.0.1:${b.port}`,
    MAPA_RUN_DIR: join(work, 'nginx'),
  });
}, 180_000);

afterAll(async () => {
  await nginx?.stop();
  await Promise.all([a?.stop(), b?.stop()]);
  await news?.close();
  stopClusters();
});

describe('deployment: nginx (TLS) → two API instances → PostgreSQL primary + streaming replica', () => {
  it('accepts a citizen report from the site’s own HTTPS origin', async () => {
    const res = await report('127.0.0.1');
    expect(res.status, res.body).toBe(201);
    expect(JSON.parse(res.body).folio).toBeTruthy();
    expect(res.headers['x-request-id']).toBeTruthy();
  });

  it('limits 10 reports a minute per client IP across both instances; another IP is unaffected', async () => {
    // the limit counts per calendar minute: start early in one, so that all 11 fall in the same window
    const intoMinute = Date.now() % 60_000;
    if (intoMinute > 40_000) await new Promise((r) => setTimeout(r, 60_500 - intoMinute));
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await report('127.0.0.2')).status);
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    // nginx balanced them over both instances (each writes an access line per request)
    const posts = (s: ServerProcess) =>
      s
        .log()
        .split('\n')
        .filter((l) => l.includes('"POST"') && l.includes('/api/reports')).length;
    expect(posts(a)).toBeGreaterThan(0);
    expect(posts(b)).toBeGreaterThan(0);
    expect((await report('127.0.0.3')).status).toBe(201);
  });

  it('runs a news pass scheduled on both instances once', async () => {
    const sql = postgres(primaryUrl, { max: 1, onnotice: () => {} });
    try {
      const runs = () => sql`SELECT instance, status FROM job_runs WHERE job = 'noticias'`;
      const deadline = Date.now() + 30_000;
      while ((await runs()).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 250));
      // both instances tick every second meanwhile: the other one holds the lock, then finds the pass recorded
      await new Promise((r) => setTimeout(r, 3000));
      const recorded = await runs();
      expect(recorded).toHaveLength(1);
      expect(recorded[0]!.status).toBe('ok');
      expect(news.log.filter((r) => r.path === new URL(news.feedUrl).pathname)).toHaveLength(1);
    } finally {
      await sql.end();
    }
  });

  it('keeps a session opened on instance A valid on instance B', async () => {
    const login = await direct(a, '/api/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: a.url },
      body: JSON.stringify(LOGIN),
    });
    expect(login.status).toBe(200);
    const cookie = /^(mc_session=[^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1];
    expect(cookie).toBeTruthy();
    const onB = await (await direct(b, '/api/session', { headers: { Cookie: cookie! } })).json();
    expect(onB.user?.email).toBe(LOGIN.email);
  });

  it('serves a hotspot read from the replica, equal to the primary’s answer', async () => {
    const path = `${HOTSPOTS}&category=robo_transeunte`;
    const res = await viaNginx(path);
    expect(res.status).toBe(200);
    // the public hotspot read counts incidents by cell (from the maintained aggregates, or the raw
    // incidents for a partial month): its statement is the last one of a replica connection
    const incidentReads = (queries: string[]) => queries.filter((q) => /from "?(incidents|cell_months)\b/i.test(q));
    expect(
      incidentReads(await lastQueries(standbyUrl)).length,
      (await lastQueries(standbyUrl)).join('\n'),
    ).toBeGreaterThan(0);
    expect(incidentReads(await lastQueries(primaryUrl))).toEqual([]);
    const store = await openStore({ databaseUrl: primaryUrl });
    try {
      const onPrimary = await createApp({ store }).request(path);
      expect(JSON.parse(res.body)).toEqual(await onPrimary.json());
      expect(res.headers['x-data-version']).toBe(onPrimary.headers.get('x-data-version'));
      expect(String(res.headers.vary ?? '')).not.toMatch(/cookie/i);
    } finally {
      await store.close();
    }
  });

  it('loses no acknowledged report when instance A is killed mid-traffic, and nginx keeps answering from B', async () => {
    const acknowledged: string[] = [];
    const statuses: number[] = [];
    for (let i = 0; i < 24; i++) {
      if (i === 8) a.kill('SIGKILL');
      // a new client address every 4 reports: the rate limit stays out of the way
      const res = await report(`127.0.1.${Math.floor(i / 4) + 1}`);
      statuses.push(res.status);
      if (res.status === 201) acknowledged.push(JSON.parse(res.body).folio);
    }
    await a.exited;
    // at most the one report in flight when A died is refused (502: not acknowledged)
    expect(statuses.filter((s) => s !== 201).length).toBeLessThanOrEqual(1);
    expect(statuses.slice(-8)).toEqual(Array(8).fill(201));
    const sql = postgres(primaryUrl, { max: 1, onnotice: () => {} });
    try {
      const stored = await sql`SELECT folio FROM citizen_reports WHERE folio = ANY(${acknowledged})`;
      expect(stored.map((r) => r.folio).sort()).toEqual([...acknowledged].sort());
    } finally {
      await sql.end();
    }
    for (let i = 0; i < 4; i++) expect((await viaNginx('/api/health')).status).toBe(200);
  });

  it('falls back to the primary without a 5xx when the replica stops', async () => {
    standby.halt();
    const statuses: number[] = [];
    // new URLs each time: a cached answer would prove nothing
    for (const year of [2013, 2014, 2015, 2016]) {
      statuses.push((await viaNginx(`/api/hotspots?res=8&from=${year}-02-01&to=${year}-11-01`)).status);
    }
    expect(statuses).toEqual([200, 200, 200, 200]);
  });
});
