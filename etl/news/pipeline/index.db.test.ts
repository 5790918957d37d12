import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachBackend } from '../../../tests/harness/stores.ts';
import { runCommand } from '../../../cli/index.ts';
import { closedPort } from '../../../tests/support/news/closed-port.ts';
import { HIDALGO_PAGES, startNewsServer, type NewsServer } from '../../../tests/support/news/local-news-server.ts';
import { sameEventFeed } from '../../../tests/support/news/derived-pages.ts';
import { runNewsOnce } from './index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

let server: NewsServer;
const dataDirs: string[] = [];
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
});
afterAll(async () => {
  await server?.close();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
});

/** A `date` column as YYYY-MM-DD (postgres.js gives a string, PGlite a Date at UTC midnight). */
const day = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));

function freshDataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'mapa-news-'));
  dataDirs.push(d);
  return d;
}

describe.skipIf(noNews)('the news pipeline on the saved pages', () => {
  describeEachBackend(
    'etl news --once over a local feed',
    (getStore) => {
      let dataDir: string;
      beforeAll(() => {
        dataDir = freshDataDir();
      });

      it('turns three reports of one event into ONE incident with its sources, and keeps the Hidalgo pages as unplaced', async () => {
        const store = getStore();
        const summary = await runNewsOnce(store, { dataDir, feedUrl: server.feedUrl, fetcher: { delayMs: 0 } });
        // 4 Hidalgo pages + 3 derived pages, all fetched with 200 and extracted.
        expect(summary).toEqual({
          fetched: 7,
          articles: 7,
          incidents: 1,
          duplicates: 2,
          unplaced: 0,
          errors: 0,
          sources: [{ url: server.feedUrl, status: 'ok', reason: null }],
        });

        const db = store.db;
        const incidents = await db.selectFrom('incidents').selectAll().where('source_kind', '=', 'news').execute();
        expect(incidents).toHaveLength(1);
        const incident = incidents[0]!;
        // Read off the real article: a shooting in colonia Emiliano Zapata (GAM), Wednesday 2025-10-08, about 17:00.
        expect(incident).toMatchObject({
          source: 'news',
          category: 'homicidio_doloso',
          hour: 17,
          time_precision: 'hour',
          alcaldia_2023: '09005', // Gustavo A. Madero
          location_precision: 'street',
        });
        expect(day(incident.occurred_on)).toBe('2025-10-08');
        expect(incident.source_record_id).toMatch(/^news:[0-9a-f]{24}$/);
        expect(incident.h3_9).not.toBeNull();

        const sources = await db
          .selectFrom('incident_sources')
          .innerJoin('news_articles', 'news_articles.id', 'incident_sources.article_id')
          .select([
            'news_articles.canonical_url',
            'news_articles.outlet',
            'incident_sources.relation',
            'news_articles.extractor_version',
            'news_articles.fetched_at',
          ])
          .where('incident_sources.incident_id', '=', String(incident.id))
          .orderBy('news_articles.id')
          .execute();
        expect(sources.map((s) => [s.canonical_url, s.relation])).toEqual([
          [derived.canonical.a, 'origin'],
          [derived.canonical.b, 'same_event'],
          [derived.canonical.c, 'same_story'],
        ]);
        expect(new Set(sources.map((s) => s.outlet)).size).toBe(3);
        expect(sources.every((s) => s.extractor_version && s.fetched_at)).toBe(true);

        // Nothing read is dropped: the Hidalgo pages are stored, as outside the city.
        const hidalgo = await db
          .selectFrom('news_articles')
          .select(['url', 'status', 'reason'])
          .where('url', 'like', '%/hidalgo/%')
          .execute();
        expect(hidalgo).toEqual([
          { url: `${server.origin}/hidalgo/estado/senadoras`, status: 'unplaced', reason: 'outside_cdmx' },
        ]);
        // Classification, geocode and fingerprint are stored as JSON objects on both backends.
        const kinds = await sql<{
          t: string;
        }>`SELECT DISTINCT jsonb_typeof(classification) || '/' || jsonb_typeof(fingerprint) AS t FROM news_articles`.execute(
          db,
        );
        expect(kinds.rows).toEqual([{ t: 'object/object' }]);
        const all = await db.selectFrom('news_articles').select(['status', 'reason']).execute();
        expect(all).toHaveLength(7);
        expect(all.filter((a) => a.reason === 'outside_cdmx')).toHaveLength(4);
      });

      it('a second run gets 304s: 0 fetched, nothing new', async () => {
        const store = getStore();
        const summary = await runNewsOnce(store, { dataDir, feedUrl: server.feedUrl, fetcher: { delayMs: 0 } });
        expect(summary).toEqual({
          fetched: 0,
          articles: 0,
          incidents: 0,
          duplicates: 0,
          unplaced: 0,
          errors: 0,
          sources: [{ url: server.feedUrl, status: 'ok', reason: null }],
        });
        const db = store.db;
        const n = await db.selectFrom('news_articles').select('id').execute();
        expect(n).toHaveLength(7);
        const incidents = await db.selectFrom('incidents').select('id').where('source_kind', '=', 'news').execute();
        expect(incidents).toHaveLength(1);
      });

      it('a run with lost validators fetches again (200) but still creates nothing new', async () => {
        const store = getStore();
        const summary = await runNewsOnce(store, {
          dataDir: freshDataDir(),
          feedUrl: server.feedUrl,
          fetcher: { delayMs: 0 },
        });
        expect(summary).toMatchObject({ fetched: 7, incidents: 0, duplicates: 0, unplaced: 0, errors: 0 });
        expect(
          await store.db.selectFrom('incidents').select('id').where('source_kind', '=', 'news').execute(),
        ).toHaveLength(1);
      });
    },
    { contents: 'empty' },
  );

  describeEachBackend(
    'npm run etl -- news / extract (CLI contract)',
    (getStore) => {
      it('news --once --feed prints one JSON line with the six counts; bad usage exits 2', async () => {
        const out: string[] = [];
        const err: string[] = [];
        const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
        const previous = process.env.DATA_DIR;
        process.env.DATA_DIR = freshDataDir();
        try {
          const code = await runCommand(['news', '--once', '--feed', server.feedUrl], { store: getStore(), io });
          expect(code).toBe(0);
          expect(out).toHaveLength(1);
          expect(out[0]!.endsWith('\n') && !out[0]!.trimEnd().includes('\n')).toBe(true);
          const parsed = JSON.parse(out[0]!);
          expect(Object.keys(parsed)).toEqual([
            'fetched',
            'articles',
            'incidents',
            'duplicates',
            'unplaced',
            'errors',
            'sources',
          ]);
          expect(parsed).toMatchObject({ fetched: 7, articles: 7, incidents: 1, duplicates: 2 });
          expect(parsed.sources).toEqual([{ url: server.feedUrl, status: 'ok', reason: null }]);
        } finally {
          if (previous === undefined) delete process.env.DATA_DIR;
          else process.env.DATA_DIR = previous;
        }
        expect(await runCommand(['news', '--feed', server.feedUrl], { store: getStore(), io })).toBe(2);
        expect(await runCommand(['news', '--once', '--feed', 'ftp://x'], { store: getStore(), io })).toBe(2);
      });

      it('news --once exits 1 when a source failed, names each failure, and still prints the summary', async () => {
        // Sources that fail in every distinct way, none leaving the machine: a .invalid host (RFC 6761,
        // never resolved), a port nothing listens on, a robots.txt that forbids the feed, a robots.txt
        // answering 503, a 404 feed and a feed that never finishes; plus the working local feed.
        const guarded = await startNewsServer({ articles: [], robots: 'User-agent: *\nDisallow: /cerrado/\n' });
        const broken = await startNewsServer({ articles: [], robotsStatus: 503 });
        const port = await closedPort();
        const urls = {
          ok: server.feedUrl,
          dns: 'http://noticias-que-no-existen.invalid/feed.xml',
          refused: `http://127.0.0.1:${port}/feed.xml`,
          robots: `${guarded.origin}/cerrado/feed.xml`,
          robots503: `${broken.origin}/feed.xml`,
          http: `${server.origin}/no-existe.xml`,
          timeout: `${server.origin}/stall`,
        };
        const dir = freshDataDir();
        const configPath = join(dir, 'news-sources.json');
        writeFileSync(
          configPath,
          JSON.stringify({
            fetch: { delayMs: 0, retries: 0, timeoutMs: 1000 },
            sources: Object.entries(urls).map(([id, url]) => ({ id, outlet: id, kind: 'feed', url })),
          }),
        );
        const out: string[] = [];
        const err: string[] = [];
        const io = { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) };
        const previous = process.env.DATA_DIR;
        process.env.DATA_DIR = dir;
        try {
          const code = await runCommand(['news', '--once', '--config', configPath], { store: getStore(), io });
          expect(code).toBe(1);
        } finally {
          if (previous === undefined) delete process.env.DATA_DIR;
          else process.env.DATA_DIR = previous;
          await guarded.close();
          await broken.close();
        }
        expect(out).toHaveLength(1);
        const parsed = JSON.parse(out[0]!);
        expect(Object.keys(parsed)).toEqual([
          'fetched',
          'articles',
          'incidents',
          'duplicates',
          'unplaced',
          'errors',
          'sources',
        ]);
        expect(parsed.sources.map((s: { url: string; status: string }) => [s.url, s.status])).toEqual([
          [urls.ok, 'ok'],
          [urls.dns, 'dns_failure'],
          [urls.refused, 'connection_refused'],
          [urls.robots, 'robots_disallowed'],
          [urls.robots503, 'robots_unavailable'],
          [urls.http, 'http_status'],
          [urls.timeout, 'timeout'],
        ]);
        const reasons = parsed.sources.map((s: { reason: string | null }) => s.reason);
        expect(reasons[0]).toBeNull();
        expect(reasons[1]).toMatch(/DNS.*noticias-que-no-existen\.invalid/);
        expect(reasons[2]).toContain(`rechazó la conexión: 127.0.0.1:${port}`);
        expect(reasons[3]).toMatch(/^robots\.txt no permite descargar/);
        expect(reasons[4]).toMatch(/HTTP 503/);
        expect(reasons[4]).not.toMatch(/^robots\.txt no permite/);
        expect(reasons[5]).toMatch(/HTTP 404/);
        expect(reasons[6]).toMatch(/tardó demasiado/);
        // Only the working feed counted; the six failed sources are one error each.
        expect(parsed).toMatchObject({ articles: 7, errors: 6 });
        expect(err.join('')).toMatch(/FALLÓ http:\/\/127\.0\.0\.1:\d+\/feed\.xml \(connection_refused\)/);
      });

      it('extract FILE prints the extracted article once, as one JSON line', async () => {
        const out: string[] = [];
        const io = { stdout: (s: string) => void out.push(s), stderr: () => {} };
        const file = join(process.cwd(), '..', 'shared', 'data', 'news-pages', 'quadratinhidalgoindividual.html');
        expect(await runCommand(['extract', file], { store: getStore(), io })).toBe(0);
        expect(out).toHaveLength(1);
        expect(JSON.parse(out[0]!)).toMatchObject({
          title: 'Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias',
        });
      });
    },
    { contents: 'empty' },
  );
});
