/**
 * `npm run etl -- sync`: brings the city's open crime data up to date by itself.
 *
 * For each source of the sources file (sources.ts): discover its current file on the CKAN portal
 * (ckan.ts), download it with a conditional, resumable, streaming GET into `DATA_DIR/sync/` (or take
 * `DIR/<key>.*` with `--from-dir DIR`, for a server without internet), skip it when its sha256 is the
 * one last applied, else apply it record by record in one transaction (apply.ts). A run that finds
 * nothing new changes nothing and says so (`changed: false`, every source `unchanged`).
 */
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import { markSyncChecked, saveSyncResource, syncResource } from '../../db/queries/sync.ts';
import { hashFile } from '../official/hash.ts';
import { applyPublication, type ApplyReport } from './apply.ts';
import { discoverResource } from './ckan.ts';
import { downloadFile, type Validators } from './download.ts';
import { loadSourcesFile, type SourcesFile } from './sources.ts';

export {
  DEFAULT_SOURCES_FILE,
  loadSourcesFile,
  syncScheduleView,
  type SourcesFile,
  type SyncScheduleView,
} from './sources.ts';

/** The sync's name in the scheduler and in `job_runs` (one row per source key and run). */
export const SYNC_JOB = 'datos abiertos';

export interface SourceSyncReport {
  key: string;
  /** `incidents.source` of its records */
  source: string;
  status: 'updated' | 'unchanged' | 'skipped' | 'failed';
  resource_id: string | null;
  url: string | null;
  /** bytes fetched in this run (0 when not modified or taken from --from-dir) */
  downloaded_bytes: number;
  /** where a resumed download started */
  resumed_from: number;
  import?: ApplyReport;
  reason?: string;
  error?: { code: string; message: string };
}

export interface SyncSummary {
  started_at: string;
  finished_at: string;
  /** whether any incident changed */
  changed: boolean;
  sources: SourceSyncReport[];
}

export interface SyncOptions {
  dataDir: string;
  /** the sources file's content (default: etl/sync/sources.json) */
  config?: SourcesFile;
  /** take each source's file from `DIR/<key>` or `DIR/<key>.<ext>` instead of the portal */
  fromDir?: string;
  fetchImpl?: typeof fetch;
  /** progress lines (stderr) */
  log?: (line: string) => void;
}

/** Whether every source of a run worked (the CLI's exit code). */
export function syncSucceeded(summary: SyncSummary): boolean {
  return summary.sources.every((s) => s.status !== 'failed');
}

const mb = (n: number) => `${(n / 1e6).toFixed(1)} MB`;
const seconds = (s: number | null) => (s === null || !Number.isFinite(s) ? '?' : `${Math.round(s)} s`);

export async function runSync(store: Store, opts: SyncOptions): Promise<SyncSummary> {
  const config = opts.config ?? loadSourcesFile();
  const log = opts.log ?? (() => {});
  const started = new Date();
  const reports: SourceSyncReport[] = [];
  for (const [key, source] of Object.entries(config.sources)) {
    const report: SourceSyncReport = {
      key,
      source: source.format,
      status: 'unchanged',
      resource_id: null,
      url: null,
      downloaded_bytes: 0,
      resumed_from: 0,
    };
    reports.push(report);
    try {
      const prev = await syncResource(store.db, key);
      let path: string;
      let validators: Validators = { etag: null, lastModified: null };
      if (opts.fromDir) {
        const found = fileForKey(opts.fromDir, key);
        if (!found) {
          report.status = 'skipped';
          report.reason = `no hay archivo ${key}.* en ${opts.fromDir}`;
          continue;
        }
        path = found;
        report.url = `file://${found}`;
      } else {
        const resource = await discoverResource(source.ckan_base_url ?? config.ckan_base_url, source, opts.fetchImpl);
        report.resource_id = resource.id;
        report.url = resource.url;
        const dir = join(opts.dataDir, 'sync');
        mkdirSync(dir, { recursive: true });
        path = join(dir, `${key}${extname(new URL(resource.url).pathname) || '.csv'}`);
        const sameResource = prev?.url === resource.url && existsSync(path);
        log(`${key}: ${resource.url}${resource.size ? ` (${mb(resource.size)})` : ''}\n`);
        const outcome = await downloadFile({
          url: resource.url,
          dest: path,
          previous: sameResource ? prev : null,
          expectedSize: resource.size,
          fetchImpl: opts.fetchImpl,
          progress: (p) =>
            log(
              `${key}: descargados ${mb(p.bytes)}${p.total ? ` de ${mb(p.total)}` : ''} (${mb(p.bytesPerSecond)}/s, faltan ${seconds(p.etaSeconds)})\n`,
            ),
        });
        if (outcome.status === 'not_modified') {
          await markSyncChecked(store.db, key);
          report.reason = 'el portal no tiene versión nueva (304)';
          continue;
        }
        report.downloaded_bytes = outcome.size - outcome.resumedFrom;
        report.resumed_from = outcome.resumedFrom;
        validators = outcome.validators;
      }
      const sha256 = await hashFile(path);
      const size = statSync(path).size;
      const state = {
        key,
        source: source.format,
        resourceId: report.resource_id,
        url: report.url!,
        ...validators,
        size,
        sha256,
      };
      if (prev?.sha256 === sha256) {
        await saveSyncResource(store.db, { ...state, rows: prev.rows, importId: prev.importId }, false);
        report.reason = 'archivo idéntico al último aplicado';
        continue;
      }
      report.import = await applyPublication(store, path, {
        format: source.format,
        sha256,
        fileName: `${key}${extname(path)}`,
        progress: (p) =>
          log(
            `${key}: ${p.rows.toLocaleString('es-MX')} filas (${Math.round(p.rowsPerSecond).toLocaleString('es-MX')} filas/s, faltan ${seconds(p.etaSeconds)})\n`,
          ),
        alsoInTransaction: (trx, r) => saveSyncResource(trx, { ...state, rows: r.rows, importId: r.import_id }, true),
      });
      const r = report.import;
      report.status = r.inserted + r.updated + r.retracted > 0 ? 'updated' : 'unchanged';
      if (report.status === 'unchanged') report.reason = 'publicación nueva sin registros nuevos ni cambiados';
    } catch (err) {
      report.status = 'failed';
      report.error =
        err instanceof AppError
          ? { code: err.code, message: err.message }
          : { code: 'internal_error', message: String((err as Error)?.message ?? err) };
      log(`${key}: ${report.error.message}\n`);
    }
  }
  return {
    started_at: started.toISOString(),
    finished_at: new Date().toISOString(),
    changed: reports.some((r) => r.status === 'updated'),
    sources: reports,
  };
}

/** `DIR/<key>` or the first `DIR/<key>.<ext>` (a download in progress, `*.part`, is not a file to take). */
function fileForKey(dir: string, key: string): string | null {
  if (!existsSync(dir)) throw new AppError('invalid_parameter', `--from-dir: no existe ${dir}`);
  const name = readdirSync(dir)
    .filter((f) => (f === key || f.startsWith(`${key}.`)) && !f.endsWith('.part') && !f.endsWith('.part.json'))
    .sort()[0];
  return name ? join(dir, name) : null;
}
