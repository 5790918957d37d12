/**
 * Read replicas (`DATABASE_REPLICA_URL`): the read-only queries of a request may run on a streaming
 * replica of the PostgreSQL primary, everything else stays on the primary.
 *
 * How a query finds its server: `reads.db` is a Kysely over the primary whose connections look up
 * the replica chosen for the current request (an AsyncLocalStorage set by `reads.run`). Outside a
 * `run` — writes, background jobs, imports, a session just created, a report's folio — every query
 * goes to the primary, so a read that must see a write just made never meets a lagging replica.
 * Transactions always run on the primary.
 *
 * Lag: a replica replays the primary's WAL, so its `meta.data_version` is a lower bound of the data
 * it serves (the version only grows). `run` reports the version the replica had when chosen (re-read
 * at most once a second); the caller compares it with the version it keys its cache on and never
 * stores an answer from a replica that is behind.
 *
 * Failure: a replica that refuses connections or drops one mid-query is marked down for a few
 * seconds and the query is sent to the primary instead, so a dead replica costs no failed request.
 * Replicas that are up take requests in turn.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { Kysely, type CompiledQuery, type DatabaseConnection, type Driver, type QueryResult } from 'kysely';
import postgres from 'postgres';
import {
  connectionSettings,
  PooledConnection,
  PooledPostgresDialect,
  PooledPostgresDriver,
} from './postgres-driver.ts';
import type { Database } from './schema.ts';

/** How long a replica that failed is left alone before it is tried again. */
export const REPLICA_RETRY_MS = 5000;
/** How long a replica's data version is trusted before it is re-read. */
export const REPLICA_VERSION_TTL_MS = 1000;

/**
 * Errors that mean the replica cannot answer, not that the query is wrong: connection refused or
 * lost, server shutting down or starting (57P0x), or a query cancelled by WAL replay (40001).
 */
const REPLICA_UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'CONNECT_TIMEOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  '57P01',
  '57P02',
  '57P03',
  '40001',
]);
function replicaUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && REPLICA_UNAVAILABLE.has(code);
}

class Replica {
  readonly sql: postgres.Sql;
  downUntil = 0;
  private version: string | undefined;
  private versionAt = -Infinity;
  constructor(
    readonly name: string,
    url: string,
    statementTimeoutMs = 0,
  ) {
    // a short connect timeout: a replica that does not answer must not hold a request for long
    this.sql = postgres(url, {
      max: 10,
      connect_timeout: 2,
      onnotice: () => {},
      ...connectionSettings(statementTimeoutMs),
    });
  }
  up(now: number): boolean {
    return now >= this.downUntil;
  }
  markDown(now = Date.now()): void {
    this.downUntil = now + REPLICA_RETRY_MS;
    this.versionAt = -Infinity;
  }
  /** Its data version (a lower bound: re-read at most once per TTL); throws when it cannot answer. */
  async dataVersion(): Promise<string> {
    if (this.version !== undefined && performance.now() - this.versionAt < REPLICA_VERSION_TTL_MS) return this.version;
    const rows = await this.sql`SELECT value FROM meta WHERE key = 'data_version'`;
    this.version = String(rows[0]?.value ?? '0');
    this.versionAt = performance.now();
    return this.version;
  }
}

/** What `run` chose for the current request; `fellBack` once a query had to go to the primary. */
interface ReadTarget {
  replica: Replica;
  fellBack: boolean;
}

/** The outcome of `run`: the replica's name and data version, or none when the primary answered. */
export interface ReadOutcome<T> {
  result: T;
  /** undefined: the primary served the reads (no replica up, or one failed mid-request) */
  replica?: { name: string; version: string };
}

export interface ReadReplicas {
  /** the Kysely for read-only queries: the current `run`'s replica, else the primary */
  db: Kysely<Database>;
  /** the replicas' names (host:port), for logs and `/api/ready` */
  names: readonly string[];
  /** Runs `fn` with its reads on one replica that is up (in turn), else on the primary. */
  run<T>(fn: () => Promise<T>): Promise<ReadOutcome<T>>;
  close(): Promise<void>;
}

/** `postgres://u:p@host:5432/db` → `host:5432` (never the password). */
function replicaName(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}`;
  } catch {
    return 'replica';
  }
}

class RoutedConnection extends PooledConnection {
  constructor(
    primary: postgres.Sql,
    private readonly current: AsyncLocalStorage<ReadTarget>,
  ) {
    super(primary);
  }
  override async executeQuery<R>(q: CompiledQuery): Promise<QueryResult<R>> {
    const target = this.current.getStore();
    if (this.tx || !target || target.fellBack) return super.executeQuery<R>(q);
    try {
      return await new PooledConnection(target.replica.sql).executeQuery<R>(q);
    } catch (err) {
      if (!replicaUnavailable(err)) throw err;
      target.replica.markDown();
      target.fellBack = true;
      return super.executeQuery<R>(q);
    }
  }
}

class RoutedDriver extends PooledPostgresDriver implements Driver {
  constructor(
    private readonly primary: postgres.Sql,
    private readonly current: AsyncLocalStorage<ReadTarget>,
  ) {
    super(primary);
  }
  override async acquireConnection(): Promise<DatabaseConnection> {
    return new RoutedConnection(this.primary, this.current);
  }
  // the primary pool belongs to the store: closing this Kysely must not end it
  override async destroy(): Promise<void> {}
}

class RoutedDialect extends PooledPostgresDialect {
  constructor(
    private readonly primary: postgres.Sql,
    private readonly current: AsyncLocalStorage<ReadTarget>,
  ) {
    super(primary);
  }
  override createDriver(): Driver {
    return new RoutedDriver(this.primary, this.current);
  }
}

/** The replicas of `primary` at `urls` (connections open lazily, at the first query). */
export function openReadReplicas(primary: postgres.Sql, urls: readonly string[], statementTimeoutMs = 0): ReadReplicas {
  const replicas = urls.map((url) => new Replica(replicaName(url), url, statementTimeoutMs));
  const current = new AsyncLocalStorage<ReadTarget>();
  let turn = 0;

  /** The next replica that is up and answers its data version; undefined when none does. */
  async function choose(): Promise<{ replica: Replica; version: string } | undefined> {
    for (let i = 0; i < replicas.length; i++) {
      const replica = replicas[(turn + i) % replicas.length]!;
      if (!replica.up(Date.now())) continue;
      try {
        const version = await replica.dataVersion();
        turn = (turn + i + 1) % replicas.length;
        return { replica, version };
      } catch (err) {
        if (!replicaUnavailable(err)) throw err;
        replica.markDown();
      }
    }
    return undefined;
  }

  return {
    db: new Kysely<Database>({ dialect: new RoutedDialect(primary, current) }),
    names: replicas.map((r) => r.name),
    async run(fn) {
      const chosen = await choose();
      if (!chosen) return { result: await fn() };
      const target: ReadTarget = { replica: chosen.replica, fellBack: false };
      const result = await current.run(target, fn);
      return target.fellBack ? { result } : { result, replica: { name: chosen.replica.name, version: chosen.version } };
    },
    async close() {
      await Promise.all(replicas.map((r) => r.sql.end({ timeout: 5 })));
    },
  };
}
