/**
 * Shared pieces of the load and fault tests: real server processes on loopback
 * ports (`node --import tsx server/main.ts`, so SIGKILL hits the server itself, not npm), CLI runs,
 * DATA_DIRs restored from the harness's PGlite dump (seconds, instead of the minutes a first start
 * spends importing the bundled data), autocannon in a child process, and a hash of a folder tree.
 * Every process started here is killed after the file (`afterAll`), and every wait is bounded.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, rmdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { afterAll, inject } from 'vitest';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { ensureWebBuild, webBuildIsStale } from '../../server/static/index.ts';
import { freePort } from '../harness/postgres-cluster.ts';
import type { AutocannonJob, AutocannonSummary } from './autocannon-run.ts';
import '../harness/context.ts';

export { freePort, REPO_ROOT };

const started = new Set<ChildProcess>();
const tempDirs: string[] = [];

afterAll(async () => {
  for (const child of started) killGroup(child, 'SIGKILL');
  started.clear();
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the file. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Waits until `check()` is true, polling; throws with `what` after `ms`. */
export async function waitFor(check: () => boolean | Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(100);
  }
}

/**
 * `DATA_DIR/pglite` filled from the harness's dump of the full bundled import (139,636 incidents),
 * then `sql` run on it (e.g. to remove one source so that importing it again is real work); or
 * from the dump of the migrated, empty store.
 */
