/**
 * Record keys for the cell-key method of disclosure control (server/policy/cell-key.ts): every
 * incident carries a random key in 0 … 255, drawn once when the row is written and never changed,
 * so a published cell's noise — a function of its count and the sum of its records' keys — is the
 * same in every answer that publishes that cell. A column default draws it, so both write paths of
 * `db/incidents` (row inserts and the COPY bulk path, which names its columns) get keys without
 * knowing about them; adding the column with a volatile default gives every existing row its own key.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('incidents')
    .addColumn('record_key', 'smallint', (c) => c.notNull().defaultTo(sql`floor(random() * 256)::smallint`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('incidents').dropColumn('record_key').execute();
}
