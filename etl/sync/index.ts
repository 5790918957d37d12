/**
 * `npm run etl -- sync`: brings the city's open crime data up to date by itself.
 *
 * For each source of the sources file (sources.ts): discover its current file on the CKAN portal
 * (ckan.ts), download it with a conditional, resumable, streaming GET into `DATA_DIR/sync/` (or take
 * `DIR/<key>.*` with `--from-dir DIR`, for a server without internet), skip it when its sha256 is the
 * one last applied, else apply it record by record in one transaction (apply.ts). A run that finds
 * nothing new changes nothing and says so (`changed: false`, every source `unchanged`).
 * A listing source (the FGJ's monthly spreadsheets) syncs each listed file on its own, as a part
 * `<key>:<file name>` of the source (its own sync state, compared and retracted within the file).
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import type { ApplyReport } from './apply.ts';
import { discoverResource } from './ckan.ts';
import { GTFS_SOURCE, syncFile, type FileTarget, type Log } from './file.ts';
import { applyGtfs, syncedTransitExists, type GtfsReport } from './gtfs.ts';
import { discoverListedFiles } from './listing.ts';
import { retractSupersededVictimas, storedMonths, type SupersededReport } from './reconcile.ts';
import { loadSourcesFile, type CkanSource, type GtfsSource, type ListingSource, type SourcesFile } from './sources.ts';

export {
  DEFAULT_SOURCES_FILE,
  loadSourcesFile,
  syncScheduleView,
  writesIncidents,
  type IncidentSource,
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
  /** a GTFS source: what the new transit extract holds */
  transit?: GtfsReport;
  reason?: string;
  error?: { code: string; message: string };
  /** a listing source: one report per listed file (each month's spreadsheet) */
  files?: FileSyncReport[];
}

