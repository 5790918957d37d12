/**
 * One file of a source through the sync: fetched with a conditional, resumable GET (or taken from
 * disk with --from-dir), skipped when its sha256 is the one last applied (and nothing it depends on
 * changed), else applied — imported record by record (apply.ts), or, for a GTFS feed, by the
 * source's own step — with its sync state saved in the same transaction.
 */
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import type { Transaction } from 'kysely';
import type { Store } from '../../db/connect.ts';
import { markSyncChecked, saveSyncResource, syncResource } from '../../db/queries/sync.ts';
import type { Database } from '../../db/schema.ts';
import { hashFile } from '../official/hash.ts';
import type { FormatId } from '../official/mappings.ts';
import { applyPublication, type ApplyReport } from './apply.ts';
import { downloadFile, type Validators } from './download.ts';
import type { GtfsReport } from './gtfs.ts';
import { sameDeferral, type MonthRange } from './reconcile.ts';

/** `sync_resources.source` of a GTFS feed (it has no incidents source) */
export const GTFS_SOURCE = 'gtfs';

export type Log = (line: string) => void;

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const seconds = (s: number | null) => (s === null || !Number.isFinite(s) ? '?' : `${Math.round(s)} s`);

/** A file to sync: one on the portal (downloaded to `dest`), or one already on disk (--from-dir). */
export type FileTarget = { url: string; size: number | null; dest: string } | { local: string };

export interface FileJob {
  /** the key of its `sync_resources` row */
  stateKey: string;
  /** the import mapping; null for a GTFS feed, which `applyFile` applies */
  format: FormatId | null;
  /** the records it compares and retracts within (apply.ts) */
  scope: string;
  resourceId: string | null;
  target: FileTarget;
  deferTo: (MonthRange & { source: string }) | null;
  /** instead of an import: how a file that is not incidents is applied (the GTFS feed) */
  applyFile?: (
    path: string,
    saveState: (trx: Transaction<Database>, rows: number) => Promise<void>,
  ) => Promise<GtfsReport>;
  /** whether what the file gave is gone and must be built again even from an identical file */
  outputMissing?: boolean;
}

export interface FileOutcome {
  status: 'updated' | 'unchanged';
  url: string | null;
  /** bytes fetched in this run (0 when not modified or taken from disk) */
  downloaded_bytes: number;
  /** where a resumed download started */
  resumed_from: number;
  import?: ApplyReport;
  transit?: GtfsReport;
  reason?: string;
}

/** Fetches (conditionally) and applies one file, unless it is what was last applied. */
export async function syncFile(
  store: Store,
  opts: { fetchImpl?: typeof fetch },
  log: Log,
  job: FileJob,
): Promise<FileOutcome> {
  const { stateKey: key, target } = job;
  const out: FileOutcome = { status: 'unchanged', url: null, downloaded_bytes: 0, resumed_from: 0 };
  const prev = await syncResource(store.db, key);
  // a file applied while another source covered other months must be applied again (reconcile.ts)
  const prevDeferral = prev?.importId ? await deferralOfImport(store, prev.importId) : null;
  const deferralChanged = !sameDeferral(prevDeferral, job.deferTo) || Boolean(job.outputMissing);
  let path: string;
  let validators: Validators = { etag: null, lastModified: null };
  if ('local' in target) {
    path = target.local;
    out.url = `file://${path}`;
  } else {
    out.url = target.url;
    path = target.dest;
    mkdirSync(dirname(path), { recursive: true });
    const sameResource = prev?.url === target.url && existsSync(path);
    log(`${key}: ${target.url}${target.size ? ` (${mb(target.size)})` : ''}\n`);
    const outcome = await downloadFile({
      url: target.url,
      dest: path,
      previous: sameResource ? prev : null,
      expectedSize: target.size,
      fetchImpl: opts.fetchImpl,
      progress: (p) =>
        log(
          `${key}: descargados ${mb(p.bytes)}${p.total ? ` de ${mb(p.total)}` : ''} (${mb(p.bytesPerSecond)}/s, faltan ${seconds(p.etaSeconds)})\n`,
        ),
    });
    if (outcome.status === 'not_modified') {
      if (!deferralChanged) {
        await markSyncChecked(store.db, key);
        out.reason = 'el portal no tiene versión nueva (304)';
        return out;
      }
      // the same file, applied again over the months another source now covers
      validators = { etag: prev?.etag ?? null, lastModified: prev?.lastModified ?? null };
    } else {
      out.downloaded_bytes = outcome.size - outcome.resumedFrom;
      out.resumed_from = outcome.resumedFrom;
      validators = outcome.validators;
    }
  }
  const sha256 = await hashFile(path);
  const size = statSync(path).size;
  const state = {
    key,
    source: job.format ?? GTFS_SOURCE,
    resourceId: job.resourceId,
    url: out.url,
    ...validators,
    size,
    sha256,
  };
  if (prev?.sha256 === sha256 && !deferralChanged) {
    await saveSyncResource(store.db, { ...state, rows: prev.rows, importId: prev.importId }, false);
    out.reason = 'archivo idéntico al último aplicado';
    return out;
  }
  if (job.applyFile) {
    out.transit = await job.applyFile(path, (trx, rows) =>
      saveSyncResource(trx, { ...state, rows, importId: null }, true),
    );
    out.status = 'updated';
    return out;
  }
  out.import = await applyPublication(store, path, {
    format: job.format!,
    sha256,
    scope: job.scope,
    deferTo: job.deferTo,
    fileName: 'local' in target ? basename(path) : `${key.replace(':', '/')}${extname(path)}`,
    progress: (p) =>
      log(
        `${key}: ${p.rows.toLocaleString('es-MX')} filas (${Math.round(p.rowsPerSecond).toLocaleString('es-MX')} filas/s, faltan ${seconds(p.etaSeconds)})\n`,
      ),
    alsoInTransaction: (trx, r) => saveSyncResource(trx, { ...state, rows: r.rows, importId: r.import_id }, true),
  });
  const r = out.import;
  out.status = r.inserted + r.updated + r.retracted > 0 ? 'updated' : 'unchanged';
  if (out.status === 'unchanged') out.reason = 'publicación nueva sin registros nuevos ni cambiados';
  return out;
}

/** The months an earlier application of a file left to another source (from its import report). */
async function deferralOfImport(store: Store, importId: number): Promise<ApplyReport['deferred_to']> {
  const row = await store.db.selectFrom('imports').select('report').where('id', '=', importId).executeTakeFirst();
  return ((row?.report ?? {}) as Partial<ApplyReport>).deferred_to ?? null;
}
