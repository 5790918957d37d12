/**
 * Background jobs of `npm start`: the news sources on their schedule, and the chat
 * retention purge at start and then daily.
 *
 * `Scheduler` is deliberately small and testable without waiting: it takes a `Clock` (time and a
 * repeating timer) and jobs that say when they are due; `tick()` runs every due job once, in order,
 * one at a time. A tick that fires while the previous one is still running is skipped (no overlap:
 * a slow news pass never runs twice at once); a job that throws is logged and the others still run;
 * `stop()` clears the timer and waits for the job in flight, so shutdown never cuts a write short.
 *
 * News: a source is due when it has never run or its interval (the source's `intervalMinutes`, else
 * the config's `schedule.intervalMinutes`) has passed since its last completed run. Due sources are
 * run together in one `news --once` pass (one fetcher, so per-host politeness holds across them);
 * their runs are recorded in the store's `job_runs` table after the pass completes, so a pass
 * killed halfway is simply due again after a restart (and idempotent: 304s and dedupe).
 *
 * Several processes on one PostgreSQL store: each job runs under the store's `exclusive` lock
 * (`pg_try_advisory_xact_lock`), so at most one process runs it at a time, and every job (news, sync,
 * the purges) re-reads the shared run records once it holds the lock — a pass or a purge another
 * process has just made is not made again. On PGlite one process owns the store and the lock is a no-op.
 *
 * `SCHEDULE_MINUTE_SECONDS` shortens the schedule's minute (tests: 1 → an hourly source every
 * minute of the clock is due every 60 s, the daily purge every 24 min); default 60.
 */
import { parseConfig } from '../../core/config/index.ts';
import { hostname } from 'node:os';
import type { Store } from '../../db/connect.ts';
import { purgeExpiredText } from '../../db/queries/reports.ts';
import { purgeAuditEntries } from '../../db/queries/audit.ts';
import { lastJobRuns, recordJobRuns } from '../../db/queries/job-runs.ts';
import { DEFAULT_NEWS_CONFIG, runNewsOnce, type NewsRunSummary, type SourceReport } from './pipeline/index.ts';
import { loadNewsConfig, type NewsConfig, type NewsSource } from './sources/index.ts';
import { loadSourcesFile, runSync, SYNC_JOB, syncSucceeded, type SourcesFile } from '../sync/index.ts';

/** Time and a repeating timer; `systemClock` in production, a hand-driven one in tests. */
export interface Clock {
  now(): Date;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export const systemClock: Clock = {
  now: () => new Date(),
  setInterval: (fn, ms) => {
    const h = setInterval(fn, ms);
    // a background job never keeps the process alive on its own
    h.unref();
    return h;
  },
  clearInterval: (h) => clearInterval(h as NodeJS.Timeout),
};

export interface Job {
  name: string;
  /** Whether the job should run at `now`. */
  due(now: Date): boolean;
  /** Runs the job; a returned string is logged. */
  run(now: Date): Promise<string | void>;
}

export interface SchedulerOptions {
  jobs: Job[];
  clock?: Clock;
  /** How often due jobs are looked for (default one minute). */
  tickMs?: number;
  log?: (line: string) => void;
  /** Runs a job only when no other process is running it (the store's `exclusive`); default: always runs. */
  exclusive?: Store['exclusive'];
}

/** The advisory-lock key of a job. */
export const jobLockKey = (name: string) => `mapa-comun:job:${name}`;

export class Scheduler {
  readonly #jobs: Job[];
  readonly #clock: Clock;
  readonly #tickMs: number;
  readonly #log: (line: string) => void;
  readonly #exclusive: NonNullable<SchedulerOptions['exclusive']>;
  #timer: unknown = null;
  #running: Promise<void> | null = null;
  #stopped = false;
  /** Ticks skipped because the previous one was still running. */
  skipped = 0;

  constructor(opts: SchedulerOptions) {
    this.#jobs = opts.jobs;
    this.#clock = opts.clock ?? systemClock;
    this.#tickMs = opts.tickMs ?? 60_000;
    this.#log = opts.log ?? (() => {});
    this.#exclusive = opts.exclusive ?? (async (_key, fn) => ({ ran: true, result: await fn() }));
  }

