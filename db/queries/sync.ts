/**
 * The open-data sync's state (migration 015): per source key, the last resource fetched and its
 * validators; per synced record, the hash of its normalised content; the records the publisher
 * withdrew. Incidents themselves are written only through `db/incidents`.
 */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, SyncResourcesTable } from '../schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface SyncResource {
  key: string;
  source: string;
  resourceId: string | null;
  url: string;
  etag: string | null;
  lastModified: string | null;
  size: number | null;
  sha256: string | null;
  rows: number | null;
  importId: number | null;
  checkedAt: Date;
  changedAt: Date | null;
}

const toResource = (r: Selectable<SyncResourcesTable>): SyncResource => ({
  key: r.key,
  source: r.source,
  resourceId: r.resource_id,
  url: r.url,
  etag: r.etag,
  lastModified: r.last_modified,
  size: r.size === null ? null : Number(r.size),
  sha256: r.sha256,
  rows: r.rows,
  importId: r.import_id,
  checkedAt: new Date(r.checked_at),
  changedAt: r.changed_at === null ? null : new Date(r.changed_at),
});

export async function syncResource(db: Db, key: string): Promise<SyncResource | null> {
  const row = await db.selectFrom('sync_resources').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? toResource(row) : null;
}

export async function syncResources(db: Db): Promise<SyncResource[]> {
  return (await db.selectFrom('sync_resources').selectAll().orderBy('key').execute()).map(toResource);
}

/** Records what was fetched of `key` (and when data last changed, when `changed`). */
export async function saveSyncResource(
  db: Db,
  r: Omit<SyncResource, 'checkedAt' | 'changedAt'>,
  changed: boolean,
): Promise<void> {
  const values = {
    key: r.key,
    source: r.source,
    resource_id: r.resourceId,
    url: r.url,
    etag: r.etag,
    last_modified: r.lastModified,
    size: r.size,
    sha256: r.sha256,
    rows: r.rows,
    import_id: r.importId,
    checked_at: new Date(),
    ...(changed ? { changed_at: new Date() } : {}),
  };
  await db
    .insertInto('sync_resources')
    .values(values)
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
}

/** A check that found nothing new: only `checked_at` moves. */
export async function markSyncChecked(db: Db, key: string): Promise<void> {
  await db.updateTable('sync_resources').set({ checked_at: new Date() }).where('key', '=', key).execute();
}

/** record id → content hash of every synced record of `source`. */
export async function syncedContentHashes(db: Db, source: string): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('sync_records')
    .select(['record_id', 'content_hash'])
    .where('source', '=', source)
    .execute();
  return new Map(rows.map((r) => [r.record_id, r.content_hash]));
}

/** 3 parameters a row: 10,000 rows stay well under PostgreSQL's 65,535 parameters per statement. */
const RECORDS_PER_STATEMENT = 10_000;

export async function saveSyncedRecords(
  db: Db,
  source: string,
  records: readonly { recordId: string; contentHash: string }[],
): Promise<void> {
  for (let i = 0; i < records.length; i += RECORDS_PER_STATEMENT) {
    await db
      .insertInto('sync_records')
      .values(
        records
          .slice(i, i + RECORDS_PER_STATEMENT)
          .map((r) => ({ source, record_id: r.recordId, content_hash: r.contentHash })),
      )
      .onConflict((oc) =>
        oc.columns(['source', 'record_id']).doUpdateSet({ content_hash: (eb) => eb.ref('excluded.content_hash') }),
      )
      .execute();
  }
}

/** Forgets withdrawn records and keeps the fact that they were withdrawn, by which import. */
export async function recordRetractions(
  db: Db,
  source: string,
  recordIds: readonly string[],
  importId: number,
): Promise<void> {
  for (let i = 0; i < recordIds.length; i += RECORDS_PER_STATEMENT) {
    const chunk = recordIds.slice(i, i + RECORDS_PER_STATEMENT);
    await db.deleteFrom('sync_records').where('source', '=', source).where('record_id', 'in', chunk).execute();
    await db
      .insertInto('sync_retractions')
      .values(chunk.map((record_id) => ({ source, record_id, import_id: importId })))
      .execute();
  }
}
