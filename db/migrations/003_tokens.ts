/**
 * API bearer tokens: only the SHA-256 of
 * a token is stored, never the token, with the role and territory it grants.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** hex SHA-256 of the whole token string (prefix included) */
    .addColumn('token_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    /** alcaldía cvegeo ids or sector names; empty for roles without a territory */
    .addColumn('territory', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('revoked_at', 'timestamptz')
    .addCheckConstraint('api_tokens_role', sql`role in ('mesa', 'enlace', 'moderador', 'admin')`)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('api_tokens').ifExists().execute();
}
