/**
 * The audit log: who viewed or exported what at detail level. One row per API
 * request by an authenticated caller (token or session) to a data route; written in batches by
 * server/audit, read by admins through `GET /api/audit`.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** when the request arrived (not when the batch was written) */
    .addColumn('at', 'timestamptz', (c) => c.notNull())
    /** `token:<id>` or `user:<id>` (server/auth principal subject) */
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    /** the raw query string without `?` ('' when none) */
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    /** area ids the request named (path segment or `ids`/`cuadrante`/… parameters) */
    .addColumn('area_ids', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addCheckConstraint('audit_log_kind', sql`kind in ('view', 'export')`)
    .execute();
  // the admin's reading: newest first, optionally one subject
  await db.schema.createIndex('audit_log_at').on('audit_log').columns(['at', 'id']).execute();
  await db.schema.createIndex('audit_log_subject_at').on('audit_log').columns(['subject', 'at', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_log').ifExists().execute();
}
