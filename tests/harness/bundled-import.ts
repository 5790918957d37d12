/**
 * Running the project's importer of the bundled data (`etl/bundled.ts`) for the global setup,
 * and caching the resulting PGlite data-dir dump between runs.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Store } from '../../db/connect.ts';
import { REPO_ROOT } from '../../reference/files/index.ts';

/** What `importBundledData` reports (a structural subset of etl's BundledProgress). */
interface Progress {
  phase: string;
  file: string;
  rows: number;
  bytesRead?: number;
  totalBytes?: number;
}
type ImportFn = (store: Store, opts?: { progress?: (p: Progress) => void }) => Promise<unknown>;

const IMPORTER = join(REPO_ROOT, 'etl/bundled.ts');

/** The importer, or null while `etl/bundled.ts` does not exist yet (an existing but broken one throws). */
export async function loadImporter(): Promise<ImportFn | null> {
  if (!existsSync(IMPORTER)) return null;
  const mod = (await import(IMPORTER)) as { importBundledData?: ImportFn };
  if (typeof mod.importBundledData !== 'function')
    throw new Error('etl/bundled.ts does not export importBundledData(store, opts)');
  return mod.importBundledData;
}

/**
 * Imports into `store`, printing the importer's progress on stderr: one line per file and phase,
 * at most every 5 s, prefixed with the backend (both backends import at the same time).
 */
export async function importInto(importer: ImportFn, store: Store, log: (line: string) => void): Promise<unknown> {
  let last = 0;
  let lastKey = '';
  const progress = (p: Progress) => {
    const key = `${p.file}:${p.phase}`;
    const now = Date.now();
    if (key === lastKey && now - last < 5000) return;
    [last, lastKey] = [now, key];
    const pct = p.totalBytes ? ` ${Math.min(100, Math.floor((100 * (p.bytesRead ?? 0)) / p.totalBytes))}%` : '';
    log(`[harness] ${store.backend} import: ${p.file} ${p.phase} ${p.rows} rows${pct}`);
  };
  return importer(store, { progress });
}

// --- dump cache ------------------------------------------------------------------------------

/** Everything the content of an imported store can depend on. */
const CACHE_INPUTS = ['data', 'db', 'etl', 'geo', 'core', 'tests/harness', 'package-lock.json'];
export const CACHE_DIR = join(REPO_ROOT, '.test-artifacts');

/** sha256 over the paths and contents of the import's inputs (test files excluded). */
export function sourcesHash(): string {
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (path: string) => {
    if (!existsSync(path)) return;
    if (statSync(path).isDirectory()) {
      for (const name of readdirSync(path).sort()) if (name !== 'node_modules') walk(join(path, name));
    } else if (!/\.test\.ts$/.test(path)) files.push(path);
  };
  for (const input of CACHE_INPUTS) walk(join(REPO_ROOT, input));
  for (const file of files) {
    hash.update(relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex').slice(0, 24);
}

export type DumpKind = 'full' | 'empty';

export function cachedDumpPath(kind: DumpKind, key: string): string {
  return join(CACHE_DIR, `pglite-${kind}-${key}.tar`);
}

/** Stores a dump under its key (atomically) and removes dumps made from other sources. */
export function writeCachedDump(kind: DumpKind, key: string, bytes: Uint8Array): string {
  mkdirSync(CACHE_DIR, { recursive: true });
  const target = cachedDumpPath(kind, key);
  for (const name of readdirSync(CACHE_DIR)) {
    if (/^pglite-(full|empty)-[0-9a-f]+\.tar$/.test(name) && !name.endsWith(`-${key}.tar`))
      rmSync(join(CACHE_DIR, name), { force: true });
  }
  const tmp = `${target}.${process.pid}.tmp`;
  writeFileSync(tmp, bytes);
  renameSync(tmp, target);
  return target;
}
