/**
 * State of the open-data sync (etl/sync): what was last fetched of each source of the sources file
 * (resource, ETag / Last-Modified for the conditional GET, size, sha256, rows), and, per synced
 * record, the hash of its normalised content, so that a new publication of the same file is compared
 * record by record: new ones inserted, changed ones updated, vanished ones retracted. Retractions are
 * kept in `sync_retractions` (the incident row is gone, the fact that the FGJ withdrew it is not).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('sync_resources')
    // the source's key in the sources file (e.g. 'fgj_carpetas')
    .addColumn('key', 'text', (c) => c.primaryKey())
    // incidents.source the records are stored under
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('resource_id', 'text')
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('etag', 'text')
    .addColumn('last_modified', 'text')
    .addColumn('size', 'bigint')
    .addColumn('sha256', 'text')
    .addColumn('rows', 'integer')
    .addColumn('import_id', 'integer')
    // last time the source was checked (whether or not anything changed) and last time data changed
    .addColumn('checked_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('changed_at', 'timestamptz')
    .execute();
  await db.schema
    .createTable('sync_records')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('sync_records_pk', ['source', 'record_id'])
    .execute();
  await db.schema
    .createTable('sync_retractions')
    .addColumn('id', 'bigserial', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.notNull())
    .addColumn('retracted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sync_retractions').ifExists().execute();
  await db.schema.dropTable('sync_records').ifExists().execute();
  await db.schema.dropTable('sync_resources').ifExists().execute();
}
