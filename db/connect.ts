/**
 * Opening the store on one of its two backends: embedded PGlite (default, in `DATA_DIR/pglite`)
 * or a PostgreSQL server (`DATABASE_URL`, through postgres.js). Both get the same migrations and
 * the same kysely queries; `copyCsv` is the one backend-specific primitive (bulk load).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, Migrator, type Migration, type MigrationProvider } from 'kysely';
import { PGlite } from '@electric-sql/pglite';
import { PGliteDialect } from 'kysely-pglite-dialect';
// not kysely-postgres-js: its reserved connections crash the process when PostgreSQL restarts (see the file)
import { connectionSettings, PooledPostgresDialect } from './postgres-driver.ts';
import postgres from 'postgres';
import { openReadReplicas, type ReadReplicas } from './replicas.ts';
import type { Database } from './schema.ts';
import * as m001 from './migrations/001_initial.ts';
import * as m002 from './migrations/002_news.ts';
import * as m003 from './migrations/003_tokens.ts';
import * as m004 from './migrations/004_reports.ts';
import * as m005 from './migrations/005_accounts.ts';
import * as m006 from './migrations/006_audit.ts';
import * as m007 from './migrations/007_targets.ts';
import * as m008 from './migrations/008_report_idempotency.ts';
import * as m009 from './migrations/009_shared_state.ts';
import * as m010 from './migrations/010_record_keys.ts';
import * as m012 from './migrations/012_job_runs.ts';
import * as m013 from './migrations/013_news_decisions.ts';
import * as m014 from './migrations/014_aggregates.ts';
import * as m015 from './migrations/015_sync.ts';
import * as m016 from './migrations/016_audit_logins.ts';
import * as m017 from './migrations/017_territory_vintage.ts';

export type Backend = 'pglite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  backend: Backend;
  /** Bulk-loads CSV text (header-less, RFC 4180) into `table(columns)` with COPY. */
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
  /**
   * Runs `fn` inside one transaction on one connection, with raw SQL and a COPY that belong to that
   * transaction (kysely's `transaction()` cannot COPY, and `copyCsv` above runs on another connection).
   * Commits when `fn` resolves, rolls back when it throws. Used by the ETL so a file imports whole or not at all.
   */
  rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T>;
  /** PGlite only: a tarball of the data directory, loadable with `openStore({loadDataDir})`. */
  dumpDataDir?(): Promise<Blob>;
  /**
   * Registers work that must finish before the store closes — a buffered writer's last flush
   * (server/audit) — so whoever closes the store need not know every writer attached to it.
   */
  onClose(fn: () => Promise<void>): void;
  /**
   * Runs `fn` unless another process holds `key`, and holds it meanwhile: a transaction-scoped
   * `pg_try_advisory_xact_lock` on a connection of its own (PostgreSQL; `sql.begin` reserves it
   * without the restart crash of postgres.js's `reserve()`, see postgres-driver.ts). PGlite: one
   * process owns the store, so `fn` just runs. `ran: false` when another process holds the key.
   */
  exclusive<T>(key: string, fn: () => Promise<T>): Promise<{ ran: true; result: T } | { ran: false }>;
  /** PostgreSQL with `replicaUrls`: the read replicas for the read-only queries (db/replicas.ts) */
  reads?: ReadReplicas;
  /** Runs the `onClose` work (each once; a failure is logged, not thrown), then closes the connections. */
  close(): Promise<void>;
}

/** The `onClose` list of one store: `run` empties it, so a second close does not repeat the work. */
function closeHooks() {
  const hooks: (() => Promise<void>)[] = [];
  return {
    add: (fn: () => Promise<void>) => void hooks.push(fn),
    async run() {
      const results = await Promise.allSettled(hooks.splice(0).map((fn) => fn()));
      for (const r of results)
        if (r.status === 'rejected')
          process.stderr.write(`store: al cerrar: ${(r.reason as Error)?.message ?? r.reason}\n`);
    },
  };
}

/** A connection inside `rawTransaction`. */
export interface RawTx {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[]; affected: number }>;
  copyCsv(table: string, columns: readonly string[], csv: string): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite store in `dataDir` is used. */
  databaseUrl?: string;
  /** streaming replicas of `databaseUrl` for the read-only queries of requests */
  replicaUrls?: readonly string[];
  /** where PGlite keeps its files (`<dataDir>/pglite`); ignored with a URL. */
  dataDir?: string;
  /** in-memory PGlite, for tests; or a data-dir dump to start from. */
  memory?: boolean;
  loadDataDir?: Blob;
  /**
   * PostgreSQL only: the longest a statement may run (ms, `statement_timeout` of every pooled
   * connection, replicas included); a slower one fails with 57014, which the API answers 503
   * `query_timeout`. 0 or absent: no limit. Imports inside `rawTransaction` are exempt.
   */
  statementTimeoutMs?: number;
}