export async function restorePGliteDataDir(
  dataDir: string,
  sql: string[] = [],
  dump: 'full' | 'empty' = 'full',
): Promise<void> {
  const dir = join(dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const info = inject('harness:pglite');
  const bytes = readFileSync(dump === 'full' ? info.fullDump : info.emptyDump);
  const pg = await PGlite.create(dir, { loadDataDir: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  try {
    for (const statement of sql) await pg.exec(statement);
  } finally {
    await pg.close();
  }
}

/** One query on a PGlite DATA_DIR no server holds (opened and closed around it). */
export async function queryDataDir<R>(dataDir: string, text: string): Promise<R[]> {
  const pg = await PGlite.create(join(dataDir, 'pglite'));
  try {
    return (await pg.query<R>(text)).rows;
  } finally {
    await pg.close();
  }
}

/**
 * The server's own start builds `web/dist` when it is stale (another helper may be editing
 * `web/src`); build it once here, one file at a time, so that parallel test files do not run
 * two Vite builds into the same folder and the server start stays short.
 */
async function webBuildOnce(): Promise<void> {
  if (!webBuildIsStale()) return;
  const lock = join(tmpdir(), 'mapa-load-web-build.lock');
  await waitFor(
    () => {
      try {
        mkdirSync(lock);
        return true;
      } catch {
        return false;
      }
    },
    300_000,
    'the web build lock',
  );
  try {
    await ensureWebBuild((msg) => process.stderr.write(`[load] ${msg}\n`), { rebuildStale: true });
  } finally {
    rmdirSync(lock);
  }
}

export interface ServerProcess {
  url: string;
  port: number;
  child: ChildProcess;
  /** stdout + stderr so far */
  log(): string;
  /** resolves with the exit code (null when killed by a signal) and the signal */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(signal?: NodeJS.Signals): void;
  /** SIGTERM, then waits for the exit (SIGKILL after 15 s). */
  stop(): Promise<void>;
}

export interface ServerSpawnOptions {
  dataDir: string;
  databaseUrl?: string;
  port?: number;
  env?: NodeJS.ProcessEnv;
  /** run as this unprivileged user (`runuser -u USER`), e.g. 'nobody' */
  user?: string;
}

/** Starts `server/main.ts` in its own process group; does not wait for it (see `waitReady`). */
export async function spawnServer(opts: ServerSpawnOptions): Promise<ServerProcess> {
  await webBuildOnce();
  const port = opts.port ?? (await freePort());
  const node = [process.execPath, '--import', 'tsx', 'server/main.ts'];
  const [cmd, ...args] = opts.user ? ['runuser', '-u', opts.user, '--', ...node] : node;
  const child = spawn(cmd, args, {
    cwd: REPO_ROOT,
    detached: true,
    env: {
      ...process.env,
      DATA_DIR: opts.dataDir,
      PORT: String(port),
      DATABASE_URL: opts.databaseUrl ?? '',
      // measure the server, not the limiter
      REPORTS_RATE_LIMIT: '0',
      ...opts.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      started.delete(child);
      resolve({ code, signal });
    }),
  );
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    port,
    child,
    log: () => log,
    exited,
    kill: (signal = 'SIGKILL') => killGroup(child, signal),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      killGroup(child, 'SIGTERM');
      const timer = setTimeout(() => killGroup(child, 'SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return server;
}

/** Waits for "listo en http"; throws with the log when the process exits first or after `ms`. */
export async function waitReady(server: ServerProcess, ms = 120_000): Promise<void> {
  await waitFor(
    () => {
      if (server.child.exitCode !== null || server.child.signalCode !== null) {
        throw new Error(
          `the server exited (${server.child.exitCode ?? server.child.signalCode}) before it was ready:\n${server.log()}`,
        );
      }
      return /listo en http/.test(server.log());
    },
    ms,
    `the server to start:\n${server.log()}`,
  );
}

export async function startServer(opts: ServerSpawnOptions): Promise<ServerProcess> {
  const server = await spawnServer(opts);
  await waitReady(server);
  return server;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals) {
  if (!child.pid || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

export interface CliRun {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  done: Promise<{ code: number | null; stdout: string; stderr: string }>;
}

/** `npm run etl -- ARGS` without npm in between (`node --import tsx cli/index.ts ARGS`). */
export function runCli(args: string[], env: NodeJS.ProcessEnv): CliRun {
  const child = spawn(process.execPath, ['--import', 'tsx', 'cli/index.ts', ...args], {
    cwd: REPO_ROOT,
    detached: true,
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => (stderr += d));
  const done = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('close', (code) => {
      started.delete(child);
      resolve({ code, stdout, stderr });
    }),
  );
  return { child, stdout: () => stdout, stderr: () => stderr, done };
}

/**
 * A fingerprint of a folder tree: every entry's relative path, type, mode, size and content hash,
 * in a fixed order (sockets and other special files by type and mode only).
 */
export function treeHash(root: string): string {
  const hash = createHash('sha256');
  const walk = (rel: string) => {
    const abs = join(root, rel);
    const st = lstatSync(abs);
    hash.update(`${rel}\u0000${st.mode.toString(8)}\u0000`);
    if (st.isDirectory()) {
      for (const name of readdirSync(abs).sort()) walk(rel ? join(rel, name) : name);
    } else if (st.isFile()) {
      hash.update(`${st.size}\u0000`).update(readFileSync(abs));
    }
  };
  walk('');
  return hash.digest('hex');
}

/** Runs autocannon in a child process (see `autocannon-run.ts`), bounded by `limitMs`. */
export function runAutocannon(job: AutocannonJob, limitMs: number): Promise<AutocannonSummary> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'tests/load/autocannon-run.ts', JSON.stringify(job)], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.add(child);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      started.delete(child);
      if (code !== 0)
        return reject(
          new Error(
            `autocannon ${signal ? `killed (${signal}) after ${limitMs} ms` : `exited ${code}`}: ${err.slice(-1500)}`,
          ),
        );
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()!) as AutocannonSummary);
      } catch (e) {
        reject(new Error(`autocannon output unreadable: ${(e as Error).message}: ${out.slice(0, 500)}`));
      }
    });
  });
}

/** Prints a figure line for the closing note (stderr, so vitest shows it even when it passes). */
export function figure(line: string): void {
  process.stderr.write(`[load] ${line}\n`);
}
