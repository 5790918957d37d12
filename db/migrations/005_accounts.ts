/**
 * Accounts: people who log in with e-mail and password, their sessions, the
 * invitation links admins send, and the login attempts behind the rate limit and the lockout.
 *
 * Nothing here is a usable secret: passwords are scrypt hashes (with their salt and parameters),
 * session ids and invitation tokens are stored as hashes only (db/queries/accounts.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** lower-cased and trimmed: the one spelling used for lookups and uniqueness */
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    /** alcaldía cvegeo ids or sector ids (mesa, enlace); empty for the other roles */
    .addColumn('territory', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** `scrypt$N$r$p$salt$hash` (base64url): the parameters travel with the hash, so they can be raised later */
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_login_at', 'timestamptz')
    .addColumn('disabled_at', 'timestamptz')
    .addCheckConstraint('users_role', sql`role in ('mesa', 'enlace', 'moderador', 'admin')`)
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** HMAC-SHA-256 of the cookie's session id under the session key (DATA_DIR/secrets/session-key) */
    .addColumn('id_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('last_seen_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    /** absolute end, whatever the activity */
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** SHA-256 of the invitation token (256 random bits, like API tokens) */
    .addColumn('token_sha256', 'text', (c) => c.notNull().unique())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('territory', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
    /** the principal's subject (`user:<id>` or `token:<id>`) */
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('expires_at', 'timestamptz', (c) => c.notNull())
    .addColumn('used_at', 'timestamptz')
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addCheckConstraint('invitations_role', sql`role in ('mesa', 'enlace', 'moderador', 'admin')`)
    .execute();

  await db.schema
    .createTable('login_attempts')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    /** lower-cased as typed (unknown addresses too: the lockout must not tell them apart) */
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('succeeded', 'boolean', (c) => c.notNull())
    .addColumn('attempted_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema.createIndex('login_attempts_email').on('login_attempts').columns(['email', 'attempted_at']).execute();
  await db.schema.createIndex('login_attempts_ip').on('login_attempts').columns(['ip', 'attempted_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['login_attempts', 'invitations', 'sessions', 'users'])
    await db.schema.dropTable(table).ifExists().execute();
}
