/**
 * Stores for test files, on both backends, each a private copy: the global setup imported the
 * bundled data once per backend (PostgreSQL: a template database; PGlite: a data-dir dump), and
 * every store handed out here is a fresh copy of that (`CREATE DATABASE … TEMPLATE`, or an
 * in-memory PGlite loaded from the dump), so tests may write freely.
 *
 * Stores still open when the file ends are closed (and their databases dropped) by an `afterAll`
 * registered when this module is imported; closing one yourself earlier is fine too.
 */
import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import { openStore, type Backend, type Store } from '../../db/connect.ts';
import './context.ts';

export const BACKENDS = ['pglite', 'postgres'] as const satisfies readonly Backend[];
export type TestBackend = (typeof BACKENDS)[number];

/** A store private to the caller; `close()` also drops its database (PostgreSQL). */
export interface TestStore extends Store {
  /** database name (PostgreSQL) or 'memory' (PGlite). */
  readonly name: string;
}

type Contents = 'full' | 'empty';

const open = new Set<TestStore>();

/** A migrated store holding its own copy of the full bundled import. */
export function freshStore(backend: TestBackend): Promise<TestStore> {
  return copyStore(backend, 'full');
}

/** A migrated store with no data (only what the migrations insert). */
export function emptyStore(backend: TestBackend): Promise<TestStore> {
  return copyStore(backend, 'empty');
}

/** Whether the global setup imported the bundled data (false until `etl/bundled.ts` exists). */
export function bundledDataImported(): boolean {
  return inject('harness:imported');
}

/**
 * Runs `fn` once per backend inside `describe("<name> [<backend>]")`, with a store opened before
 * the block's tests and closed after them. `getStore()` is valid inside tests and hooks.
 */
export function describeEachBackend(
  name: string,
  fn: (getStore: () => TestStore, backend: TestBackend) => void,
  opts: { contents?: Contents } = {},
): void {
  for (const backend of BACKENDS) {
    describe(`${name} [${backend}]`, () => {
      let store: TestStore | undefined;
      beforeAll(async () => {
        store = await copyStore(backend, opts.contents ?? 'full');
      });
      afterAll(async () => {
        await store?.close();
      });
      fn(() => {
        if (!store) throw new Error('describeEachBackend: the store is only available inside tests and hooks');
        return store;
      }, backend);
    });
  }
}

async function copyStore(backend: TestBackend, contents: Contents): Promise<TestStore> {
  const t0 = performance.now();
  const store = backend === 'postgres' ? await copyPostgres(contents) : await copyPGlite(contents);
  open.add(store);
  // HARNESS_TIMINGS=1 prints how long each copy took (to tune test files, never asserted).
  if (process.env.HARNESS_TIMINGS)
    console.error(`[harness] ${contents} ${backend} copy in ${Math.round(performance.now() - t0)} ms`);
  return store;
}

// --- PGlite: an in-memory instance loaded from the dump --------------------------------------

const dumpBytes = new Map<string, Buffer>();

async function copyPGlite(contents: Contents): Promise<TestStore> {
  const info = inject('harness:pglite');
  const path = contents === 'full' ? info.fullDump : info.emptyDump;
  let bytes = dumpBytes.get(path);
  if (!bytes) dumpBytes.set(path, (bytes = readFileSync(path)));
  const store = await openStore({ memory: true, loadDataDir: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  return withClose(store, 'memory', async () => {});
}

// --- PostgreSQL: a database copied from a template -------------------------------------------

async function copyPostgres(contents: Contents): Promise<TestStore> {
  const info = inject('harness:postgres');
  const template = contents === 'full' ? info.fullTemplate : info.emptyTemplate;
  const name = `t_${randomBytes(6).toString('hex')}`;
  await withAdmin(info.adminUrl, (sql) => sql.unsafe(`CREATE DATABASE ${ident(name)} TEMPLATE ${ident(template)}`));
  const url = new URL(info.adminUrl);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openStore({ databaseUrl: url.toString() });
  } catch (err) {
    await dropDatabase(info.adminUrl, name);
    throw err;
  }
  return withClose(store, name, () => dropDatabase(info.adminUrl, name));
}

function dropDatabase(adminUrl: string, name: string) {
  return withAdmin(adminUrl, (sql) => sql.unsafe(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}

async function withAdmin<T>(adminUrl: string, fn: (sql: postgres.Sql) => Promise<T>): Promise<T> {
  const sql = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    return await fn(sql);
  } finally {
    await sql.end();
  }
}

function ident(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Wraps `close` so it runs once, then `dispose` (dropping the copy). */
function withClose(store: Store, name: string, dispose: () => Promise<unknown>): TestStore {
  let closing: Promise<void> | undefined;
  const testStore: TestStore = {
    ...store,
    name,
    close() {
      closing ??= (async () => {
        open.delete(testStore);
        try {
          await store.close();
        } finally {
          await dispose();
        }
      })();
      return closing;
    },
  };
  return testStore;
}

// Close whatever the file left open. Importing this module outside a test file has no suite to
// attach to; then there is nothing to clean up either.
try {
  afterAll(async () => {
    await Promise.all([...open].map((s) => s.close()));
  });
} catch {
  /* not collecting a test file */
}
