/**
 * The background-job scheduler of `npm start`, deliberately small and testable without waiting: it
 * takes a `Clock` (time and a repeating timer) and jobs that say when they are due; `tick()` runs
 * every due job once, in order, one at a time. A tick that fires while the previous one is still
 * running is skipped (no overlap: a slow pass never runs twice at once); a job that throws is logged
 * and the others still run; `stop()` clears the timer and waits for the job in flight, so shutdown
 * never cuts a write short.
 *
 * Several processes on one PostgreSQL store: each job runs under the store's `exclusive` lock
 * (`pg_try_advisory_xact_lock`), so at most one process runs it at a time, and every job re-reads the
 * shared run records (`job_runs`) once it holds the lock — a pass or a purge another process has just
 * made is not made again. On PGlite one process owns the store and the lock is a no-op.
 */
import { hostname } from 'node:os';
import type { Store } from '../../db/connect.ts';
import { lastJobRuns, recordJobRuns } from '../../db/queries/job-runs.ts';

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

/** What a pass did: its counts, and each source's outcome (by source id). */
export interface PassOutcome {
  counts: Record<string, number>;
  reports: Map<string, { status: string; reason: string | null } | undefined>;
}

/** Last completed run per source id, as epoch ms. */
export interface LastRuns {
  get(id: string): number | undefined;
  set(ids: string[], at: Date, outcome?: PassOutcome): void | Promise<void>;
  /** Re-reads records other processes may have written (the store's); called before a pass. */
  load?(): Promise<void>;
}

/** `LastRuns` in the store's `job_runs` table: one row per source and pass, shared by every process. */
export function storeLastRuns(store: Pick<Store, 'db'>, job: string): LastRuns {
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

/** This process, in run records. */
export const INSTANCE = `${hostname()}:${process.pid}`;

export function memoryLastRuns(): LastRuns {
  const map = new Map<string, number>();
  return { get: (id) => map.get(id), set: (ids, at) => ids.forEach((id) => map.set(id, at.getTime())) };
}