const migrations: Record<string, Migration> = {
  '001_initial': m001,
  '002_news': m002,
  '003_tokens': m003,
  '004_reports': m004,
  '005_accounts': m005,
  '006_audit': m006,
  '007_targets': m007,
  '008_report_idempotency': m008,
  '009_shared_state': m009,
  '010_record_keys': m010,
  '012_job_runs': m012,
  '013_news_decisions': m013,
  '014_aggregates': m014,
  '015_sync': m015,
  '016_audit_logins': m016,
  '017_territory_vintage': m017,
};
const provider: MigrationProvider = { getMigrations: async () => migrations };

export async function openStore(opts: OpenOptions): Promise<Store> {
  const store = opts.databaseUrl
    ? openPostgres(opts.databaseUrl, opts.replicaUrls ?? [], opts.statementTimeoutMs ?? 0)
    : await openPGlite(opts);
  await migrate(store.db);
  return store;
}

export async function migrate(db: Kysely<Database>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    throw new Error(`migration ${failed ?? '?'} failed: ${(error as Error).message ?? error}`);
  }
}

async function openPGlite(opts: OpenOptions): Promise<Store> {
  let dir: string | undefined;
  if (!opts.memory) {
    if (!opts.dataDir) throw new Error('openStore: dataDir is required for the embedded database');
    dir = join(opts.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const pg = await PGlite.create(dir, opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {});
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pg) });
  const hooks = closeHooks();
  return {
    db,
    backend: 'pglite',
    async copyCsv(table, columns, csv) {
      await pg.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
        blob: new Blob([csv]),
      });
    },
    async rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
      return pg.transaction(async (tx) =>
        fn({
          async query<R>(text: string, params?: unknown[]) {
            const r = await tx.query<R>(text, params);
            return { rows: r.rows, affected: r.affectedRows ?? 0 };
          },
          async copyCsv(table, columns, csv) {
            await tx.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
              blob: new Blob([csv]),
            });
          },
        }),
      );
    },
    async dumpDataDir() {
      return pg.dumpDataDir('none');
    },
    exclusive: async (_key, fn) => ({ ran: true, result: await fn() }),
    onClose: hooks.add,
    async close() {
      await hooks.run();
      await db.destroy(); // also closes PGlite
    },
  };
}

/**
 * COPY … FROM STDIN through postgres.js. Known limit: postgres.js (3.4) loses a server-side COPY
 * failure such as a duplicate key — its query promise has already resolved with the stream, which
 * then neither finishes nor errors, and no other query may run on the connection meanwhile. The
 * importer avoids the case (it skips record ids already stored, inside the same transaction); only
 * a concurrent writer importing the same rows at the same moment could still meet it.
 */
async function copyThroughPostgres(
  run: postgres.Sql | postgres.TransactionSql,
  table: string,
  columns: readonly string[],
  csv: string,
): Promise<void> {
  const stream = await run.unsafe(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`).writable();
  await new Promise<void>((resolve, reject) => {
    stream.on('error', reject);
    stream.on('finish', resolve);
    stream.end(csv);
  });
}

function openPostgres(url: string, replicaUrls: readonly string[], statementTimeoutMs: number): Store {
  const sql = postgres(url, { max: 10, onnotice: () => {}, ...connectionSettings(statementTimeoutMs) });
  const db = new Kysely<Database>({ dialect: new PooledPostgresDialect(sql) });
  const hooks = closeHooks();
  const reads = replicaUrls.length ? openReadReplicas(sql, replicaUrls, statementTimeoutMs) : undefined;
  return {
    db,
    backend: 'postgres',
    reads,
    copyCsv: (table, columns, csv) => copyThroughPostgres(sql, table, columns, csv),
    async exclusive<T>(key: string, fn: () => Promise<T>) {
      let outcome: { ran: true; result: T } | { ran: false } = { ran: false };
      await sql.begin(async (tx) => {
        const [row] = await tx`SELECT pg_try_advisory_xact_lock(hashtext(${key})) AS locked`;
        if (row?.locked) outcome = { ran: true, result: await fn() };
      });
      return outcome;
    },
    async rawTransaction<T>(fn: (tx: RawTx) => Promise<T>): Promise<T> {
      return sql.begin(async (tx) => {
        // an import's COPY and its aggregates may take minutes: the request timeout is not for them
        if (statementTimeoutMs > 0) await tx`SET LOCAL statement_timeout = 0`;
        return fn({
          async query<R>(text: string, params?: unknown[]) {
            const r = await tx.unsafe(text, params as postgres.ParameterOrJSON<never>[]);
            return { rows: [...r] as R[], affected: r.count ?? 0 };
          },
          copyCsv: (table, columns, csv) => copyThroughPostgres(tx, table, columns, csv),
        });
      }) as Promise<T>;
    },
    onClose: hooks.add,
    async close() {
      await hooks.run();
      await reads?.close();
      await db.destroy();
    },
  };
}