export interface FileSyncReport {
  name: string;
  status: 'updated' | 'unchanged' | 'failed';
  url: string | null;
  downloaded_bytes: number;
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
  /** víctimas incidents not written by the sync, retracted because the carpetas source counts their month (reconcile.ts) */
  superseded: SupersededReport[];
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

export async function runSync(store: Store, opts: SyncOptions): Promise<SyncSummary> {
  const config = opts.config ?? loadSourcesFile();
  const log = opts.log ?? (() => {});
  const started = new Date();
  const reports: SourceSyncReport[] = [];
  // a source that leaves months to another runs after it, so it sees that source's months of this run
  const ordered = Object.entries(config.sources).sort(
    ([, a], [, b]) => Number('defer_to' in a && !!a.defer_to) - Number('defer_to' in b && !!b.defer_to),
  );
  for (const [key, source] of ordered) {
    const report: SourceSyncReport = {
      key,
      source: source.kind === 'gtfs' ? GTFS_SOURCE : source.format,
      status: 'unchanged',
      resource_id: null,
      url: null,
      downloaded_bytes: 0,
      resumed_from: 0,
    };
    reports.push(report);
    // the months it leaves to that source are unknown while that source failed: applying it now would
    // write (and hold in memory) incidents of months the next successful run takes back
    const deferredFailed =
      'defer_to' in source && reports.some((r) => r.source === source.defer_to && r.status === 'failed');
    if (deferredFailed) {
      report.status = 'skipped';
      report.reason = `${source.defer_to} falló en esta corrida: sus meses no se conocen`;
      log(`${key}: ${report.reason}\n`);
      continue;
    }
    try {
      if (source.kind === 'listing') await syncListing(store, opts, key, source, report, log);
      else if (source.kind === 'gtfs') await syncGtfs(store, opts, key, source, report, log);
      else await syncCkan(store, opts, config, key, source, report, log);
    } catch (err) {
      report.status = 'failed';
      report.error = errorOf(err);
      log(`${key}: ${report.error.message}\n`);
    }
  }
  // bundled or hand-imported víctimas rows of months the carpetas source now counts (reconcile.ts)
  const superseded = await retractSupersededVictimas(store);
  for (const s of superseded) log(`${s.source}: ${s.retracted} incidentes cubiertos por fgj_carpetas retirados\n`);
  return {
    started_at: started.toISOString(),
    finished_at: new Date().toISOString(),
    changed: reports.some((r) => r.status === 'updated') || superseded.some((s) => s.retracted > 0),
    sources: reports,
    superseded,
  };
}

const errorOf = (err: unknown) =>
  err instanceof AppError
    ? { code: err.code, message: err.message }
    : { code: 'internal_error', message: String((err as Error)?.message ?? err) };

async function syncCkan(
  store: Store,
  opts: SyncOptions,
  config: SourcesFile,
  key: string,
  source: CkanSource,
  report: SourceSyncReport,
  log: Log,
): Promise<void> {
  // the months another source counts, as they stand now (reconcile.ts)
  const deferTo = source.defer_to
    ? await storedMonths(store, source.defer_to).then((m) => (m ? { source: source.defer_to!, ...m } : null))
    : null;
  let target: FileTarget;
  if (opts.fromDir) {
    const local = localTarget(opts.fromDir, key, report);
    if (!local) return;
    target = local;
  } else {
    const resource = await discoverResource(source.ckan_base_url ?? config.ckan_base_url, source, opts.fetchImpl);
    report.resource_id = resource.id;
    const ext = extname(new URL(resource.url).pathname) || '.csv';
    target = { url: resource.url, size: resource.size, dest: join(opts.dataDir, 'sync', `${key}${ext}`) };
  }
  const outcome = await syncFile(store, opts, log, {
    stateKey: key,
    format: source.format,
    scope: source.format,
    resourceId: report.resource_id,
    target,
    deferTo,
  });
  Object.assign(report, outcome);
}

/** A listing source: every listed file is one part, synced on its own; the source's report sums them. */
async function syncListing(
  store: Store,
  opts: SyncOptions,
  key: string,
  source: ListingSource,
  report: SourceSyncReport,
  log: Log,
): Promise<void> {
  const targets: { name: string; target: FileTarget }[] = [];
  if (opts.fromDir) {
    const files = filesForKey(opts.fromDir, key, source.file_matches);
    if (!files.length) {
      report.status = 'skipped';
      report.reason = `no hay archivos ${key}* en ${opts.fromDir}`;
      return;
    }
    for (const f of files) targets.push({ name: basename(f), target: { local: f } });
  } else {
    report.url = source.url;
    const listed = await discoverListedFiles(source.url, source.file_matches, opts.fetchImpl);
    if (!listed.length)
      throw new AppError('resource_not_found', `${source.url}: ningún archivo ~ ${source.file_matches}`);
    for (const f of listed)
      targets.push({
        name: f.name,
        target: { url: f.url, size: f.size, dest: join(opts.dataDir, 'sync', key, safeName(f.name)) },
      });
  }
  report.files = [];
  for (const { name, target } of targets) {
    const part = `${key}:${name.replace(/\.[^.]*$/, '')}`;
    const file: FileSyncReport = { name, status: 'unchanged', url: null, downloaded_bytes: 0, resumed_from: 0 };
    report.files.push(file);
    try {
      Object.assign(
        file,
        await syncFile(store, opts, log, {
          stateKey: part,
          format: source.format,
          scope: `${source.format}:${name}`,
          resourceId: null,
          target,
          deferTo: null,
        }),
      );
    } catch (err) {
      file.status = 'failed';
      file.error = errorOf(err);
      log(`${part}: ${file.error.message}\n`);
    }
    report.downloaded_bytes += file.downloaded_bytes;
  }
  const failed = report.files.find((f) => f.status === 'failed');
  if (failed) {
    report.status = 'failed';
    report.error = { code: failed.error!.code, message: `${failed.name}: ${failed.error!.message}` };
  } else report.status = report.files.some((f) => f.status === 'updated') ? 'updated' : 'unchanged';
}

/** `--from-dir`: the source's file in DIR (named by its key), or a skipped report when there is none. */
function localTarget(dir: string, key: string, report: SourceSyncReport): FileTarget | null {
  const found = fileForKey(dir, key);
  if (found) return { local: found };
  report.status = 'skipped';
  report.reason = `no hay archivo ${key}.* en ${dir}`;
  return null;
}

/** A GTFS source: its zip fetched like any file, then turned into the transit extract (gtfs.ts). */
async function syncGtfs(
  store: Store,
  opts: SyncOptions,
  key: string,
  source: GtfsSource,
  report: SourceSyncReport,
  log: Log,
): Promise<void> {
  let target: FileTarget;
  if (opts.fromDir) {
    const local = localTarget(opts.fromDir, key, report);
    if (!local) return;
    target = local;
  } else target = { url: source.url, size: null, dest: join(opts.dataDir, 'sync', `${key}.zip`) };
  const outcome = await syncFile(store, opts, log, {
    stateKey: key,
    format: null,
    scope: GTFS_SOURCE,
    resourceId: null,
    target,
    deferTo: null,
    outputMissing: !syncedTransitExists(opts.dataDir),
    applyFile: (path, saveState) =>
      applyGtfs(store, path, {
        dataDir: opts.dataDir,
        feed: `${source.title} (${'local' in target ? basename(path) : source.url}, sincronizado ${new Date().toISOString().slice(0, 10)})`,
        alsoInTransaction: (trx, r) => saveState(trx, r.stations),
      }),
  });
  Object.assign(report, outcome);
}

/** A listed name as a file name of DATA_DIR/sync/<key>/ (no path separators, nothing hidden). */
const safeName = (name: string) => name.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^\.+/, '_');

/** Every `DIR/<key>*` file whose name matches `pattern` (a listing source's parts), by name. */
function filesForKey(dir: string, key: string, pattern: string): string[] {
  if (!existsSync(dir)) throw new AppError('invalid_parameter', `--from-dir: no existe ${dir}`);
  const wanted = new RegExp(pattern, 'i');
  const inDir = readdirSync(dir)
    .filter((f) => f.startsWith(key) && wanted.test(f) && !f.endsWith('.part'))
    .map((f) => join(dir, f));
  const sub = join(dir, key);
  const inSub =
    existsSync(sub) && statSync(sub).isDirectory()
      ? readdirSync(sub)
          .filter((f) => wanted.test(f) && !f.endsWith('.part'))
          .map((f) => join(sub, f))
      : [];
  return [...inDir, ...inSub].sort((a, b) => basename(a).localeCompare(basename(b)));
}

/** `DIR/<key>` or the first `DIR/<key>.<ext>` (a download in progress, `*.part`, is not a file to take). */
function fileForKey(dir: string, key: string): string | null {
  if (!existsSync(dir)) throw new AppError('invalid_parameter', `--from-dir: no existe ${dir}`);
  const name = readdirSync(dir)
    .filter((f) => (f === key || f.startsWith(`${key}.`)) && !f.endsWith('.part') && !f.endsWith('.part.json'))
    .sort()[0];
  return name ? join(dir, name) : null;
}
