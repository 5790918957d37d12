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
