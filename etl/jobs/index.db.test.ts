/**
 * `npm start`'s background jobs (startBackgroundJobs) on a real store and the local news server (no
 * internet), driven by a hand-moved clock: the news sources on their schedule, and the chat-retention
 * purge. Expected counts for the feed are those of the pipeline test (pipeline/index.db.test.ts: 7
 * pages, one event reported three times → one incident).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { approveReport, countReports, insertReport, listReports } from '../../db/queries/reports.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { newFolio } from '../../core/reports/index.ts';
import { IncidentWriter } from '../../db/incidents/writer.ts';
import { reportIncident } from '../reports/index.ts';
import { HIDALGO_PAGES, startNewsServer, type NewsServer } from '../../tests/support/news/local-news-server.ts';
import { sameEventFeed } from '../../tests/support/news/derived-pages.ts';
import type { NewsRunSummary } from '../news/pipeline/index.ts';
import { startBackgroundJobs } from './index.ts';
import type { Clock } from './scheduler.ts';
import { SHARED, sharedDataMissing } from '../../tests/support/shared-data.ts';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
let server: NewsServer;
const dirs: string[] = [];
/** the saved news pages and the news sample are not in the repository */
const noNews = sharedDataMissing([SHARED.newsPages, SHARED.newsSample]);
const derived = noNews ? undefined! : sameEventFeed();
beforeAll(async () => {
  if (noNews) return;
  server = await startNewsServer({
    articles: HIDALGO_PAGES,
    extraPages: derived.extraPages,
    feedOnly: derived.feedOnly,
  });
  // Built once up front: building it inside the first pass would stall the in-process server meanwhile.
  getGeocoder();
});
afterAll(async () => {
  await server?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function freshDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mapa-schedule-'));
  dirs.push(d);
  return d;
}

function manualClock(start: number) {
  let t = start;
  let timers = 0;
  const clock: Clock = { now: () => new Date(t), setInterval: () => ++timers, clearInterval: () => void timers-- };
  return { clock, advance: (ms: number) => void (t += ms), timers: () => timers };
}

describe.skipIf(noNews)('background jobs on the saved news pages', () => {
  describeEachBackend(
    'npm start background jobs',
    (getStore) => {
      it('NEWS_SCHEDULE=off, or the bundled config (schedule off): only the retention purge, no request', async () => {
        const before = server.log.length;
        for (const env of [{ NEWS_SCHEDULE: 'off' }, {}]) {
          const lines: string[] = [];
          const jobs = startBackgroundJobs({
            store: getStore(),
            dataDir: freshDir(),
            env,
            // before the other cases' clocks: the purges it records do not make theirs look done
            clock: manualClock(Date.parse('2025-12-01T12:00:00Z')).clock,
            log: (l) => lines.push(l),
          });
          await jobs.idle();
          expect(jobs.jobNames).toEqual(['retención de chats', 'retención de bitácora']);
          await jobs.stop();
          expect(lines.some((l) => l.startsWith('Noticias: sin ejecución periódica'))).toBe(true);
        }
        expect(server.log.length).toBe(before);
      });

      it('runs the configured feed at start, not again before its interval, then with conditional GETs', async () => {
        const dataDir = freshDir();
        const configPath = join(dataDir, 'news-sources.json');
        writeFileSync(
          configPath,
          JSON.stringify({
            schedule: { enabled: true, intervalMinutes: 60 },
            fetch: { delayMs: 0 },
            sources: [{ id: 'local', outlet: 'Local', kind: 'feed', url: server.feedUrl }],
          }),
        );
        const { clock, advance, timers } = manualClock(Date.parse('2026-01-05T12:00:00Z'));
        const passes: NewsRunSummary[] = [];
        const jobs = startBackgroundJobs({
          store: getStore(),
          dataDir,
          env: { NEWS_CONFIG: configPath },
          clock,
          onNewsPass: (s) => passes.push(s),
        });
        expect(jobs.jobNames).toEqual(['retención de chats', 'retención de bitácora', 'noticias']);
        expect(timers()).toBe(1);
        await jobs.idle();
        expect(passes).toEqual([
          {
            fetched: 7,
            articles: 7,
            incidents: 1,
            duplicates: 2,
            unplaced: 0,
            errors: 0,
            sources: [{ url: server.feedUrl, status: 'ok', reason: null }],
          },
        ]);
        const newsIncidents = async () =>
          (await getStore().db.selectFrom('incidents').select('id').where('source_kind', '=', 'news').execute()).length;
        expect(await newsIncidents()).toBe(1);
        // the run is recorded in the store (job_runs), not in DATA_DIR: every process sees it
        const runs = await getStore()
          .db.selectFrom('job_runs')
          .select(['source', 'started_at', 'status', 'counts'])
          .where('job', '=', 'noticias')
          .execute();
        expect(runs.map((r) => ({ ...r, started_at: new Date(r.started_at).toISOString() }))).toEqual([
          {
            source: 'local',
            started_at: '2026-01-05T12:00:00.000Z',
            status: 'ok',
            counts: { fetched: 7, articles: 7, incidents: 1, duplicates: 2, unplaced: 0, errors: 0 },
          },
        ]);

        // a second process on the same store, at the same moment: the pass is recorded, so it is not due there
        const second = startBackgroundJobs({
          store: getStore(),
          dataDir: freshDir(),
          env: { NEWS_CONFIG: configPath },
          clock,
          onNewsPass: (s) => passes.push(s),
        });
        await second.idle();
        await second.stop();
        expect(passes).toHaveLength(1);

        const afterFirst = server.log.length;
        advance(59 * MIN);
        await jobs.tick();
        expect(server.log.length).toBe(afterFirst);
        expect(passes).toHaveLength(1);

        advance(MIN);
        await jobs.tick();
        expect(passes[1]).toEqual({
          fetched: 0,
          articles: 0,
          incidents: 0,
          duplicates: 0,
          unplaced: 0,
          errors: 0,
          sources: [{ url: server.feedUrl, status: 'ok', reason: null }],
        });
        const feedRequests = server.log.slice(afterFirst).filter((r) => r.path === new URL(server.feedUrl).pathname);
        expect(feedRequests.length).toBeGreaterThan(0);
        expect(feedRequests.every((r) => r.status === 304 && (r.ifNoneMatch || r.ifModifiedSince))).toBe(true);
        expect(await newsIncidents()).toBe(1);
        await jobs.stop();
        expect(timers()).toBe(0);
      });

      it('purges expired chat text at start and then daily; aggregates stay', async () => {
        const store = getStore();
        const t0 = Date.parse('2026-03-01T12:00:00Z');
        const queue = async (expires: number, place: boolean) => {
          const folio = newFolio();
          await insertReport(store, {
            folio,
            origin: 'chat',
            category: 'robo_transeunte',
            occurred_on: '2026-02-20',
            hour: 20,
            lat: place ? 19.4326 : null,
            lon: place ? -99.1332 : null,
            location_precision: place ? 'point' : 'none',
            location_text: null,
            alcaldia_id: place ? '09015' : null,
            colonia_id: null,
            description_raw: `texto ${folio} 55 1234 5678`,
            description_redacted: `texto ${folio} [teléfono]`,
            sender_hash: 'h',
            chat_ref: folio,
            text_expires_at: new Date(expires),
          });
          return folio;
        };
        const expired = await queue(t0 - DAY, true);
        const tomorrow = await queue(t0 + 12 * 3600_000, false);
        const later = await queue(t0 + 30 * DAY, false);
        const incidentId = await approveReport(
          store,
          expired,
          'test',
          (r) => reportIncident({ ...r, category: r.category! }),
          new IncidentWriter(getGeocoder().reverse),
        );
        const countsBefore = await countReports(store);

        const { clock, advance } = manualClock(t0);
        const jobs = startBackgroundJobs({ store, dataDir: freshDir(), env: { NEWS_SCHEDULE: 'off' }, clock });
        await jobs.idle();
        const text = async (folio: string) =>
          (await listReports(store, { limit: 500 })).find((r) => r.folio === folio)!;
        expect(await text(expired)).toMatchObject({
          description_raw: null,
          description_redacted: null,
          status: 'approved',
        });
        expect(String((await text(expired)).incident_id)).toBe(String(incidentId));
        expect((await text(tomorrow)).description_raw).toContain(tomorrow);

        advance(DAY);
        await jobs.tick();
        expect((await text(tomorrow)).description_raw).toBeNull();
        expect((await text(later)).description_raw).toContain(later);
        // Aggregates stay: the same reports per status, and the approved report's incident still counts.
        expect(await countReports(store)).toEqual(countsBefore);
        const incident = await store.db
          .selectFrom('incidents')
          .select(['id', 'alcaldia_2023'])
          .where('id', '=', incidentId as never)
          .executeTakeFirst();
        expect(incident?.alcaldia_2023).toBe('09015');
        await jobs.stop();
      });

      it('two processes on one store purge once a day between them, not once each (shared run records)', async () => {
        const store = getStore();
        const t0 = Date.parse('2026-06-01T12:00:00Z');
        const runsSince = async (job: string) =>
          (
            await store.db
              .selectFrom('job_runs')
              .select('instance')
              .where('job', '=', job)
              .where('started_at', '>=', new Date(t0))
              .execute()
          ).length;
        const a = manualClock(t0);
        const b = manualClock(t0);
        const first = startBackgroundJobs({
          store,
          dataDir: freshDir(),
          env: { NEWS_SCHEDULE: 'off' },
          clock: a.clock,
        });
        await first.idle();
        const second = startBackgroundJobs({
          store,
          dataDir: freshDir(),
          env: { NEWS_SCHEDULE: 'off' },
          clock: b.clock,
        });
        await second.idle();
        expect([await runsSince('retención de chats'), await runsSince('retención de bitácora')]).toEqual([1, 1]);
        // a day later both look again: the first to look purges, the other finds it done
        a.advance(DAY);
        b.advance(DAY);
        await second.tick();
        await first.tick();
        expect([await runsSince('retención de chats'), await runsSince('retención de bitácora')]).toEqual([2, 2]);
        await Promise.all([first.stop(), second.stop()]);
      });
    },
    { contents: 'empty' },
  );
});
