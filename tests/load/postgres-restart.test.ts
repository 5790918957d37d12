/**
 * PostgreSQL restarted under load — the server reconnects without a restart, and
 * `/api/health` reports unhealthy (503, `ok: false`, `db_unavailable`) while the database is down.
 *
 * A throwaway cluster of this file's own (`startCluster` from the harness makes a new folder and
 * port each call; the harness's shared cluster is never touched), a database holding the migrated
 * schema plus one small import (the hand-written FGJ fixture, so the server skips its first-start
 * import), and a real server process on it. A few client loops keep requesting public paths while
 * the cluster is (1) restarted with `pg_ctl restart -m fast`, then (2) stopped, checked, and started.
 * Every request's outcome is counted and printed; the server must never drop a connection or exit,
 * answer nothing but 200 or 503 `db_unavailable` meanwhile, and answer 200 again afterwards.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../db/connect.ts';
import { importOfficialFile } from '../../etl/official/index.ts';
import { startCluster, type Cluster } from '../harness/postgres-cluster.ts';
import { figure, REPO_ROOT, startServer, tempDir, waitFor, type ServerProcess } from './helpers.ts';

const FIXTURE = join(REPO_ROOT, 'etl/official/fixtures/fgj_carpetas_handwritten.csv');
const CLIENTS = 4;
const PATHS = [
  '/api/health',
  '/api/categories',
  '/api/hotspots?res=8&from=2019-01-01&to=2020-01-01',
  '/api/rank?kind=alcaldia&from=2019-01-01&to=2020-01-01&by=count&limit=16',
];

/** `pg_ctl ACTION` on this file's cluster (as `postgres` when root, like the harness). */
function pgCtl(cluster: Cluster, args: string[]) {
  const bin =
    spawnSync('sh', ['-c', 'command -v pg_ctl'], { encoding: 'utf8' }).stdout.trim() ||
    '/usr/lib/postgresql/15/bin/pg_ctl';
  const argv = [
    '-D',
    join(cluster.dir, 'data'),
    '-l',
    join(cluster.dir, 'server.log'),
    '-o',
    `-p ${cluster.port}`,
    '-w',
    '-t',
    '60',
    ...args,
  ];
  const [cmd, all] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', bin, ...argv]] : [bin, argv];
  const r = spawnSync(cmd, all, { cwd: cluster.dir, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pg_ctl ${args.join(' ')} failed: ${r.stderr || r.stdout}`);
}

interface Tally {
  ok: number;
  unavailable: number;
  other: Record<string, number>;
  connectionErrors: number;
}
const emptyTally = (): Tally => ({ ok: 0, unavailable: 0, other: {}, connectionErrors: 0 });
const show = (t: Tally) =>
  `${t.ok} × 200, ${t.unavailable} × 503 db_unavailable, other ${JSON.stringify(t.other)}, ${t.connectionErrors} connection errors`;

/** Client loops requesting PATHS in turn until stopped; outcomes go to the tally of the current phase. */
function driveLoad(url: string) {
  const tallies = new Map<string, Tally>();
  let phase = 'before';
  let running = true;
  const record = async (path: string) => {
    const t = tallies.get(phase) ?? tallies.set(phase, emptyTally()).get(phase)!;
    try {
      const res = await fetch(url + path, { signal: AbortSignal.timeout(20_000) });
      const body = (await res.json()) as { error?: { code?: string } };
      if (res.status === 200) t.ok++;
      else if (res.status === 503 && body.error?.code === 'db_unavailable') t.unavailable++;
      else
        t.other[`${res.status} ${body.error?.code ?? ''} ${path}`] =
          (t.other[`${res.status} ${body.error?.code ?? ''} ${path}`] ?? 0) + 1;
    } catch {
      t.connectionErrors++;
    }
  };
  const loops = Array.from({ length: CLIENTS }, async (_, i) => {
    for (let n = i; running; n++) await record(PATHS[n % PATHS.length]);
  });
  return {
    tallies,
    setPhase: (p: string) => (phase = p),
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

async function health(url: string): Promise<{ status: number; ok: boolean; code?: string }> {
  const get = () => fetch(`${url}/api/health`, { signal: AbortSignal.timeout(20_000) });
  let res: Response;
  try {
    res = await get();
  } catch (err) {
    // A pooled keep-alive socket that the server closed just as this request went out (undici's
    // "other side closed"): retry once on a new connection. A dead server fails the retry too.
    if ((err as { cause?: { code?: string } }).cause?.code !== 'UND_ERR_SOCKET') throw err;
    res = await get();
  }
  const body = (await res.json()) as { ok: boolean; error?: { code: string } };
  return { status: res.status, ok: body.ok, code: body.error?.code };
}

describe('PostgreSQL restarted under load', () => {
  let cluster: Cluster;
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    cluster = await startCluster();
    const admin = postgres(cluster.url, { max: 1, onnotice: () => {} });
    await admin.unsafe('CREATE DATABASE mapa_faults');
    await admin.end();
    const url = cluster.url.replace(/\/postgres$/, '/mapa_faults');
    const store = await openStore({ databaseUrl: url });
    await importOfficialFile(store, FIXTURE, { format: 'fgj_carpetas' });
    await store.close();
    server = await startServer({ dataDir: join(tempDir('mapa-pg-restart-'), 'var'), databaseUrl: url });
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
    // the cluster may have been left stopped by a failed test: stop() only stops a running one
    if (cluster && !existsSync(join(cluster.dir, 'data', 'postmaster.pid'))) pgCtl(cluster, ['start']);
    cluster?.stop();
  });

  it('answers 503 ok:false while the database is down, and 200 again after it returns, without a restart', async () => {
    try {
      await restartUnderLoad();
    } catch (err) {
      // a dead server and a refused request look alike from here: say which it was
      const child = server!.child;
      const exit = child.exitCode ?? child.signalCode;
      throw new Error(
        `${(err as Error).message}${exit === null ? ' (server still running)' : ` (server exited: ${exit})`}\n${server!.log().slice(-3000)}`,
        { cause: err },
      );
    }
  }, 300_000);

  async function restartUnderLoad() {
    const url = server!.url;
    expect(await health(url)).toEqual({ status: 200, ok: true, code: undefined });
    const load = driveLoad(url);
    await new Promise((r) => setTimeout(r, 2000));

    load.setPhase('restart');
    const t0 = Date.now();
    pgCtl(cluster, ['restart', '-m', 'fast']);
    await waitFor(async () => (await health(url)).status === 200, 60_000, 'health 200 after pg_ctl restart');
    const restartMs = Date.now() - t0;

    load.setPhase('down');
    pgCtl(cluster, ['stop', '-m', 'fast']);
    const downAt = Date.now();
    await waitFor(async () => (await health(url)).status === 503, 30_000, 'health 503 while stopped');
    const down = await health(url);
    await new Promise((r) => setTimeout(r, 3000)); // load meets the outage for a while
    const stillDown = await health(url);

    load.setPhase('back');
    pgCtl(cluster, ['start']);
    await waitFor(async () => (await health(url)).status === 200, 60_000, 'health 200 after pg_ctl start');
    const outageMs = Date.now() - downAt;
    load.setPhase('after');
    await new Promise((r) => setTimeout(r, 2000));
    await load.stop();

    for (const [phase, t] of load.tallies) figure(`postgres-restart [${phase}]: ${show(t)}`);
    figure(
      `postgres-restart: health back to 200 ${restartMs} ms after pg_ctl restart began; outage (stop → health 200 after start) ${outageMs} ms`,
    );

    expect(down).toEqual({ status: 503, ok: false, code: 'db_unavailable' });
    expect(stillDown).toEqual(down);
    expect(await health(url)).toEqual({ status: 200, ok: true, code: undefined });
    expect(server!.child.exitCode).toBeNull(); // reconnected without a restart of the server
    for (const [phase, t] of load.tallies) {
      expect(t.connectionErrors, phase).toBe(0);
      expect(t.other, phase).toEqual({});
    }
    expect(load.tallies.get('down')?.unavailable ?? 0).toBeGreaterThan(0);
    expect(load.tallies.get('before')?.unavailable ?? 0).toBe(0);
    expect(load.tallies.get('after')?.unavailable ?? 0).toBe(0);
    expect(load.tallies.get('after')?.ok ?? 0).toBeGreaterThan(0);
  }
});
