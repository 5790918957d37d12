/**
 * A kysely dialect over postgres.js that runs single queries on the pool and transactions through
 * postgres.js's own `sql.begin` (kysely-postgres-js `reserve()`s a connection for every query).
 *
 * Why: with postgres.js 3.4.9, a reserved connection whose server went away throws an uncaught
 * `TypeError: Cannot read properties of null (reading 'write')` from a queued write
 * (porsager/postgres#1208, #1154; unfixed upstream), which killed or hung the server when
 * PostgreSQL restarted (tests/load/postgres-restart.test.ts). Pool queries meet a closed
 * connection as an ordinary rejected query (ECONNREFUSED, CONNECTION_CLOSED, 57P01 → 503
 * `db_unavailable`) and the pool reconnects on its own; so do `sql.begin` transactions (checked by
 * stopping and restarting a cluster under both kinds of load). Kysely drives a transaction as
 * begin → queries → commit/rollback calls, so `sql.begin`'s callback is held open until kysely
 * commits (resolve) or rolls back (reject). Single SELECTs are retried on a stale connection
 * (see `executeQuery`), so the first requests after a database restart do not fail.
 */
import {
  PostgresAdapter,
  PostgresDriver,
  PostgresIntrospector,
  PostgresQueryCompiler,
  type CompiledQuery,
  type DatabaseConnection,
  type Dialect,
  type Driver,
  type Kysely,
  type QueryResult,
  type TransactionSettings,
} from 'kysely';
import type postgres from 'postgres';

/**
 * A connection that died under the query: the server ended it (57P01 admin shutdown, 57P02 crash) or
 * its socket closed. Not ECONNREFUSED: with the server down, a retry cannot help.
 */
const STALE_CONNECTION = new Set([
  '57P01',
  '57P02',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'ECONNRESET',
  'EPIPE',
]);
function isStaleConnection(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && STALE_CONNECTION.has(code);
}

/** Rejection that ends a held-open `sql.begin` with a ROLLBACK. */
class Rollback extends Error {}

export class PooledConnection implements DatabaseConnection {
  protected tx: postgres.TransactionSql | undefined;
  private finish: { commit(): void; rollback(): void; done: Promise<unknown> } | undefined;
  constructor(private readonly sql: postgres.Sql) {}

  /** Opens `sql.begin(options)` and resolves once it runs, holding it open until `end`. */
  begin(options: string): Promise<void> {
    return new Promise<void>((started, failed) => {
      let commit!: () => void;
      let rollback!: () => void;
      const body = (tx: postgres.TransactionSql) => {
        this.tx = tx;
        started();
        return new Promise<void>((resolve, reject) => {
          commit = resolve;
          rollback = () => reject(new Rollback());
        });
      };
      const done = (options ? this.sql.begin(options, body) : this.sql.begin(body)).finally(
        () => (this.tx = undefined),
      );
      done.catch(failed); // before `started`: the begin failed (no-op after it)
      this.finish = { commit: () => commit(), rollback: () => rollback(), done };
    });
  }

  async end(how: 'commit' | 'rollback'): Promise<void> {
    const finish = this.finish;
    this.finish = undefined;
    if (!finish) throw new Error(`${how} without a transaction`);
    finish[how]();
    try {
      await finish.done;
    } catch (err) {
      if (!(how === 'rollback' && err instanceof Rollback)) throw err;
    }
  }

  async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    // After PostgreSQL restarts, every idle pooled connection is stale: its next query meets the
    // server's goodbye (57P01) or a closed socket, and the pool then drops it. A SELECT outside a
    // transaction never changed anything, so it is sent again — on another connection — until one is
    // fresh (at most one try per pooled connection); writes are not retried (one may have run).
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.run<R>(q);
      } catch (err) {
        if (this.tx || attempt > this.sql.options.max || !isStaleConnection(err) || !/^\s*select\b/i.test(q.sql))
          throw err;
      }
    }
  }

  private async run<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const result = await (this.tx ?? this.sql).unsafe(q.sql, [...q.parameters] as postgres.ParameterOrJSON<never>[]);
    const { command, count } = result;
    return {
      numAffectedRows:
        command === 'INSERT' || command === 'UPDATE' || command === 'DELETE' || command === 'MERGE'
          ? BigInt(count)
          : undefined,
      rows: Array.from(result.values()) as R[],
    };
  }

  // eslint-disable-next-line require-yield
  async *streamQuery<R>(): AsyncIterableIterator<QueryResult<R>> {
    throw new Error('streaming is not supported by this dialect');
  }
}

export class PooledPostgresDriver extends PostgresDriver implements Driver {
  constructor(private readonly sql: postgres.Sql) {
    super({} as never);
  }
  override async init(): Promise<void> {}
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new PooledConnection(this.sql);
  }
  override async beginTransaction(connection: DatabaseConnection, settings: TransactionSettings): Promise<void> {
    const options = [
      settings.isolationLevel ? `isolation level ${settings.isolationLevel}` : '',
      settings.accessMode ? settings.accessMode : '',
    ]
      .filter(Boolean)
      .join(', ');
    await (connection as PooledConnection).begin(options);
  }
  override async commitTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PooledConnection).end('commit');
  }
  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    await (connection as PooledConnection).end('rollback');
  }
  override async releaseConnection(): Promise<void> {}
  override async destroy(): Promise<void> {
    await this.sql.end();
  }
}

export class PooledPostgresDialect implements Dialect {
  constructor(private readonly sql: postgres.Sql) {}
  createAdapter() {
    return new PostgresAdapter();
  }
  createDriver(): Driver {
    return new PooledPostgresDriver(this.sql);
  }
  // kysely's Dialect interface takes a database of any schema here
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  createIntrospector(db: Kysely<any>) {
    return new PostgresIntrospector(db);
  }
  createQueryCompiler() {
    return new PostgresQueryCompiler();
  }
}

/** Longest wait, in seconds, before a pooled connection tries the server again after a failed attempt. */
export const MAX_RECONNECT_DELAY_S = 1;

/**
 * Seconds to wait before reconnect attempt `retries` (the pool's count of failed attempts in a row):
 * doubling from 50 ms, capped at `MAX_RECONNECT_DELAY_S`, with jitter so the pool's connections do
 * not knock together. postgres.js's default grows as 3^retries / 100 up to 20 s; behind a busy API
 * an outage of a few seconds fails dozens of attempts, so after the database is back every query
 * waited 10–20 s for a connection — a restart of PostgreSQL looked like a much longer outage.
 */
export function reconnectDelay(retries: number): number {
  return (0.5 + Math.random() / 2) * Math.min(0.05 * 2 ** retries, MAX_RECONNECT_DELAY_S);
}

/**
 * Settings of every pooled connection (primary and replicas): the reconnect backoff, and the
 * statement timeout as a startup parameter when there is one.
 */
export function connectionSettings(statementTimeoutMs: number): {
  backoff: (retries: number) => number;
  connection?: { statement_timeout: number };
} {
  return {
    backoff: reconnectDelay,
    ...(statementTimeoutMs > 0 ? { connection: { statement_timeout: statementTimeoutMs } } : {}),
  };
}
