/**
 * Applying one downloaded publication to the store: the same row pipeline as the official import
 * (etl/official: lines → csv-parse → validate → classify → normalised incident, quarantine for bad
 * rows), then a comparison with what the last publication gave, record by record:
 *
 *   - a record id not synced before → inserted;
 *   - a synced record whose normalised content changed (the FGJ revised its date, place or category;
 *     see etl/official/identity.ts for how a revised record keeps its id) → updated in place;
 *   - a synced record absent from this publication → retracted, and the retraction recorded.
 *
 * The content compared is a hash of the normalised incident (not of the raw row), so a new column
 * or a reordered export changes nothing. A victim-level file (`collapse: 'victims'` with a record id,
 * the víctimas format) gives one incident per carpeta and crime whose `victims` is its number of
 * distinct rows, as the plain import does: a carpeta with three victims is one incident, never three.
 * A source whose carpetas another source already counts (`deferTo`: the víctimas file next to the
 * portal's carpetas file) leaves the months that source covers to it: their rows are counted in
 * `deferred_rows` and written as no incident (see reconcile.ts).
 * A publication that is one part of a source (a monthly spreadsheet) compares and retracts only
 * within its own `scope`, so a new month never withdraws the records of the others. All of it runs
 * in ONE transaction (the incidents through the store's write port `db/incidents`, whose aggregates
 * are recomputed once for the months the publication touched, the sync state, the quarantine and
 * the `imports` row), so
 * a failure at any row leaves the store as it was. Records of the same source imported by hand
 * (`etl -- import`) are not the publication's: applying it never retracts them (víctimas rows of
 * months the carpetas source covers are reconciled at the end of the sync run, reconcile.ts).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../core/errors/index.ts';
import type { IncidentKey, NormalisedIncident } from '../../core/incident/index.ts';
import type { Store } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import { recordRetractions, saveSyncedRecords, syncedContentHashes } from '../../db/queries/sync.ts';
import { rowContext } from '../official/context.ts';
import { FORMATS, type FormatId } from '../official/mappings.ts';
import { RowNormaliser, resolveColumns, type OfficialIncident } from '../official/rows.ts';
import type { MonthRange } from './reconcile.ts';
import { openTable } from './table.ts';

export interface ApplyReport {
  import_id: number;
  /** data rows read (header excluded) */
  rows: number;
  incidents: number;
  inserted: number;
  updated: number;
  unchanged: number;
  retracted: number;
  quarantined: number;
  quarantine_reasons: Record<string, number>;
  non_crimes: number;
  /** rows whose record id repeats one earlier in the file (a repeated id is one record) */
  duplicate_rows: number;
  /** victim-level files: rows that joined an incident as one more victim */
  merged_rows: number;
  /** rows of months another source counts (`deferTo`): not incidents of this one */
  deferred_rows: number;
  /** the months left to that source, when there was one */
  deferred_to: (MonthRange & { source: string }) | null;
  /** first and last month (YYYY-MM) of the publication's incidents */
  first_month: string | null;
  last_month: string | null;
  seconds: number;
  rows_per_second: number;
}

export interface ApplyProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  rowsPerSecond: number;
  etaSeconds: number | null;
}

export interface ApplyOptions {
  format: FormatId;
  sha256: string;
  /** the `imports.file_name` (default the file's base name) */
  fileName?: string;
  progress?: (p: ApplyProgress) => void;
  /** incidents per write-port batch */
  batchRows?: number;
  /** sync_records scope: the source id (default), or one file of it ("fgj_mensual:carpetas_2025_03.xlsx") */
  scope?: string;
  /** months whose incidents another source counts (the rows of those months are not written) */
  deferTo?: (MonthRange & { source: string }) | null;
  /** more writes that must commit with the publication (the sync state of its resource) */
  alsoInTransaction?: (trx: Transaction<Database>, report: ApplyReport) => Promise<void>;
}

/**
 * Checks the header of a downloaded file before anything is written: a publication whose header
 * lacks a column the mapping needs is refused (AppError('header_changed')), so a renamed column
 * never imports as empty values.
 */
