import { expect, it } from 'vitest';
import { recordJobRuns } from '../../db/queries/job-runs.ts';
import { loadSourcesFile, SYNC_JOB, writesIncidents } from '../../etl/sync/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

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
      const { publicApp, sample } = ctx();
      const days = sample.rows.map((r) => r.date).sort();
      const { status, body, headers } = await getJson(publicApp, '/api/sources');
      expect(status).toBe(200);
      expect(headers.get('cache-control')).toBe('no-cache');
      const ssc = body.sources.find((s: { id: string }) => s.id === 'ssc_points');
      expect(ssc).toMatchObject({
        kind: 'official',
        label: 'SSC',
        incidents: sample.rows.length,
        first_day: days[0],
        last_day: days.at(-1),
        first_month: days[0]!.slice(0, 7),
        last_month: days.at(-1)!.slice(0, 7),
        last_import: null,
        sync: null,
      });
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
