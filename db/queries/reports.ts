/**
 * The moderation queue (table `citizen_reports`, migration 004): inserting reports, looking them up
 * by folio, listing, and the three decisions. Approval stores the incident through the incident
 * writer in the same transaction, so the report and its incident appear together.
 */
import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../connect.ts';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import type { IncidentWriter } from '../incidents/writer.ts';
import type { CitizenReportsTable, Database, ReportStatus } from '../schema.ts';

export type { ReportStatus } from '../schema.ts';
export const REPORT_STATUSES: readonly ReportStatus[] = ['pending', 'approved', 'merged', 'rejected'];

export type NewReport = Insertable<CitizenReportsTable>;
export type ReportRow = Selectable<CitizenReportsTable>;

/** Both drivers parse `date` columns into a Date at UTC midnight: back to YYYY-MM-DD. */
function withDay<T extends ReportRow | undefined>(row: T): T {
  if (!row) return row;
  const v = row.occurred_on as unknown;
  return { ...row, occurred_on: v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10) };
}

/** Queues a report. With a `chat_ref` already queued, nothing is inserted and false is returned. */
export async function insertReport(store: Pick<Store, 'db'>, report: NewReport): Promise<boolean> {
  const q = store.db.insertInto('citizen_reports').values(report);
  const unique = report.chat_ref ? 'chat_ref' : report.client_key ? 'client_key' : null;
  const res = await (unique ? q.onConflict((oc) => oc.column(unique).doNothing()) : q).executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Which of these chat references are already queued (a dry run of a chat import counts them as already queued). */
export async function queuedChatRefs(store: Pick<Store, 'db'>, refs: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  // in slices: one statement's parameters stay far below PostgreSQL's 65,535
  for (let i = 0; i < refs.length; i += 1000) {
    const rows = await store.db
      .selectFrom('citizen_reports')
      .select('chat_ref')
      .where('chat_ref', 'in', refs.slice(i, i + 1000))
      .execute();
    for (const r of rows) found.add(r.chat_ref!);
  }
  return found;
}

/** The report queued with this `Idempotency-Key`, if any. */
export async function reportByClientKey(store: Pick<Store, 'db'>, key: string): Promise<ReportRow | undefined> {
  return withDay(
    await store.db.selectFrom('citizen_reports').selectAll().where('client_key', '=', key).executeTakeFirst(),
  );
}

export async function reportByFolio(store: Pick<Store, 'db'>, folio: string): Promise<ReportRow | undefined> {
  return withDay(
    await store.db.selectFrom('citizen_reports').selectAll().where('folio', '=', folio).executeTakeFirst(),
  );
}

export async function listReports(
  store: Pick<Store, 'db'>,
  opts: { status?: ReportStatus; limit?: number; offset?: number },
): Promise<ReportRow[]> {
  let q = store.db.selectFrom('citizen_reports').selectAll();
  if (opts.status) q = q.where('status', '=', opts.status);
  return (
    await q
      .orderBy('created_at')
      .orderBy('id')
      .limit(opts.limit ?? 100)
      .offset(opts.offset ?? 0)
      .execute()
  ).map(withDay);
}

export async function countReports(store: Pick<Store, 'db'>): Promise<Record<ReportStatus, number>> {
  const rows = await store.db
    .selectFrom('citizen_reports')
    .select(['status', sql<string>`count(*)`.as('n')])
    .groupBy('status')
    .execute();
  const out = { pending: 0, approved: 0, merged: 0, rejected: 0 };
  for (const r of rows) out[r.status] = Number(r.n);
  return out;
}

type Tx = Kysely<Database>;

/** The pending report, locked for the decision; 404 / 409 otherwise. */
async function pendingForUpdate(trx: Tx, folio: string): Promise<ReportRow> {
  const row = withDay(
    await trx.selectFrom('citizen_reports').selectAll().where('folio', '=', folio).forUpdate().executeTakeFirst(),
  );
  if (!row) throw new AppError('not_found', `folio ${folio}`);
  if (row.status !== 'pending') throw new AppError('report_already_decided', row.status);
  return row;
}

/**
 * Approves a pending report: `toIncident` builds the normalised incident from the locked report; the
 * incident writer stores it (and bumps the data version) in the transaction that links the report, so
 * both appear together. Returns the incident id.
 */
export async function approveReport(
  store: Pick<Store, 'db'>,
  folio: string,
  by: string,
  toIncident: (r: ReportRow) => NormalisedIncident,
  writer: IncidentWriter,
): Promise<string> {
  return store.db.transaction().execute(async (trx) => {
    const row = await pendingForUpdate(trx, folio);
    if (!row.category) throw new AppError('invalid_category', 'asigne una categoría antes de aprobar');
    const { ids } = await writer.writeIn(trx, { insert: [toIncident(row)] });
    const incidentId = ids[0]!;
    await trx
      .updateTable('citizen_reports')
      .set({ status: 'approved', decided_at: new Date(), decided_by: by, incident_id: incidentId })
      .where('folio', '=', folio)
      .execute();
    return incidentId;
  });
}

/** Links a pending report to an existing incident (no new incident: the event is counted once). */
export async function mergeReport(
  store: Pick<Store, 'db'>,
  folio: string,
  incidentId: string,
  by: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await pendingForUpdate(trx, folio);
    const inc = await trx
      .selectFrom('incidents')
      .select('id')
      .where('id', '=', incidentId as never)
      .executeTakeFirst();
    if (!inc) throw new AppError('not_found', `incidente ${incidentId}`);
    await trx
      .updateTable('citizen_reports')
      .set({ status: 'merged', decided_at: new Date(), decided_by: by, incident_id: incidentId })
      .where('folio', '=', folio)
      .execute();
  });
}

export async function rejectReport(store: Pick<Store, 'db'>, folio: string, reason: string, by: string): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    await pendingForUpdate(trx, folio);
    await trx
      .updateTable('citizen_reports')
      .set({ status: 'rejected', decided_at: new Date(), decided_by: by, decision_reason: reason })
      .where('folio', '=', folio)
      .execute();
  });
}

/**
 * Chat retention: blanks the text (raw and redacted) of every report whose `text_expires_at` has
 * passed. The row stays (folio, status, incident link); returns how many texts were purged.
 */
export async function purgeExpiredText(store: Pick<Store, 'db'>, now: Date = new Date()): Promise<number> {
  const res = await store.db
    .updateTable('citizen_reports')
    .set({ description_raw: null, description_redacted: null, text_expires_at: null })
    .where('text_expires_at', '<=', now)
    .executeTakeFirst();
  return Number(res.numUpdatedRows ?? 0);
}

const HONEYPOT_KEY = 'reports_honeypot_discarded';

/** Counts a submission discarded because its honeypot field was filled. */
export async function countHoneypot(store: Pick<Store, 'db'>): Promise<void> {
  await store.db
    .insertInto('meta')
    .values({ key: HONEYPOT_KEY, value: '1' })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: sql`(meta.value::bigint + 1)::text` }))
    .execute();
}

export async function honeypotCount(store: Pick<Store, 'db'>): Promise<number> {
  const row = await store.db.selectFrom('meta').select('value').where('key', '=', HONEYPOT_KEY).executeTakeFirst();
  return Number(row?.value ?? 0);
}
