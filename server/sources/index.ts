/**
 * `GET /api/sources` (public): every source of incidents with the months it covers — first and last
 * month, how many incidents, when it was last imported — and, for the sources the open-data sync
 * keeps current (etl/sync), its last sync and the next one. The map's "FGJ: datos de ene 2016 a
 * jun 2022" line and every plenary slide read it: sources end at very different dates, and one
 * overall "datos al …" date would make a source that stopped years ago look current.
 *
 * What a caller sees of each source's counts and dates is the policy's (server/policy/sources.ts):
 * the public gets months, no day, no count below k, and no months for a source of k or fewer.
 *
 * Sources the sync is configured for but that hold no incidents yet are listed too (with no
 * months), so an operator sees that a sync is pending. Failure reasons stay in the admin listing
 * (`job_runs`): the public sees only whether the last sync succeeded.
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { SYNC_JOB, writesIncidents, type IncidentSource } from '../../etl/sync/index.ts';
import { describeSource } from '../shared/source-catalogue.ts';
import { principalOf } from '../auth/index.ts';
import { publishHealth, type PublishedSource } from '../policy/sources.ts';

export interface SourceStatus {
  /** `incidents.source` */
  id: string;
  kind: string;
  /** short name for a line of text ("FGJ") */
  label: string;
  title: string;
  /** where the source applies when not the whole city */
  scope: string | null;
  /** null: withheld from callers without detail (fewer than k incidents) */
  incidents: number | null;
  /** first and last month of its incidents (`YYYY-MM`); null while it holds none or when withheld */
  first_month: string | null;
  last_month: string | null;
  /** first and last day of its incidents (`YYYY-MM-DD`): callers with city-wide detail only */
  first_day: string | null;
  last_day: string | null;
  /**
   * when its last import finished (ISO 8601); null for sources written one by one (news, reports)
   * and for a source whose dates are withheld (an import's day would date its few incidents)
   */
  last_import: string | null;
  /** the open-data sync of this source; null when the sync does not cover it */
  sync: {
    key: string;
    /** the schedule runs in this deployment (`SYNC_SCHEDULE=monthly`) */
    scheduled: boolean;
    last_run: string | null;
    last_status: 'ok' | 'failed' | null;
    last_ok: string | null;
    next_run: string | null;
  } | null;
}

export function registerSources(app: ApiApp, services: Services): void {
  app.get('/api/sources', async (c) => {
    // a sync that found nothing new leaves the data version as it was but changes its run times:
    // revalidate every time (the counts are computed once per data version by healthAt)
    c.set('skipLru', true);
    c.set('cacheControl', 'no-cache');
    const { repositories, dataVersion, healthAt, settings, publicData } = services;
    const [stored, imports, runs] = await Promise.all([
      healthAt(await dataVersion.current()),
      repositories.imports.lastBySource(),
      repositories.jobRuns.latest(SYNC_JOB),
    ]);
    const health = publishHealth(stored, principalOf(c), publicData.options.minCount);
    const schedule = settings.sync.schedule();
    // the sources whose records are incidents (a GTFS feed refreshes the transit layer, not data)
    const configured = Object.fromEntries(
      Object.entries(schedule.sources?.sources ?? {}).filter((e): e is [string, IncidentSource] =>
        writesIncidents(e[1]),
      ),
    );
    const runsByKey = new Map(runs.map((r) => [r.source ?? '', r]));
    // the sync writes each key's records under its format's source id
    const syncKeyOf = new Map<string, string>(Object.entries(configured).map(([key, s]) => [s.format, key]));
    const now = Date.now();

    const syncOf = (id: string): SourceStatus['sync'] => {
      const key = syncKeyOf.get(id);
      if (key === undefined) return null;
      const run = runsByKey.get(key);
      const due = run ? run.startedAt.getTime() + schedule.intervalMs : now;
      return {
        key,
        scheduled: schedule.active,
        last_run: run?.finishedAt.toISOString() ?? null,
        last_status: run?.status ?? null,
        last_ok: run?.lastOkAt?.toISOString() ?? null,
        next_run: schedule.active ? new Date(Math.max(due, now)).toISOString() : null,
      };
    };
    const status = (id: string, kind: string, held?: PublishedSource): SourceStatus => {
      const sync = Object.values(configured).find((s) => s.format === id);
      const described = describeSource(id, kind, sync && { label: sync.label, title: sync.title });
      return {
        id,
        kind,
        ...described,
        incidents: held ? held.incidents : 0,
        first_month: held?.first_month ?? null,
        last_month: held?.last_month ?? null,
        first_day: held?.from ?? null,
        last_day: held?.until ?? null,
        last_import: held?.withheld ? null : (imports.get(id)?.toISOString() ?? null),
        sync: syncOf(id),
      };
    };
    const sources = health.sources.map((s) => status(s.source, s.source_kind, s));
    for (const s of Object.values(configured))
      if (!sources.some((x) => x.id === s.format)) sources.push(status(s.format, 'official'));
    return c.json({ sources });
  });
}