export async function checkHeader(path: string, format: FormatId): Promise<void> {
  const src = openTable(path, 1);
  for await (const batch of src.batches) {
    const header = batch[0];
    if (!header || !('fields' in header))
      throw new AppError('header_changed', `${basename(path)}: encabezado ilegible`);
    const { missing } = resolveColumns(FORMATS[format], header.fields);
    if (missing.length)
      throw new AppError(
        'header_changed',
        `${basename(path)}: faltan columnas del formato ${format}: ${missing.join(', ')}`,
      );
    await src.batches.return(undefined);
    return;
  }
  throw new AppError('header_changed', `${basename(path)}: archivo vacío`);
}

/** The hash of what a record says (not of its raw row): equal hashes, nothing to update. */
export function contentHash(x: NormalisedIncident): string {
  const content = [
    x.occurredOn,
    x.hour,
    x.occurredAt,
    x.timePrecision,
    x.category,
    x.violence,
    x.attempt,
    x.originalLabel,
    x.victims,
    x.point?.lat ?? null,
    x.point?.lon ?? null,
    x.placedAtPoint,
    x.locationPrecision,
    x.statedAreas,
  ];
  return createHash('sha256').update(JSON.stringify(content)).digest('base64url').slice(0, 22);
}

export async function applyPublication(store: Store, path: string, opts: ApplyOptions): Promise<ApplyReport> {
  const mapping = FORMATS[opts.format];
  const batchRows = opts.batchRows ?? 5000;
  const fileName = opts.fileName ?? basename(path);
  const scope = opts.scope ?? mapping.id;
  const deferTo = opts.deferTo ?? null;
  const started = performance.now();
  await checkHeader(path, opts.format);
  const ctx = rowContext(mapping);
  const writer = new IncidentWriter(ctx.reverse);

  return store.db.transaction().execute(async (trx) => {
    const { id: importId } = await trx
      .insertInto('imports')
      .values({ source: mapping.id, file_name: fileName, file_sha256: opts.sha256, status: 'running' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const report: ApplyReport = {
      import_id: Number(importId),
      rows: 0,
      incidents: 0,
      inserted: 0,
      updated: 0,
      unchanged: 0,
      retracted: 0,
      quarantined: 0,
      quarantine_reasons: {},
      non_crimes: 0,
      duplicate_rows: 0,
      merged_rows: 0,
      deferred_rows: 0,
      deferred_to: deferTo,
      first_month: null,
      last_month: null,
      seconds: 0,
      rows_per_second: 0,
    };
    // What the last publication gave; every record seen now leaves it, so the rest were withdrawn.
    const previous = await syncedContentHashes(trx, scope);
    const seen = new Set<string>();
    let insert: NormalisedIncident[] = [];
    let upsert: NormalisedIncident[] = [];
    let hashes: { recordId: string; contentHash: string }[] = [];
    let quarantine: { import_id: number; source: string; line_no: number; reason: string; raw: string }[] = [];
    // the aggregates of every month the publication touches are recomputed once, before commit
    const touched = { deferAggregatesTo: new Set<string>() };

    const flush = async () => {
      if (insert.length || upsert.length) {
        const r = await writer.writeIn(trx, { insert, upsert }, touched);
        report.inserted += r.inserted;
        report.updated += upsert.length;
      }
      await saveSyncedRecords(trx, scope, hashes);
      if (quarantine.length) await trx.insertInto('quarantine').values(quarantine).execute();
      insert = [];
      upsert = [];
      hashes = [];
      quarantine = [];
    };

    // One incident of the publication: compared with what the last one gave.
    const consider = (x: OfficialIncident) => {
      report.incidents++;
      const month = x.occurredOn.slice(0, 7);
      if (!report.first_month || month < report.first_month) report.first_month = month;
      if (!report.last_month || month > report.last_month) report.last_month = month;
      const hash = contentHash(x);
      const before = previous.get(x.sourceRecordId);
      previous.delete(x.sourceRecordId);
      if (before === hash) {
        report.unchanged++;
        return;
      }
      x.provenance = { kind: 'import', importId: report.import_id };
      (before === undefined ? insert : upsert).push(x);
      hashes.push({ recordId: x.sourceRecordId, contentHash: hash });
    };
    // Victim-level rows wait for the whole file: the victims of a carpeta need not be adjacent.
    const victims = new Map<string, { incident: OfficialIncident; rows: Set<string> }>();

    const src = openTable(path);
    let normaliser: RowNormaliser | null = null;
    let collapse = false;
    let headerLength = 0;
    let sinceYield = 0;
    let lastTold = 0;
    for await (const batch of src.batches) {
      let parsed = batch;
      if (!normaliser) {
        const header = parsed[0]!;
        if (!('fields' in header)) throw new AppError('header_changed', `${fileName}: encabezado ilegible`);
        const { columns } = resolveColumns(mapping, header.fields);
        normaliser = new RowNormaliser(mapping, columns, ctx);
        collapse = mapping.collapse === 'victims' && !normaliser.derivesIdentity;
        headerLength = header.fields.length;
        parsed = parsed.slice(1);
      }
      for (const p of parsed) {
        if (++sinceYield === 500) {
          sinceYield = 0;
          await yieldToEventLoop();
        }
        report.rows++;
        const outcome =
          'error' in p || p.fields.length !== headerLength
            ? ({ kind: 'quarantine', reason: 'malformed_row' } as const)
            : normaliser.normalise(p.fields);
        if (outcome.kind === 'quarantine') {
          report.quarantined++;
          report.quarantine_reasons[outcome.reason] = (report.quarantine_reasons[outcome.reason] ?? 0) + 1;
          quarantine.push({
            import_id: report.import_id,
            source: mapping.id,
            line_no: p.line.no,
            reason: outcome.reason,
            raw: p.line.text.replaceAll('\u0000', ''),
          });
          continue;
        }
        if (outcome.kind === 'non_crime') {
          report.non_crimes++;
          continue;
        }
        const x = outcome.incident;
        const month = x.occurredOn.slice(0, 7);
        if (deferTo && month >= deferTo.first && month <= deferTo.last) {
          report.deferred_rows++;
          continue;
        }
        if (collapse) {
          const group = victims.get(x.sourceRecordId);
          if (!group) victims.set(x.sourceRecordId, { incident: x, rows: new Set([p.line.text]) });
          else if (group.rows.has(p.line.text)) report.duplicate_rows++;
          else {
            group.rows.add(p.line.text);
            report.merged_rows++;
          }
          continue;
        }
        if (seen.has(x.sourceRecordId)) {
          report.duplicate_rows++;
          continue;
        }
        seen.add(x.sourceRecordId);
        consider(x);
      }
      if (insert.length + upsert.length >= batchRows || quarantine.length >= batchRows) await flush();
      const now = performance.now();
      if (opts.progress && now - lastTold > 1000) {
        lastTold = now;
        const rate = report.rows / Math.max(0.001, (now - started) / 1000);
        const fraction = src.totalBytes > 0 ? src.bytesRead() / src.totalBytes : 0;
        opts.progress({
          rows: report.rows,
          bytesRead: src.bytesRead(),
          totalBytes: src.totalBytes,
          rowsPerSecond: rate,
          etaSeconds: fraction > 0 ? ((now - started) / 1000) * (1 / fraction - 1) : null,
        });
      }
    }
    for (const { incident, rows } of victims.values()) {
      incident.victims = rows.size;
      consider(incident);
      if (insert.length + upsert.length >= batchRows) await flush();
    }
    await flush();

    // Records of the last publication that this one no longer has: withdrawn by the publisher.
    const withdrawn = [...previous.keys()];
    for (let i = 0; i < withdrawn.length; i += batchRows) {
      const keys: IncidentKey[] = withdrawn
        .slice(i, i + batchRows)
        .map((sourceRecordId) => ({ source: mapping.id, sourceRecordId }));
      const r = await writer.writeIn(trx, { retract: keys }, touched);
      report.retracted += r.retracted;
    }
    await recordRetractions(trx, scope, withdrawn, report.import_id);
    await writer.rebuildMonthsIn(trx, touched.deferAggregatesTo);

    report.seconds = Math.round((performance.now() - started) / 10) / 100;
    report.rows_per_second = Math.round(report.rows / Math.max(0.001, report.seconds));
    await trx
      .updateTable('imports')
      .set({
        status: 'done',
        finished_at: new Date(),
        report: sql<string>`${JSON.stringify(report)}::text::jsonb` as never,
      })
      .where('id', '=', report.import_id)
      .execute();
    await opts.alsoInTransaction?.(trx, report);
    return report;
  });
}
