/**
 * `job_runs`: one row per run of a background job (server scheduler: news per source, the chat
 * retention purge), kept in the store rather than in DATA_DIR so that every API process sees the
 * same history — a news source fetched by one process is not due again for the others.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('job_runs')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('job', 'text', (c) => c.notNull())
    // the news source id; null for a job without sources
    .addColumn('source', 'text')
    .addColumn('started_at', 'timestamptz', (c) => c.notNull())
    .addColumn('finished_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('ok', 'failed')`))
    .addColumn('counts', 'jsonb')
    .addColumn('reason', 'text')
    .addColumn('instance', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('job_runs_job_source_started')
    .on('job_runs')
    .columns(['job', 'source', 'started_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('job_runs').ifExists().execute();
}
