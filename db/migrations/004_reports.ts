/**
 * Citizen reports and chat messages waiting for moderation.
 *
 * One queue, two origins: `form` (POST /api/reports) and `chat` (etl import-chat). The raw
 * description is kept for moderators next to its redacted copy (phones, e-mails, plates removed),
 * which is the only text anyone else may ever see. Chat text expires (`text_expires_at`): the purge
 * blanks both copies after the retention period, keeping the row (status, folio, incident link).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('citizen_reports')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('folio', 'text', (c) => c.notNull().unique())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending'))
    .addColumn('category', 'text')
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('hour', 'smallint')
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    /** placement precision: 'point' (picked on the map) or the geocoder's (station, street, colonia, …) */
    .addColumn('location_precision', 'text', (c) => c.notNull())
    /** what the reporter typed as the place, when typed */
    .addColumn('location_text', 'text')
    .addColumn('alcaldia_id', 'text')
    .addColumn('colonia_id', 'text')
    .addColumn('description_raw', 'text')
    .addColumn('description_redacted', 'text')
    /** chat origin: salted hash of the sender name, the chat file's SHA-256 and message index */
    .addColumn('sender_hash', 'text')
    .addColumn('chat_ref', 'text')
    .addColumn('text_expires_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('decided_at', 'timestamptz')
    .addColumn('decided_by', 'text')
    .addColumn('decision_reason', 'text')
    .addColumn('incident_id', 'bigint', (c) => c.references('incidents.id').onDelete('set null'))
    .addCheckConstraint('citizen_reports_origin', sql`origin in ('form', 'chat')`)
    .addCheckConstraint('citizen_reports_status', sql`status in ('pending', 'approved', 'merged', 'rejected')`)
    .execute();
  await db.schema
    .createIndex('citizen_reports_status')
    .on('citizen_reports')
    .columns(['status', 'created_at'])
    .execute();
  // a chat message is queued once, however often its export is imported
  await db.schema.createIndex('citizen_reports_chat_ref').on('citizen_reports').column('chat_ref').unique().execute();
  await db.schema.createIndex('citizen_reports_expiry').on('citizen_reports').column('text_expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('citizen_reports').ifExists().execute();
}
