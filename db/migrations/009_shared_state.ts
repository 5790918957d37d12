/**
 * State that every API process must share when several run against one PostgreSQL server:
 *
 * - `report_rate_windows`: citizen reports counted per client IP and fixed time window, so the
 *   `REPORTS_RATE_LIMIT` holds across processes (an in-memory counter per process would multiply it).
 * - `app_secrets`: the session key and the chat salt, generated once by whichever process starts
 *   first (insert-if-absent) when they are not given in the environment, so every process signs
 *   and checks sessions with the same key.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_rate_windows')
    .addColumn('client_ip', 'text', (c) => c.notNull())
    .addColumn('window_start', 'timestamptz', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_rate_windows_pk', ['client_ip', 'window_start'])
    .execute();
  await db.schema.createIndex('report_rate_windows_start').on('report_rate_windows').column('window_start').execute();
  await db.schema
    .createTable('app_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('app_secrets').ifExists().execute();
  await db.schema.dropTable('report_rate_windows').ifExists().execute();
}
