/**
 * `GET /api/news/sources` (admin): every configured news source with its last scheduled run — when,
 * on which process, whether it failed and why (DNS, refused, timeout, HTTP status, robots.txt), the
 * pass's counts — when it last succeeded, and when it is next due. Built from the store's run
 * records (`job_runs`, shared by every API process), so any instance answers for all of them.
 *
 * Sources that have run but are no longer in the config are listed too (`configured: false`): an
 * admin who removed a source still sees what it contributed. `next_run_at` follows the scheduler's
 * own rule (etl/news/schedule.ts `dueSources`): the last run plus the source's interval, or now for
 * a source that never ran; null when the schedule does not run or the source is disabled.
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import type { LatestJobRun } from '../services/ports.ts';
import { requireAdmin } from '../audit/index.ts';
import { NEWS_JOB } from '../../etl/news/schedule.ts';

export interface NewsSourceStatus {
  id: string;
  outlet: string | null;
  kind: string | null;
  url: string | null;
  enabled: boolean;
  configured: boolean;
  interval_minutes: number | null;
  last_run: {
    started_at: string;
    finished_at: string;
    status: 'ok' | 'failed';
    reason: string | null;
    /** counts of the whole pass the source ran in (sources due together share one pass) */
    pass_counts: Record<string, number> | null;
    instance: string;
  } | null;
  last_ok_at: string | null;
  next_run_at: string | null;
}

export function registerNewsSources(app: ApiApp, services: Services): void {
  app.use('/api/news/sources', requireAdmin);
  app.get('/api/news/sources', async (c) => {
    const schedule = services.settings.news.schedule();
    const runs = new Map((await services.repositories.jobRuns.latest(NEWS_JOB)).map((r) => [r.source ?? '', r]));
    const now = Date.now();
    const configured = schedule.config?.sources ?? [];
    const defaultInterval = schedule.config?.schedule.intervalMinutes ?? null;
    const sources: NewsSourceStatus[] = configured.map((s) => {
      const run = runs.get(s.id);
      const interval = s.intervalMinutes ?? defaultInterval;
      const due = run && interval !== null ? run.startedAt.getTime() + interval * schedule.minuteMs : now;
      return {
        id: s.id,
        outlet: s.outlet,
        kind: s.kind,
        url: s.url,
        enabled: s.enabled,
        configured: true,
        interval_minutes: interval,
        ...runFields(run),
        next_run_at: schedule.active && s.enabled ? new Date(Math.max(due, now)).toISOString() : null,
      };
    });
    const known = new Set(configured.map((s) => s.id));
    for (const [id, run] of runs) {
      if (known.has(id)) continue;
      sources.push({
        id,
        outlet: null,
        kind: null,
        url: null,
        enabled: false,
        configured: false,
        interval_minutes: null,
        ...runFields(run),
        next_run_at: null,
      });
    }
    return c.json({
      schedule: { active: schedule.active, interval_minutes: defaultInterval, config_error: schedule.error },
      sources,
    });
  });
}

function runFields(run: LatestJobRun | undefined): Pick<NewsSourceStatus, 'last_run' | 'last_ok_at'> {
  if (!run) return { last_run: null, last_ok_at: null };
  return {
    last_run: {
      started_at: run.startedAt.toISOString(),
      finished_at: run.finishedAt.toISOString(),
      status: run.status,
      reason: run.reason,
      pass_counts: run.counts,
      instance: run.instance,
    },
    last_ok_at: run.lastOkAt?.toISOString() ?? null,
  };
}
