import { beforeAll, expect, it } from 'vitest';
import { recordJobRuns } from '../../db/queries/job-runs.ts';
import { loadSourcesFile, SYNC_JOB, writesIncidents } from '../../etl/sync/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { writeSmallSource } from '../../tests/support/small-source.ts';

const DAY_MS = 86_400_000;
const INTERVAL_MS = 30 * DAY_MS;
// the bundled sources file: its one source (FGJ carpetas) writes records under the format's id
const sourcesFile = loadSourcesFile();
const [syncKey, syncSource] = Object.entries(sourcesFile.sources).flatMap(([k, s]) =>
  writesIncidents(s) ? [[k, s] as const] : [],
)[0]!;

describeApi(
  'GET /api/sources',
  (ctx) => {
    it('lists each source with its first and last month and incidents, taken from the rows the store holds', async () => {
      const { publicApp, app, sample } = ctx();
      const days = sample.rows.map((r) => r.date).sort();
      const { status, body, headers } = await getJson(publicApp, '/api/sources');
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-cache');
      const ssc = body.sources.find((s: { id: string }) => s.id === 'ssc_points');
      // the public: months, no days
      expect(ssc).toMatchObject({
        kind: 'official',
        label: 'SSC',
        incidents: sample.rows.length,
        first_day: null,
        last_day: null,
        first_month: days[0]!.slice(0, 7),
        last_month: days.at(-1)!.slice(0, 7),
        last_import: null,
        sync: null,
      });
      // an admin: the days too
      const exact = (await getJson(app, '/api/sources')).body.sources.find(
        (s: { id: string }) => s.id === 'ssc_points',
      );
      expect(exact).toMatchObject({ incidents: sample.rows.length, first_day: days[0], last_day: days.at(-1) });
    });

    it('lists a configured sync source that holds no incidents yet, with its schedule', async () => {
      const { publicApp } = ctx();
      const { body } = await getJson(publicApp, '/api/sources');
      const pending = body.sources.find((s: { id: string }) => s.id === syncSource.format);
      expect(pending).toMatchObject({
        kind: 'official',
        label: syncSource.label,
        title: syncSource.title,
        incidents: 0,
        first_month: null,
        last_month: null,
        sync: { key: syncKey, scheduled: true, last_run: null, last_status: null, last_ok: null },
      });
      // never ran: due now
      expect(Math.abs(Date.parse(pending.sync.next_run) - Date.now())).toBeLessThan(60_000);
    });

    it('gives the last import, the last sync run and the next one (last start + interval), without failure reasons', async () => {
      const { publicApp, store } = ctx();
      const imported = new Date('2026-11-30T12:00:00Z');
      await store.db
        .insertInto('imports')
        .values({
          source: 'ssc_points',
          file_name: 'ssc.csv',
          file_sha256: 'x',
          status: 'done',
          finished_at: imported,
        })
        .execute();
      const okStart = new Date(Date.now() - 40 * DAY_MS);
      const failedStart = new Date(Date.now() - 2 * DAY_MS);
      await recordJobRuns(store, [
        { job: SYNC_JOB, source: syncKey, startedAt: okStart, finishedAt: okStart, status: 'ok', instance: 't' },
        {
          job: SYNC_JOB,
          source: syncKey,
          startedAt: failedStart,
          finishedAt: new Date(failedStart.getTime() + 1000),
          status: 'failed',
          reason: 'getaddrinfo ENOTFOUND datos.cdmx.gob.mx',
          instance: 't',
        },
      ]);
      const { body } = await getJson(publicApp, '/api/sources');
      const ssc = body.sources.find((s: { id: string }) => s.id === 'ssc_points');
      expect(ssc.last_import).toBe(imported.toISOString());
      const synced = body.sources.find((s: { id: string }) => s.id === syncSource.format);
      expect(synced.sync).toEqual({
        key: syncKey,
        scheduled: true,
        last_run: new Date(failedStart.getTime() + 1000).toISOString(),
        last_status: 'failed',
        last_ok: okStart.toISOString(),
        next_run: new Date(failedStart.getTime() + INTERVAL_MS).toISOString(),
      });
      expect(JSON.stringify(body)).not.toContain('ENOTFOUND');
    });
  },
  {
    app: { sync: { schedule: () => ({ sources: sourcesFile, active: true, intervalMs: INTERVAL_MS, error: null }) } },
  },
);

// one chat import of two incidents (hand-written example): fewer than k = 3
const SMALL = { source: 'chat', kind: 'chat', day: '2015-06-10', alcaldia: '09015', count: 2 } as const;

describeApi('GET /api/sources with a source of fewer than k incidents', (ctx) => {
  beforeAll(async () => {
    await writeSmallSource(ctx().store, SMALL);
    await ctx()
      .store.db.insertInto('imports')
      .values({
        source: SMALL.source,
        file_name: 'chat.txt',
        file_sha256: 'y',
        status: 'done',
        finished_at: new Date(`${SMALL.day}T18:00:00Z`),
      })
      .execute();
  });

  it('withholds the public its count, its months, its days and its import time', async () => {
    const { publicApp, sample } = ctx();
    const { status, body } = await getJson(publicApp, '/api/sources');
    expect(status).toBe(200);
    expect(body.sources.find((s: { id: string }) => s.id === SMALL.source)).toMatchObject({
      kind: SMALL.kind,
      incidents: null,
      first_month: null,
      last_month: null,
      first_day: null,
      last_day: null,
      last_import: null,
    });
    // the large source keeps its exact count, so the public sum is the sample's, not sample + 2
    const published = body.sources.reduce(
      (sum: number, s: { incidents: number | null }) => sum + (s.incidents ?? 0),
      0,
    );
    expect(published).toBe(sample.rows.length);
  });

  it('gives an admin the exact count, days and import', async () => {
    const { app } = ctx();
    const { body } = await getJson(app, '/api/sources');
    expect(body.sources.find((s: { id: string }) => s.id === SMALL.source)).toMatchObject({
      incidents: SMALL.count,
      first_day: SMALL.day,
      last_day: SMALL.day,
      first_month: SMALL.day.slice(0, 7),
      last_month: SMALL.day.slice(0, 7),
      last_import: new Date(`${SMALL.day}T18:00:00Z`).toISOString(),
    });
  });
});
