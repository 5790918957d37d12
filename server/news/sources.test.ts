/**
 * GET /api/news/sources on both backends. The config and the run records are hand-written here
 * (labelled: three sources, one of them disabled, runs from two processes, one failure); the
 * expected statuses and due times are worked out below from those records and the scheduler's rule
 * (last run + the source's interval, else the config's), not read back from the route.
 */
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { recordJobRuns } from '../../db/queries/job-runs.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { parseNewsConfig } from '../../etl/news/sources/index.ts';
import { NEWS_JOB, type NewsScheduleView } from '../../etl/news/schedule.ts';
import { createServices } from '../services/index.ts';
import { createApp } from '../app.ts';

// hand-written config
const CONFIG = parseNewsConfig({
  schedule: { enabled: true, intervalMinutes: 60 },
  sources: [
    { id: 'diario-a', outlet: 'Diario A', kind: 'feed', url: 'https://a.example.org/rss' },
    { id: 'diario-b', outlet: 'Diario B', kind: 'listing', url: 'https://b.example.org/policia', intervalMinutes: 240 },
    { id: 'diario-c', outlet: 'Diario C', kind: 'sitemap', url: 'https://c.example.org/sitemap.xml', enabled: false },
  ],
});
const view = (active: boolean): NewsScheduleView => ({
  configPath: 'hand-written',
  config: CONFIG,
  active,
  minuteMs: 60_000,
  error: null,
});

const HOUR = 3600_000;
const now = Date.now();
const at = (hoursAgo: number) => new Date(now - hoursAgo * HOUR);

describeEachBackend('GET /api/news/sources', (getStore) => {
  let admin: Hono;
  let inactive: Hono;
  let moderator: Hono;
  let anonymous: Hono;

  beforeAll(async () => {
    const store = getStore();
    await recordJobRuns(store, [
      // diario-a: ok 5 h ago on one process, then failed 2 h ago on another
      {
        job: NEWS_JOB,
        source: 'diario-a',
        startedAt: at(5),
        status: 'ok',
        counts: { articles: 4, incidents: 2 },
        instance: 'web-1:10',
      },
      {
        job: NEWS_JOB,
        source: 'diario-a',
        startedAt: at(2),
        status: 'failed',
        reason: 'tiempo agotado',
        counts: { articles: 0, incidents: 0 },
        instance: 'web-2:20',
      },
      // diario-b: ok 1 h ago (due in 3 h: its own 240-minute interval)
      {
        job: NEWS_JOB,
        source: 'diario-b',
        startedAt: at(1),
        status: 'ok',
        counts: { articles: 7, incidents: 3 },
        instance: 'web-1:10',
      },
      // a source that has since been removed from the config
      { job: NEWS_JOB, source: 'diario-viejo', startedAt: at(30), status: 'ok', instance: 'web-1:10' },
      // another job's runs never show here
      {
        job: 'retención de chats',
        source: null,
        startedAt: at(1),
        status: 'ok',
        counts: { purged: 1 },
        instance: 'web-1:10',
      },
    ]);
    const app = createApp({ store, services: createServices(store, { news: { schedule: () => view(true) } }) });
    const off = createApp({ store, services: createServices(store, { news: { schedule: () => view(false) } }) });
    admin = withBearer(app, await createToken(store, { role: 'admin', name: 'tests' }));
    inactive = withBearer(off, await createToken(store, { role: 'admin', name: 'tests-2' }));
    moderator = withBearer(app, await createToken(store, { role: 'moderador', name: 'tests-3' }));
    anonymous = app;
  });

  it('lists each configured source with its latest run, its last success and when it is next due', async () => {
    const { status, body } = await getJson(admin, '/api/news/sources');
    expect(status).toBe(200);
    expect(body.schedule).toEqual({ active: true, interval_minutes: 60, config_error: null });
    const byId = Object.fromEntries(body.sources.map((s: any) => [s.id, s]));
    expect(Object.keys(byId).sort()).toEqual(['diario-a', 'diario-b', 'diario-c', 'diario-viejo']);

    const a = byId['diario-a'];
    expect(a.last_run).toMatchObject({
      status: 'failed',
      reason: 'tiempo agotado',
      instance: 'web-2:20',
      pass_counts: { articles: 0, incidents: 0 },
    });
    expect(Date.parse(a.last_run.started_at)).toBe(at(2).getTime());
    expect(Date.parse(a.last_ok_at)).toBe(at(5).getTime());
    // failed 2 h ago, hourly: due again now (the scheduler retries a failed source on its interval)
    expect(Math.abs(Date.parse(a.next_run_at) - Date.now())).toBeLessThan(60_000);

    const b = byId['diario-b'];
    expect(b).toMatchObject({
      outlet: 'Diario B',
      kind: 'listing',
      interval_minutes: 240,
      configured: true,
      enabled: true,
    });
    expect(b.last_run).toMatchObject({ status: 'ok', reason: null, pass_counts: { articles: 7, incidents: 3 } });
    expect(Date.parse(b.next_run_at)).toBe(at(1).getTime() + 240 * 60_000);

    const c = byId['diario-c'];
    expect(c).toMatchObject({ enabled: false, last_run: null, last_ok_at: null, next_run_at: null });

    expect(byId['diario-viejo']).toMatchObject({ configured: false, outlet: null, next_run_at: null });
    expect(byId['diario-viejo'].last_run.status).toBe('ok');
  });

  it('gives no next run when the schedule does not run in this deployment', async () => {
    const { body } = await getJson(inactive, '/api/news/sources');
    expect(body.schedule.active).toBe(false);
    expect(body.sources.every((s: any) => s.next_run_at === null)).toBe(true);
  });

  it('is for admins only', async () => {
    expect((await getJson(anonymous, '/api/news/sources')).status).toBe(401);
    const refused = await getJson(moderator, '/api/news/sources');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
  });
});
