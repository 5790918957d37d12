/**
 * What the database benchmarks share: a throwaway PostgreSQL cluster (the test harness's own
 * `startCluster`, stopped on exit and on signals even when a benchmark throws), databases created and
 * dropped in it, temporary folders, the 10× SSC file written to a temp file, and small printing helpers.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import postgres from 'postgres';
import { startCluster, type Cluster } from '../tests/harness/postgres-cluster.ts';
import { sscPointsCsv } from './synthetic.ts';

/** Copies of the SSC file in the "10×" dataset: 10, or fewer with `BENCH_SCALE` (e.g. 0.3 → 3; at least 2). */
export function tenXCopies(): number {
  const scale = Number(process.env.BENCH_SCALE ?? '1');
  if (!Number.isFinite(scale) || scale <= 0)
    throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);
  return Math.max(2, Math.round(10 * Math.min(scale, 1)));
}

const cleanups: (() => void)[] = [];
let handlersInstalled = false;

/** Runs every registered cleanup once (synchronous, so it also works from an exit handler). */
export function runCleanups(): void {
  while (cleanups.length) {
    try {
      cleanups.pop()!();
    } catch (err) {
      process.stderr.write(`[bench] cleanup failed: ${(err as Error).message}\n`);
    }
  }
}

/** Registers a synchronous cleanup that runs at `runCleanups()`, at exit, or on SIGINT/SIGTERM. */
export function onCleanup(fn: () => void): () => void {
  if (!handlersInstalled) {
    handlersInstalled = true;
    process.on('exit', runCleanups);
    for (const s of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
      process.once(s, () => {
        runCleanups();
        process.kill(process.pid, s);
      });
    }
  }
  let done = false;
  const once = () => {
    if (!done) {
      done = true;
      fn();
    }
  };
  cleanups.push(once);
  return once;
}

/** A temporary folder removed at cleanup (or earlier by calling the returned `remove`). */
export function tempDir(prefix: string): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  const remove = onCleanup(() => rmSync(path, { recursive: true, force: true }));
  return { path, remove };
}

let cluster: Promise<Cluster> | undefined;

/** The maintenance URL of the benchmark's PostgreSQL cluster, started on first use (or `BENCH_DATABASE_URL`). */
export async function adminUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  cluster ??= startCluster().then((c) => {
    onCleanup(() => c.stop());
    process.stderr.write(`[bench] PostgreSQL cluster on port ${c.port}\n`);
    return c;
  });
  return (await cluster).url;
}

/** Creates an empty database in the cluster; returns its URL. Dropped at cleanup unless `drop()` ran earlier. */
export async function createDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await adminUrl();
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  try {
    await sql.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await sql.unsafe(`CREATE DATABASE ${name}`);
  } finally {
    await sql.end();
  }
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const s = postgres(admin, { max: 1, onnotice: () => {} });
      try {
        await s.unsafe(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await s.end();
      }
    },
  };
}

/**
 * The SSC point file as an uncompressed temp CSV: `copies` = 1 is the real file, more is the jittered
 * N× copy of `bench/synthetic.ts` (never committed). Deleted by `remove` or at cleanup.
 */
export function sscTempFile(copies: number): { path: string; remove: () => void } {
  const dir = tempDir('mapa-bench-csv-');
  const path = join(dir.path, copies === 1 ? 'ssc_crime_points_2013_2016.csv' : `ssc_crime_points_x${copies}.csv`);
  writeFileSync(path, sscPointsCsv(copies, 100, 42));
  return { path, remove: dir.remove };
}

// --- printing --------------------------------------------------------------------------------

export const fmtInt = (n: number) => Math.round(n).toLocaleString('en-US');
export const fmtMs = (n: number) => (n < 10 ? n.toFixed(2) : n < 100 ? n.toFixed(1) : n.toFixed(0));
export const fmtPct = (r: number) => `${(100 * r).toFixed(0)} %`;

/** A fixed-width table (first column left-aligned, the rest right-aligned). */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** True when `metaUrl` is the module node was asked to run (`npx tsx bench/x.bench.ts`). */
export function isMain(metaUrl: string): boolean {
  return !!process.argv[1] && metaUrl === pathToFileURL(process.argv[1]).href;
}
