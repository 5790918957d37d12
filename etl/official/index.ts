/**
 * The official-data import: one generic pipeline for every format in `mappings.ts`.
 *
 *   lines (streaming, gzip-aware) → csv-parse per batch → validate → classify → normalised incident
 *   (with the areas the record states) → the store's incident writer (`db/incidents`: areas from the
 *   point, H3, COPY in big batches into `incidents`), skipping the record ids of the source that are
 *   already stored (see `BulkIncidentLoad.storedRecordIds`)
 *
 * All of it runs in ONE transaction per file (`Store.rawTransaction`), so a crash half-way leaves no
 * incident, quarantine row or 'done' import of that file; re-importing a file changes nothing (an
 * identical file is recognised by its sha256, and overlapping records by their unique key).
 * Rows are never dropped silently: a row is an incident (or part of one), a non-crime, or quarantined.
 */
import { basename } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { sql } from 'kysely';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import { QUARANTINE_COLUMNS, quarantineCsvLine } from './csv.ts';
import { hashFile } from './hash.ts';
import { parseLines, readLines } from './lines.ts';
import { FORMATS, isFormatId, type FormatId } from './mappings.ts';
import { rowContext } from './context.ts';
import { RowNormaliser, resolveColumns, type OfficialIncident } from './rows.ts';
import { emptyReport, finishReport, type ImportReport } from './report.ts';
import type { ImportProgress } from './progress.ts';

export { FORMATS, FORMAT_IDS, isFormatId, type FormatId, type FormatMapping } from './mappings.ts';
export type { ImportReport } from './report.ts';
export { terminalProgress, type ImportProgress } from './progress.ts';

export interface ImportOptions {
  format: FormatId;
  /** Called after every batch; a throw aborts the import (rolled back). */
  progress?: (p: ImportProgress) => void;
  /** Name recorded in `imports.file_name` (default: the file's base name). */
  fileName?: string;
  /** Rows per COPY batch. */
  batchRows?: number;
}

/** Rows prepared between two turns of the event loop (≈ 10 ms of work: PostgreSQL's socket never runs dry). */
const YIELD_EVERY_ROWS = 250;

