/**
 * Global setup of the `db` test project. Once per run:
 *  - starts a throwaway PostgreSQL 15 cluster (or uses `TEST_DATABASE_URL`; `DATABASE_URL` is never read);
 *  - imports the bundled data once per backend: into the template database `mapa_template`
 *    (PostgreSQL) and, in a child process, into an in-memory PGlite whose compacted data-dir dump
 *    is written to a file (and cached across runs in .test-artifacts/);
 *  - makes sure headless Chromium is there for the browser test;
 * and hands all that to test files with `provide` (see `context.ts`, used by `stores.ts`).
 * The teardown stops the cluster and deletes every temporary folder, also when tests fail;
 * exit and signal handlers do the same if the run dies before the teardown.
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import postgres from 'postgres';
import { sql } from 'kysely';
import type { TestProject } from 'vitest/node';
import { openStore, type Store } from '../../db/connect.ts';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { startCluster, type Cluster } from './postgres-cluster.ts';
import { chromiumInfo } from './chromium.ts';
import type { ChildResult } from './pglite-import-child.ts';
import { cachedDumpPath, importInto, loadImporter, sourcesHash, writeCachedDump } from './bundled-import.ts';
import type { HarnessTimings, PGliteInfo, PostgresInfo } from './context.ts';
import { ensureWebBuild } from '../../server/static/index.ts';

const log = (line: string) => process.stderr.write(`${line}\n`);
const since = (t0: number) => Math.round(performance.now() - t0);

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const t0 = performance.now();
  const cleanups: (() => void | Promise<void>)[] = [];
  const syncCleanups: (() => void)[] = [];
  const onSignal = (signal: NodeJS.Signals) => {
    runSync(syncCleanups);
    // Let the process die as it would have, unless someone else (vitest) handles the signal too.
    if (process.listenerCount(signal) === 1) {
      removeHandlers();
      process.kill(process.pid, signal);
    }
  };
  const onExit = () => runSync(syncCleanups);
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  process.on('exit', onExit);
  for (const s of signals) process.on(s, onSignal);
  const removeHandlers = () => {
    process.off('exit', onExit);
    for (const s of signals) process.off(s, onSignal);
  };
  const teardown = async () => {
    for (const fn of cleanups.reverse()) {
      try {
        await fn();
      } catch (err) {
        log(`[harness] cleanup failed: ${(err as Error).message}`);
      }
    }
    runSync(syncCleanups);
    removeHandlers();
  };

  try {
    const timings: HarnessTimings = {
      clusterStartMs: null,
      postgresImportMs: null,
      pgliteImportMs: null,
      pgliteDumpMs: null,
      pgliteDumpCached: false,
      chromiumMs: null,
      totalMs: 0,
    };

    let t = performance.now();
    const chromium = chromiumInfo();
    timings.chromiumMs = since(t);
    if (chromium.error) log(`[harness] WARNING: browser tests will fail: ${chromium.error}`);
    project.provide('harness:chromium', chromium);

    // PostgreSQL server: our own cluster, or the one TEST_DATABASE_URL names.
    let adminUrl = process.env.TEST_DATABASE_URL;
    const throwaway = !adminUrl;
    if (!adminUrl) {
      t = performance.now();
      const cluster: Cluster = await startCluster();
      timings.clusterStartMs = since(t);
      syncCleanups.push(() => cluster.stop());
      adminUrl = cluster.url;
      log(`[harness] PostgreSQL cluster on port ${cluster.port} in ${timings.clusterStartMs} ms`);
    }

    const importer = await loadImporter();
    if (!importer) log('[harness] WARNING: etl/bundled.ts does not exist yet: test stores start empty');
    project.provide('harness:imported', importer !== null);

    const dumpDir = mkdtempSync(join(tmpdir(), 'mapa-pglite-'));
    syncCleanups.push(() => rmSync(dumpDir, { recursive: true, force: true }));

    // The two imports run side by side: PGlite's in a child process (the second core), while this
    // process feeds PostgreSQL.
    // allSettled: on failure, wait for the other side before the teardown removes its folders.
    const [pgResult, pgliteResult] = await Promise.allSettled([
      preparePostgres(adminUrl, throwaway, importer, timings, cleanups),
      preparePGlite(dumpDir, importer, timings, syncCleanups),
    ]);
    if (pgResult.status === 'rejected') throw pgResult.reason;
    if (pgliteResult.status === 'rejected') throw pgliteResult.reason;
    const [pgInfo, pgliteInfo] = [pgResult.value, pgliteResult.value];
    project.provide('harness:postgres', pgInfo);
    project.provide('harness:pglite', pgliteInfo);

    // Build the web app once, here: the browser tests and the `npm start` test would otherwise
    // race to build it in parallel workers on a fresh clone (vite empties web/dist first).
    await ensureWebBuild((msg) => log(`[harness] ${msg}`), { rebuildStale: true });

    timings.totalMs = since(t0);
    project.provide('harness:timings', timings);
    log(`[harness] global setup done in ${timings.totalMs} ms ${JSON.stringify(timings)}`);
    return teardown;
  } catch (err) {
    await teardown();
    throw err;
  }
}

type Importer = Awaited<ReturnType<typeof loadImporter>>;

async function preparePostgres(
  adminUrl: string,
  throwaway: boolean,
  importer: Importer,
  timings: HarnessTimings,
  cleanups: (() => void | Promise<void>)[],
): Promise<PostgresInfo> {
  // On a shared server (TEST_DATABASE_URL) several runs may coexist: give the templates unique names.
  const suffix = throwaway ? '' : `_${randomBytes(4).toString('hex')}`;
  const info: PostgresInfo = {
    adminUrl,
    fullTemplate: `mapa_template${suffix}`,
    emptyTemplate: `mapa_empty${suffix}`,
    throwaway,
  };
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    for (const name of [info.emptyTemplate, info.fullTemplate]) {
      await admin.unsafe(`CREATE DATABASE ${name}`);
      if (!throwaway) {
        cleanups.push(async () => {
          const conn = postgres(adminUrl, { max: 1, onnotice: () => {} });
          await conn.unsafe(`ALTER DATABASE ${name} IS_TEMPLATE false`);
          await conn.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
          await conn.end();
        });
      }
    }
    await withStore(databaseUrl(adminUrl, info.emptyTemplate), async () => {});
    await withStore(databaseUrl(adminUrl, info.fullTemplate), async (store) => {
      if (!importer) return;
      const t = performance.now();
      await importInto(importer, store, log);
      await sql`VACUUM ANALYZE`.execute(store.db);
      timings.postgresImportMs = since(t);
      log(`[harness] postgres import in ${timings.postgresImportMs} ms`);
    });
    // No connections may remain to a template while it is copied; forbid them from now on.
    for (const name of [info.emptyTemplate, info.fullTemplate]) {
      await admin.unsafe(`ALTER DATABASE ${name} WITH IS_TEMPLATE true ALLOW_CONNECTIONS false`);
    }
    return info;
  } finally {
    await admin.end();
  }
}

async function preparePGlite(
  dumpDir: string,
  importer: Importer,
  timings: HarnessTimings,
  syncCleanups: (() => void)[],
): Promise<PGliteInfo> {
  // The dumps are cached across runs (in .test-artifacts/) only when there is an import to save;
  // the key hashes every input of the import, so any change to data or code makes a new one.
  const cacheKey = importer && !process.env.HARNESS_NO_CACHE ? sourcesHash() : null;
  const info: PGliteInfo = { fullDump: join(dumpDir, 'full.tar'), emptyDump: join(dumpDir, 'empty.tar') };
  if (cacheKey) {
    const [full, empty] = [cachedDumpPath('full', cacheKey), cachedDumpPath('empty', cacheKey)];
    if (existsSync(full) && existsSync(empty)) {
      // Copied, so that another run replacing the cache meanwhile cannot pull them from under us.
      copyFileSync(full, info.fullDump);
      copyFileSync(empty, info.emptyDump);
      timings.pgliteDumpCached = true;
      log(`[harness] PGlite dumps from the cache (${full})`);
      return info;
    }
  }
  const t = performance.now();
  const result = await runChild(dumpDir, syncCleanups);
  timings.pgliteImportMs = result.importMs;
  timings.pgliteDumpMs = result.dumpMs;
  log(`[harness] pglite (child process) import+dump in ${since(t)} ms ${JSON.stringify(result)}`);
  if (result.imported !== (importer !== null))
    throw new Error('the PGlite import child saw a different etl/bundled.ts');
  if (cacheKey) {
    for (const kind of ['empty', 'full'] as const) {
      writeCachedDump(kind, cacheKey, readFileSync(kind === 'full' ? info.fullDump : info.emptyDump));
    }
  }
  return info;
}

/** Runs pglite-import-child.ts (a second core for the PGlite import); killed if the run dies. */
function runChild(dumpDir: string, syncCleanups: (() => void)[]): Promise<ChildResult> {
  const script = fileURLToPath(new URL('./pglite-import-child.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script, dumpDir], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const kill = () => child.kill('SIGKILL');
  syncCleanups.push(kill);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => {
      syncCleanups.splice(syncCleanups.indexOf(kill), 1);
      if (code !== 0)
        return reject(
          new Error(`the PGlite import (child process) failed with exit code ${code}; see its output above`),
        );
      try {
        resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '') as ChildResult);
      } catch {
        reject(new Error(`the PGlite import child printed no result: ${stdout.slice(-500)}`));
      }
    });
  });
}

async function withStore(where: string | { memory: true }, fn: (store: Store) => Promise<void>) {
  const store = await openStore(typeof where === 'string' ? { databaseUrl: where } : where);
  try {
    await fn(store);
  } finally {
    await store.close();
  }
}

function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runSync(fns: (() => void)[]) {
  while (fns.length) {
    try {
      fns.pop()!();
    } catch {
      /* best effort while exiting */
    }
  }
}
