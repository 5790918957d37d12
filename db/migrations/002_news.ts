/**
 * News provenance: every article read, whatever became of it, and the
 * link from an incident to each news article that reports it (one event, several outlets).
 *
 * - `news_articles` keeps every extracted article, also those that are not incident reports, could
 *   not be placed, or lie outside the city (`status` + `reason`): nothing read is dropped.
 * - `incident_sources` links an incident to its articles; `relation` says why an article is there
 *   (`origin`: it created the incident; `same_story`: a near-copy; `same_event`: another outlet).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('news_articles')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('url', 'text', (c) => c.notNull().unique())
    .addColumn('canonical_url', 'text', (c) => c.notNull())
    .addColumn('outlet', 'text', (c) => c.notNull())
    .addColumn('feed', 'text', (c) => c.notNull())
    .addColumn('fetched_at', 'timestamptz', (c) => c.notNull())
    .addColumn('extractor_version', 'text', (c) => c.notNull())
    .addColumn('classifier_version', 'text', (c) => c.notNull())
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('published_at', 'timestamptz')
    .addColumn('event_date', 'date')
    .addColumn('classification', 'jsonb', (c) => c.notNull())
    .addColumn('geocode', 'jsonb')
    /** MinHash signature and content-word vector: what dedupe compares later articles with. */
    .addColumn('fingerprint', 'jsonb', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('incident_id', 'bigint', (c) => c.references('incidents.id').onDelete('set null'))
    .addColumn('duplicate_of', 'bigint', (c) => c.references('news_articles.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('news_articles_status', sql`status in ('incident', 'not_incident', 'unplaced', 'duplicate')`)
    .execute();
  await db.schema.createIndex('news_articles_event_date').on('news_articles').column('event_date').execute();
  await db.schema.createIndex('news_articles_canonical').on('news_articles').column('canonical_url').execute();
  await db.schema.createIndex('news_articles_incident').on('news_articles').column('incident_id').execute();

  await db.schema
    .createTable('incident_sources')
    .addColumn('incident_id', 'bigint', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
    .addColumn('article_id', 'bigint', (c) => c.notNull().references('news_articles.id').onDelete('cascade'))
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('added_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint('incident_sources_pk', ['incident_id', 'article_id'])
    .addCheckConstraint('incident_sources_relation', sql`relation in ('origin', 'same_story', 'same_event')`)
    .execute();
  await db.schema.createIndex('incident_sources_article').on('incident_sources').column('article_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('incident_sources').ifExists().execute();
  await db.schema.dropTable('news_articles').ifExists().execute();
}