/** Imports one official export. Throws AppError('invalid_parameter') for an unknown format or a header lacking required columns. */
export async function importOfficialFile(store: Store, path: string, opts: ImportOptions): Promise<ImportReport> {
  if (!isFormatId(opts.format)) throw new AppError('invalid_parameter', `formato desconocido: ${opts.format}`);
  const mapping = FORMATS[opts.format];
  // spreadsheets are read by the sync's streaming .xlsx reader, not by this line-based one
  if (/\.xlsx$/i.test(path))
    throw new AppError(
      'invalid_parameter',
      `${basename(path)}: una hoja de cálculo se carga con etl -- sync --from-dir`,
    );
  const fileName = opts.fileName ?? basename(path);
  const batchRows = opts.batchRows ?? 20_000;
  const started = performance.now();
  const sha256 = await hashFile(path);

  // An identical file already imported: nothing to do (and no second set of quarantine rows).
  const prior = await store.db
    .selectFrom('imports')
    .select(['id', 'report'])
    .where('source', '=', mapping.id)
    .where('file_sha256', '=', sha256)
    .where('status', '=', 'done')
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (prior) {
    const before = (prior.report ?? {}) as Partial<ImportReport>;
    const report: ImportReport = {
      ...emptyReport(mapping.id, fileName, sha256),
      ...before,
      status: 'already_imported',
      import_id: prior.id,
      inserted: 0,
      already_present: before.incidents ?? 0,
      data_changed: false,
      seconds: 0,
      rows_per_second: 0,
    };
    opts.progress?.({
      phase: 'done',
      file: fileName,
      format: mapping.id,
      rows: report.rows,
      bytesRead: 0,
      totalBytes: 0,
    });
    return report;
  }

  const ctx = rowContext(mapping);
  const report = emptyReport(mapping.id, fileName, sha256);
  try {
    return await store.rawTransaction(async (tx) => {
      const { rows } = await tx.query<{ id: number }>(
        `INSERT INTO imports (source, file_name, file_sha256, status) VALUES ($1, $2, $3, 'running') RETURNING id`,
        [mapping.id, fileName, sha256],
      );
      const importId = Number(rows[0].id);
      report.import_id = importId;
      const incidents = new IncidentWriter(ctx.reverse).bulk(tx);
      const known = await incidents.storedRecordIds(mapping.id);

      const src = readLines(path);
      let normaliser: RowNormaliser | null = null;
      let headerLength = 0;
      const quarantineCsv: string[] = [];
      const seen = new Set<string>();
      const collapsed = new Map<string, { incident: OfficialIncident; rows: Set<string> }>();
      let sinceYield = 0;
      const emit = (x: OfficialIncident) => {
        report.incidents++;
        report.victims += x.victims;
        report.by_category[x.category] = (report.by_category[x.category] ?? 0) + 1;
        if (x.locationPrecision !== 'point') report.unlocated++;
        if (!x.mapped) report.unmapped_labels[x.originalLabel] = (report.unmapped_labels[x.originalLabel] ?? 0) + 1;
        if (known.has(x.sourceRecordId)) report.already_present++;
        else {
          x.provenance = { kind: 'import', importId }; // set in place: a copy per row costs the import's hot path
          incidents.add(x);
        }
      };
      const quarantine = (
        lineNo: number,
        raw: string,
        reason: 'missing_date' | 'missing_category' | 'malformed_row',
      ) => {
        report.quarantined++;
        report.quarantine_reasons[reason] = (report.quarantine_reasons[reason] ?? 0) + 1;
        quarantineCsv.push(quarantineCsvLine(importId, mapping.id, lineNo, reason, raw));
      };
      const tell = (phase: ImportProgress['phase']) =>
        opts.progress?.({
          phase,
          file: fileName,
          format: mapping.id,
          rows: report.rows,
          bytesRead: src.bytesRead(),
          totalBytes: src.totalBytes,
        });

      try {
        for await (const batch of src.lines) {
          let parsed = parseLines(batch);
          if (!normaliser) {
            const header = parsed[0];
            if (!header || !('fields' in header))
              throw new AppError('invalid_parameter', `${fileName}: encabezado ilegible`);
            const { columns, missing } = resolveColumns(mapping, header.fields);
            if (missing.length)
              throw new AppError(
                'invalid_parameter',
                `${fileName}: faltan columnas del formato ${mapping.id}: ${missing.join(', ')}`,
              );
            normaliser = new RowNormaliser(mapping, columns, ctx);
            headerLength = header.fields.length;
            parsed = parsed.slice(1);
          }
          for (const p of parsed) {
            // Let the event loop run now and then: the COPY in flight is written to the socket only
            // between our turns, so without this PostgreSQL waits while a whole batch is prepared
            // (measured: the import then took the sum, not the larger, of the two).
            if (++sinceYield === YIELD_EVERY_ROWS) {
              sinceYield = 0;
              await yieldToEventLoop();
            }
            report.rows++;
            if ('error' in p || p.fields.length !== headerLength) {
              quarantine(p.line.no, p.line.text, 'malformed_row');
              continue;
            }
            const outcome = normaliser.normalise(p.fields);
            if (outcome.kind === 'quarantine') quarantine(p.line.no, p.line.text, outcome.reason);
            else if (outcome.kind === 'non_crime') report.non_crimes++;
            else if (!mapping.collapse || normaliser.derivesIdentity) {
              // One row = one incident: a repeated record id is a duplicate row, not a second incident.
              const id = outcome.incident.sourceRecordId;
              if (seen.has(id)) report.duplicate_rows++;
              else {
                seen.add(id);
                emit(outcome.incident);
              }
            } else {
              const key = outcome.incident.sourceRecordId;
              const group = collapsed.get(key);
              if (!group) collapsed.set(key, { incident: outcome.incident, rows: new Set([p.line.text]) });
              else if (group.rows.has(p.line.text)) report.duplicate_rows++;
              else {
                group.rows.add(p.line.text);
                report.merged_rows++;
              }
            }
          }
          if (incidents.pending >= batchRows) await incidents.flush();
          tell('read');
        }
        if (!normaliser) throw new AppError('invalid_parameter', `${fileName}: archivo vacío`);

        for (const { incident, rows: victimRows } of collapsed.values()) {
          incident.victims = victimRows.size;
          emit(incident);
          if (incidents.pending >= batchRows) await incidents.flush();
        }
        // Sends the rest; bumps the data version when anything was inserted.
        report.inserted = await incidents.commit();
      } catch (err) {
        await incidents.settle();
        throw err;
      }
      tell('insert');

      if (quarantineCsv.length) await tx.copyCsv('quarantine', QUARANTINE_COLUMNS, quarantineCsv.join(''));
      report.data_changed = report.inserted > 0;
      finishReport(report, started);
      await tx.query(
        `UPDATE imports SET status = 'done', finished_at = now(), report = $1::text::jsonb WHERE id = $2`,
        [JSON.stringify(report), importId],
      );
      tell('done');
      return report;
    });
  } catch (err) {
    await recordFailure(store, mapping.id, fileName, sha256, err);
    throw err;
  }
}

/** Leaves a trace of a failed import (after the rollback, so nothing else of the file remains). Best effort. */
async function recordFailure(
  store: Store,
  source: string,
  fileName: string,
  sha256: string,
  err: unknown,
): Promise<void> {
  try {
    await store.db
      .insertInto('imports')
      .values({
        source,
        file_name: fileName,
        file_sha256: sha256,
        status: 'failed',
        finished_at: new Date(),
        report: sql<string>`${JSON.stringify({ error: String((err as Error)?.message ?? err) })}::text::jsonb`,
      })
      .execute();
  } catch {
    /* the store itself may be what failed */
  }
}