  /** Runs every due job once, one after the other. While a tick runs, another call returns at once. */
  tick(): Promise<void> {
    if (this.#stopped) return Promise.resolve();
    if (this.#running) {
      this.skipped++;
      return Promise.resolve();
    }
    this.#running = this.#runDue().finally(() => {
      this.#running = null;
    });
    return this.#running;
  }

  async #runDue(): Promise<void> {
    for (const job of this.#jobs) {
      if (this.#stopped) return;
      const now = this.#clock.now();
      if (!job.due(now)) continue;
      try {
        const outcome = await this.#exclusive(jobLockKey(job.name), () => job.run(now));
        const message = outcome.ran ? outcome.result : undefined;
        if (message) this.#log(`${job.name}: ${message}`);
      } catch (err) {
        this.#log(`${job.name}: error: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }

  /** Names of the jobs, in the order they run. */
  get jobNames(): string[] {
    return this.#jobs.map((j) => j.name);
  }

  /** Resolves when no tick is running (at once when idle). */
  idle(): Promise<void> {
    return this.#running ?? Promise.resolve();
  }

  /** A first tick now, then one every `tickMs`. Returns the first tick's promise. */
  start(): Promise<void> {
    if (this.#timer === null && !this.#stopped)
      this.#timer = this.#clock.setInterval(() => void this.tick(), this.#tickMs);
    return this.tick();
  }

  /** No new ticks; resolves when the job in flight (if any) has finished. */
  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#timer !== null) this.#clock.clearInterval(this.#timer);
    this.#timer = null;
    await this.#running;
  }
}

/** A job due at its first look (when `atStart`) and then every `everyMs` after its last run started. */
export function everyJob(
  name: string,
  everyMs: number,
  run: (now: Date) => Promise<string | void>,
  atStart = true,
): Job {
  let last: number | null = null;
  let first: number | null = null;
  return {
    name,
    due(now) {
      first ??= now.getTime();
      if (last === null) return atStart || now.getTime() - first >= everyMs;
      return now.getTime() - last >= everyMs;
    },
    async run(now) {
      last = now.getTime();
      return run(now);
    },
  };
}

/**
 * A job due every `everyMs` after its last run recorded in `job_runs`, whichever process made it:
 * with several API processes on one store a daily purge runs once a day among them, not once in
 * each (the store's lock keeps two from running it at the same moment; the records keep the second
 * from running it again just after). `run` records its own run, with its counts.
 */
export function recordedEveryJob(
  store: Pick<Store, 'db'>,
  name: string,
  everyMs: number,
  run: (now: Date) => Promise<string | void>,
): Job {
  const lastRuns = storeLastRuns(store, name);
  const due = (now: Date) => {
    const last = lastRuns.get('');
    return last === undefined || now.getTime() - last >= everyMs;
  };
  return {
    name,
    due,
    async run(now) {
      // another process may have run it since this one last looked
      await lastRuns.load?.();
      if (!due(now)) return;
      const message = await run(now);
      await lastRuns.load?.();
      return message;
    },
  };
}

/** Last completed run per source id, as epoch ms. */
export interface LastRuns {
  get(id: string): number | undefined;
  set(ids: string[], at: Date, outcome?: PassOutcome): void | Promise<void>;
  /** Re-reads records other processes may have written (the store's); called before a pass. */
  load?(): Promise<void>;
}

/** `LastRuns` in the store's `job_runs` table: one row per source and pass, shared by every process. */
export function storeLastRuns(store: Pick<Store, 'db'>, job = NEWS_JOB): LastRuns {
  let map = new Map<string, number>();
  return {
    get: (id) => map.get(id),
    async load() {
      map = await lastJobRuns(store, job);
    },
    async set(ids, at, outcome) {
      await recordJobRuns(
        store,
        ids.map((id) => {
          const report = outcome?.reports.get(id);
          const status = report && report.status !== 'ok' ? 'failed' : 'ok';
          return {
            job,
            source: id,
            startedAt: at,
            status,
            counts: outcome?.counts,
            reason: report?.reason ?? null,
            instance: INSTANCE,
          };
        }),
      );
      for (const id of ids) map.set(id, at.getTime());
    },
  };
}

/** What a news pass did: the pass's counts, and each source's report (by source id). */
export interface PassOutcome {
  counts: Record<string, number>;
  reports: Map<string, SourceReport | undefined>;
}

function passOutcome(sources: readonly NewsSource[], summary: NewsRunSummary): PassOutcome {
  const { sources: reports, ...counts } = summary;
  const byUrl = new Map(reports.map((r) => [r.url, r]));
  return { counts, reports: new Map(sources.map((s) => [s.id, byUrl.get(s.url)])) };
}

/** This process, in run records. */
export const INSTANCE = `${hostname()}:${process.pid}`;

export const NEWS_JOB = 'noticias';

export function memoryLastRuns(): LastRuns {
  const map = new Map<string, number>();
  return { get: (id) => map.get(id), set: (ids, at) => ids.forEach((id) => map.set(id, at.getTime())) };
}

/** The enabled sources whose interval has passed since their last completed run. */
export function dueSources(config: NewsConfig, lastRuns: LastRuns, now: Date, minuteMs = 60_000): NewsSource[] {
  return config.sources.filter((s) => {
    if (!s.enabled) return false;
    const last = lastRuns.get(s.id);
    const minutes = s.intervalMinutes ?? config.schedule.intervalMinutes;
    return last === undefined || now.getTime() - last >= minutes * minuteMs;
  });
}

/** Runs one `news --once` pass over the given sources. */
export type NewsRunner = (sources: NewsSource[]) => Promise<NewsRunSummary>;

/** The news job: due when any source is; runs the due ones and records them as run. */
export function newsJob(
  config: NewsConfig,
  runner: NewsRunner,
  lastRuns: LastRuns,
  onDone?: (s: NewsRunSummary) => void,
  minuteMs = 60_000,
): Job {
  return {
    name: NEWS_JOB,
    due: (now) => dueSources(config, lastRuns, now, minuteMs).length > 0,
    async run(now) {
      // another process may have run them meanwhile (shared records): due again only if still due
      await lastRuns.load?.();
      const sources = dueSources(config, lastRuns, now, minuteMs);
      if (!sources.length) return;
      const summary = await runner(sources);
      await lastRuns.set(
        sources.map((s) => s.id),
        now,
        passOutcome(sources, summary),
      );
      onDone?.(summary);
      return `${sources.map((s) => s.id).join(', ')}: ${JSON.stringify(summary)}`;
    },
  };
}

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

/** Where the news sources are configured (`NEWS_CONFIG`, else the bundled file) and whether `NEWS_SCHEDULE=off`. */
export function newsScheduleSource(env: ReturnType<typeof parseConfig>): { configPath: string; off: boolean } {
  return { configPath: env.NEWS_CONFIG ?? DEFAULT_NEWS_CONFIG, off: !env.NEWS_SCHEDULE };
}

/**
 * The news schedule as the server describes it to admins: the configured sources, whether the
 * schedule runs, and the schedule's minute. An unreadable config is reported, not thrown: the
 * listing must still show what ran.
 */
export interface NewsScheduleView {
  configPath: string;
  config: NewsConfig | null;
  /** the schedule runs in this deployment: enabled in the config and not `NEWS_SCHEDULE=off` */
  active: boolean;
  minuteMs: number;
  error: string | null;
}

export function newsScheduleView(env: NodeJS.ProcessEnv = process.env): NewsScheduleView {
  const parsed = parseConfig(env);
  const { configPath, off } = newsScheduleSource(parsed);
  const minuteMs = parsed.SCHEDULE_MINUTE_SECONDS * 1000;
  try {
    const config = loadNewsConfig(configPath);
    return { configPath, config, active: !off && config.schedule.enabled, minuteMs, error: null };
  } catch (err) {
    return {
      configPath,
      config: null,
      active: false,
      minuteMs,
      error: err instanceof Error ? err.message : String(err),
    };
  }
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
    jobs.push(newsJob(config, runner, storeLastRuns(opts.store), opts.onNewsPass, minuteMs));
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
