/**
 * The audit log also records login attempts and CSRF refusals (kinds `login` and `csrf`), and the
 * client address of every entry: a burst of failed logins or forged requests is read by where it
 * came from, not only by the account it named. Older rows have no address (null).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await sql`alter table audit_log drop constraint audit_log_kind`.execute(db);
  await sql`alter table audit_log add constraint audit_log_kind check (kind in ('view', 'export', 'login', 'csrf'))`.execute(
    db,
  );
  await db.schema.alterTable('audit_log').addColumn('ip', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').dropColumn('ip').execute();
  await sql`delete from audit_log where kind not in ('view', 'export')`.execute(db);
  await sql`alter table audit_log drop constraint audit_log_kind`.execute(db);
  await sql`alter table audit_log add constraint audit_log_kind check (kind in ('view', 'export'))`.execute(db);
}
