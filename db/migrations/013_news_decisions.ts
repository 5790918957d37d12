/**
 * Moderators' decisions on news incidents (reject, correct, detach an article, merge two incidents),
 * one row each: who decided what, when, and with which values. The decision itself is applied to
 * `incidents`, `incident_sources` and `news_articles` in the same transaction; the pipeline never
 * re-processes an article it has stored, so a later run cannot undo it. No foreign key to
 * `incidents`: a rejected or merged incident is gone, its decision stays.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_decisions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('incident_id', 'bigint', (c) => c.notNull())
    .addColumn('article_id', 'bigint')
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action in ('reject', 'correct', 'detach', 'merge')`))
    .addColumn('detail', 'jsonb', (c) => c.notNull())
    .addColumn('decided_by', 'text', (c) => c.notNull())
    .addColumn('decided_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('news_decisions_incident').on('news_decisions').column('incident_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('news_decisions').ifExists().execute();
}
