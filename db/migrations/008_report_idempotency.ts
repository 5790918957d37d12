/**
 * Safe retries of citizen reports (found by the fault test that kills the server
 * during submissions): a client that sent a report and got no answer cannot know whether it was
 * stored. It sends the same `Idempotency-Key` header again; the key is stored with the report under a
 * unique index, so the retry returns the first report's folio instead of queueing a second copy.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('citizen_reports').addColumn('client_key', 'text').execute();
  await db.schema
    .createIndex('citizen_reports_client_key')
    .on('citizen_reports')
    .column('client_key')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('citizen_reports_client_key').ifExists().execute();
  await db.schema.alterTable('citizen_reports').dropColumn('client_key').execute();
}
