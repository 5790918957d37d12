/**
 * Background jobs of `npm start`: the chat-retention purge at start and then daily, the
 * audit-retention purge, the news sources on their schedule (etl/news/schedule.ts) and the monthly
 * open-data sync (etl/sync), each on the scheduler of `./scheduler.ts`.
 *
 * `SCHEDULE_MINUTE_SECONDS` shortens the schedule's minute (tests: 1 → an hourly source every
 * minute of the clock is due every 60 s, the daily purge every 24 min); default 60.
 */
import { parseConfig } from '../../core/config/index.ts';
import type { Store } from '../../db/connect.ts';
import { purgeExpiredText } from '../../db/queries/reports.ts';
import { purgeAuditEntries } from '../../db/queries/audit.ts';
import { recordJobRuns } from '../../db/queries/job-runs.ts';
import { runNewsOnce, type NewsRunSummary } from '../news/pipeline/index.ts';
import { loadNewsConfig } from '../news/sources/index.ts';
import { NEWS_JOB, newsJob, newsScheduleSource, type NewsRunner } from '../news/schedule.ts';
import { loadSourcesFile, runSync, SYNC_JOB, syncSucceeded, type SourcesFile } from '../sync/index.ts';
import {
  INSTANCE,
  recordedEveryJob,
  Scheduler,
  storeLastRuns,
  type Clock,
  type Job,
  type LastRuns,
} from './scheduler.ts';

/** The chat-retention job: blanks expired chat texts at start and then every day. */
export function retentionJob(store: Pick<Store, 'db'>, everyMs = 24 * 3600_000): Job {
  return recordedEveryJob(store, 'retención de chats', everyMs, async (now) => {
    const purged = await purgeExpiredText(store, now);
    await recordJobRuns(store, [
      { job: 'retención de chats', source: null, startedAt: now, status: 'ok', counts: { purged }, instance: INSTANCE },
    ]);
    return purged ? `${purged} textos vencidos borrados` : undefined;
  });
}

/**
 * The open-data sync job (etl/sync): due when a source of the sources file has not been synced for
 * `everyMs`; syncs them all in one pass and records one run per source key in `job_runs` (read by
 * `/api/sources` for the last and next sync).
 */
export function syncJob(
  store: Store,
  dataDir: string,
  sources: SourcesFile,
  lastRuns: LastRuns,
  everyMs: number,
  onChanged?: () => void,
  log?: (line: string) => void,
): Job {
  const keys = Object.keys(sources.sources);
  const due = (now: Date) => keys.some((k) => (lastRuns.get(k) ?? -Infinity) <= now.getTime() - everyMs);
  return {
    name: SYNC_JOB,
    due,
    async run(now) {
      await lastRuns.load?.();
      if (!due(now)) return;
      const summary = await runSync(store, { dataDir, config: sources, log: (line) => log?.(line.trimEnd()) });
      const reports = new Map(summary.sources.map((s) => [s.key, s]));
      await recordJobRuns(
        store,
        keys.map((k) => {
          const r = reports.get(k);
          return {
            job: SYNC_JOB,
            source: k,
            startedAt: now,
            status: r?.status === 'failed' ? 'failed' : 'ok',
            reason: r?.error?.message ?? r?.reason ?? null,
            instance: INSTANCE,
          };
        }),
      );
      await lastRuns.load?.();
      if (summary.changed) onChanged?.();
      return `${syncSucceeded(summary) ? 'ok' : 'con fallas'}: ${JSON.stringify(summary)}`;
    },
  };
}

export const AUDIT_RETENTION_JOB = 'retención de bitácora';

/** The audit-retention job: deletes audit entries older than `days` at start and then every day. */
export function auditRetentionJob(store: Pick<Store, 'db'>, days: number, everyMs = 24 * 3600_000): Job {
  return recordedEveryJob(store, AUDIT_RETENTION_JOB, everyMs, async (now) => {
    const purged = await purgeAuditEntries(store, new Date(now.getTime() - days * 86_400_000));
    await recordJobRuns(store, [
      { job: AUDIT_RETENTION_JOB, source: null, startedAt: now, status: 'ok', counts: { purged }, instance: INSTANCE },
    ]);
    return purged ? `${purged} entradas de la bitácora vencidas borradas` : undefined;
  });
}

export interface BackgroundJobsOptions {
  store: Store;
  dataDir: string;
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  log?: (line: string) => void;
  /** Called after each news pass (the server refreshes its data version: new incidents or sources). */
  onNewsPass?: (summary: NewsRunSummary) => void;
  /** Called after a sync that changed incidents. */
  onSync?: () => void;
}

/**
 * The jobs `npm start` runs: the chat-retention purge always, the audit-retention purge unless
 * `AUDIT_RETENTION_DAYS=0`; the news sources when the config
 * (`NEWS_CONFIG`, else the bundled one, which has the schedule off) enables the schedule, unless
 * `NEWS_SCHEDULE=off`. Returns the started scheduler (stop it on shutdown).
 */
export function startBackgroundJobs(opts: BackgroundJobsOptions): Scheduler {
  const env = parseConfig(opts.env ?? process.env);
  const log = opts.log ?? (() => {});
  // the schedule's minute: SCHEDULE_MINUTE_SECONDS shortens every interval for tests
  const minuteMs = env.SCHEDULE_MINUTE_SECONDS * 1000;
  const jobs: Job[] = [retentionJob(opts.store, 24 * 60 * minuteMs)];
  // AUDIT_RETENTION_DAYS=0 keeps the audit log forever
  if (env.AUDIT_RETENTION_DAYS > 0)
    jobs.push(auditRetentionJob(opts.store, env.AUDIT_RETENTION_DAYS, 24 * 60 * minuteMs));
  const { configPath, off } = newsScheduleSource(env);
  const config = off ? null : loadNewsConfig(configPath);
  if (config?.schedule.enabled) {
    const runner: NewsRunner = (sources) =>
      runNewsOnce(opts.store, {
        dataDir: opts.dataDir,
        config: { ...config, sources },
        log: (line) => log(line.trimEnd()),
      });
    jobs.push(newsJob(config, runner, storeLastRuns(opts.store, NEWS_JOB), opts.onNewsPass, minuteMs));
    log(
      `Noticias: ${config.sources.filter((s) => s.enabled).length} fuentes cada ${config.schedule.intervalMinutes} min (${configPath})`,
    );
  } else {
    log(`Noticias: sin ejecución periódica (${off ? 'NEWS_SCHEDULE=off' : `schedule desactivado en ${configPath}`})`);
  }
  if (env.SYNC_SCHEDULE) {
    const sources = loadSourcesFile(env.SYNC_CONFIG ?? undefined);
    jobs.push(
      syncJob(
        opts.store,
        opts.dataDir,
        sources,
        storeLastRuns(opts.store, SYNC_JOB),
        env.SYNC_INTERVAL_DAYS * 24 * 60 * minuteMs,
        opts.onSync,
        log,
      ),
    );
    log(
      `Datos abiertos: sincronización cada ${env.SYNC_INTERVAL_DAYS} días (${Object.keys(sources.sources).join(', ')})`,
    );
  } else {
    log('Datos abiertos: sin sincronización periódica (SYNC_SCHEDULE=monthly la activa)');
  }
  const scheduler = new Scheduler({ jobs, clock: opts.clock, log, tickMs: minuteMs, exclusive: opts.store.exclusive });
  void scheduler.start();
  return scheduler;
}
