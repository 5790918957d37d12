/**
 * Reading the project's bundled data files (`data/`). The ETL owns file I/O;
 * `geo/` receives the parsed data as arguments.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** Bundled government open data, committed compressed. */
export const BUNDLED_DATA_DIR = join(REPO_ROOT, 'data');
/** `../shared/data` beside the checkout: copyrighted fixtures (news) that are never committed. */
export const SHARED_DATA_DIR = resolve(REPO_ROOT, '../shared/data');

/** Reads a file as UTF-8, gunzipping when the name ends in `.gz`. */
export function readText(path: string): string {
  const buf = readFileSync(path);
  return (path.endsWith('.gz') ? gunzipSync(buf) : buf).toString('utf8');
}

/** Reads a bundled file by its path relative to `data/`. */
export function readBundled(relPath: string): string {
  return readText(join(BUNDLED_DATA_DIR, relPath));
}

export function readBundledJson<T = unknown>(relPath: string): T {
  return JSON.parse(readBundled(relPath)) as T;
}
