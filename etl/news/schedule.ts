/**
 * The news sources on their schedule. A source is due when it has never run or its interval (the
 * source's `intervalMinutes`, else the config's `schedule.intervalMinutes`) has passed since its last
 * completed run. Due sources are run together in one `news --once` pass (one fetcher, so per-host
 * politeness holds across them); their runs are recorded in the store's `job_runs` table after the
 * pass completes, so a pass killed halfway is simply due again after a restart (and idempotent: 304s
 * and dedupe). The scheduler is `etl/jobs/scheduler.ts`; `etl/jobs` starts this job.
 */
import { parseConfig } from '../../core/config/index.ts';
import type { Job, LastRuns, PassOutcome } from '../jobs/scheduler.ts';
import { DEFAULT_NEWS_CONFIG, type NewsRunSummary } from './pipeline/index.ts';
import { loadNewsConfig, type NewsConfig, type NewsSource } from './sources/index.ts';

export const NEWS_JOB = 'noticias';

/** What a news pass did: the pass's counts, and each source's report (by source id). */
function passOutcome(sources: readonly NewsSource[], summary: NewsRunSummary): PassOutcome {
  const { sources: reports, ...counts } = summary;
  const byUrl = new Map(reports.map((r) => [r.url, r]));
  return { counts, reports: new Map(sources.map((s) => [s.id, byUrl.get(s.url)])) };
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
