/**
 * The audit log's queries (migration 006): batch insert and the admin's paged reading.
 * Paging is keyset on the identity column (newest first): `cursor` is the last id of the previous
 * page, so pages stay stable while new rows arrive.
 */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';

/** `view`/`export`: a signed-in data request; `login`: a login attempt; `csrf`: a refused forged request. */
export const AUDIT_KINDS = ['view', 'export', 'login', 'csrf'] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];

export interface AuditEntry {
  at: Date;
  subject: string;
  role: string;
  name: string;
  kind: AuditKind;
  method: string;
  path: string;
  query: string;
  status: number;
  area_ids: readonly string[];
  /** the client's address as server/http/client.ts resolved it (null: unknown) */
  ip?: string | null;
}

/** An entry as the API returns it. */
export interface AuditItem extends Omit<AuditEntry, 'at' | 'area_ids' | 'ip'> {
  id: string;
  at: string;
  area_ids: string[];
  ip: string | null;
}

/**
 * Text PostgreSQL can store: NUL and the other C0 controls become U+FFFD, and so do lone UTF-16
 * surrogates. Request paths and ids are the caller's bytes (`%00` decodes to NUL), and a text or
 * jsonb value holding NUL fails the whole INSERT — one such request would block every later entry
 * behind its batch.
 */
export function storableText(text: string): string {
  return text.replace(
    /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g,
    '\ufffd',
  );
}

/**
 * Writes a batch in one INSERT (parameters only; 11 per row). One statement is one transaction:
 * when it resolves the whole batch is committed (server/audit's group commit relies on it).
 */
export async function insertAuditEntries(store: Pick<Store, 'db'>, entries: readonly AuditEntry[]): Promise<void> {
  if (!entries.length) return;
  await store.db
    .insertInto('audit_log')
    .values(
      entries.map((e) => ({
        at: e.at,
        subject: storableText(e.subject),
        role: storableText(e.role),
        name: storableText(e.name),
        kind: e.kind,
        method: storableText(e.method),
        path: storableText(e.path),
        query: storableText(e.query),
        status: e.status,
        area_ids: sql`${JSON.stringify(e.area_ids.map(storableText))}::jsonb`,
        ip: e.ip == null ? null : storableText(e.ip),
      })) as never,
    )
    .execute();
}

export interface AuditFilter {
  /** inclusive */
  from?: Date;
  /** exclusive */
  to?: Date;
  subject?: string;
  limit: number;
  /** id of the last item of the previous page */
  cursor?: string;
}

/** One page, newest first, and the cursor of the next page (null on the last). */
export async function listAuditEntries(
  store: Pick<Store, 'db'>,
  f: AuditFilter,
): Promise<{ items: AuditItem[]; next_cursor: string | null }> {
  let q = store.db.selectFrom('audit_log').selectAll();
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<', f.to);
  if (f.subject) q = q.where('subject', '=', f.subject);
  if (f.cursor) q = q.where('id', '<', f.cursor);
  const rows = await q
    .orderBy('id', 'desc')
    .limit(f.limit + 1)
    .execute();
  const page = rows.slice(0, f.limit);
  const items = page.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    subject: r.subject,
    role: r.role,
    name: r.name,
    kind: r.kind,
    method: r.method,
    path: r.path,
    query: r.query,
    status: Number(r.status),
    area_ids: (typeof r.area_ids === 'string' ? JSON.parse(r.area_ids) : r.area_ids) as string[],
    ip: r.ip ?? null,
  }));
  return { items, next_cursor: rows.length > f.limit ? items[items.length - 1].id : null };
}

/**
 * Deletes the entries older than `before` (the retention setting `AUDIT_RETENTION_DAYS`, run by the
 * scheduler); returns how many. Uses the `(at, id)` index.
 */
export async function purgeAuditEntries(store: Pick<Store, 'db'>, before: Date): Promise<number> {
  const result = await store.db.deleteFrom('audit_log').where('at', '<', before).executeTakeFirst();
  return Number(result.numDeletedRows ?? 0);
}
