/** The background jobs' run records (`job_runs`, migration 012), shared by every process on the store. */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';

export interface JobRun {
  job: string;
  /** the news source id; null for a job without sources */
  source: string | null;
  startedAt: Date;
  finishedAt?: Date;
  status: 'ok' | 'failed';
  counts?: Record<string, number>;
  reason?: string | null;
  /** which process ran it (host:pid) */
  instance: string;
}

export async function recordJobRuns(store: Pick<Store, 'db'>, runs: readonly JobRun[]): Promise<void> {
  if (!runs.length) return;
  await store.db
    .insertInto('job_runs')
    .values(
      runs.map((r) => ({
        job: r.job,
        source: r.source,
        started_at: r.startedAt,
        finished_at: r.finishedAt ?? new Date(),
        status: r.status,
        // a text parameter cast to jsonb: a parameter the server types jsonb is JSON-encoded by postgres.js a second time
        counts: r.counts ? sql`cast(${JSON.stringify(r.counts)} as text)::jsonb` : null,
        reason: r.reason ?? null,
        instance: r.instance,
      })),
    )
    .execute();
}

/** Start time (epoch ms) of the last completed run of `job` per source ('' for a job without sources). */
export async function lastJobRuns(store: Pick<Store, 'db'>, job: string): Promise<Map<string, number>> {
  const rows = await store.db
    .selectFrom('job_runs')
    .select(['source', (eb) => eb.fn.max('started_at').as('last')])
    .where('job', '=', job)
    .groupBy('source')
    .execute();
  return new Map(rows.map((r) => [r.source ?? '', new Date(r.last as Date | string).getTime()]));
}

/** A job's most recent run for one source, and when that source last ran without failing. */
export interface LatestJobRun {
  source: string | null;
  startedAt: Date;
  finishedAt: Date;
  status: 'ok' | 'failed';
  counts: Record<string, number> | null;
  reason: string | null;
  instance: string;
  /** start of the last `ok` run of this source; null when it has never succeeded */
  lastOkAt: Date | null;
}

/** The latest run of `job` per source (DISTINCT ON, which PGlite and PostgreSQL share), ordered by source. */
export async function latestJobRuns(store: Pick<Store, 'db'>, job: string): Promise<LatestJobRun[]> {
  const rows = await sql<{
    source: string | null;
    started_at: Date | string;
    finished_at: Date | string;
    status: 'ok' | 'failed';
    counts: unknown;
    reason: string | null;
    instance: string;
    last_ok: Date | string | null;
  }>`
    select distinct on (source) source, started_at, finished_at, status, counts, reason, instance,
      (select max(ok.started_at) from job_runs ok
        where ok.job = r.job and ok.source is not distinct from r.source and ok.status = 'ok') as last_ok
    from job_runs r
    where job = ${job}
    order by source, started_at desc, id desc`.execute(store.db);
  return rows.rows.map((r) => ({
    source: r.source,
    startedAt: new Date(r.started_at),
    finishedAt: new Date(r.finished_at),
    status: r.status,
    counts: parseCounts(r.counts),
    reason: r.reason,
    instance: r.instance,
    lastOkAt: r.last_ok === null ? null : new Date(r.last_ok),
  }));
}

/** `counts` as stored: a jsonb object (or, from drivers that return text, its JSON). */
function parseCounts(value: unknown): Record<string, number> | null {
  const parsed = typeof value === 'string' ? (JSON.parse(value) as unknown) : value;
  return parsed && typeof parsed === 'object' ? (parsed as Record<string, number>) : null;
}
