/**
 * A pass over a feed and a listing page served locally from the real saved pages: first run
 * fetches and extracts; a second run with the same validators and archive gets 304s and
 * extracts nothing. No request leaves the machine; waits go through a fake clock.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Fetcher, JsonFileValidatorStore } from '../fetch/index.ts';
import {
  buildRssFeed,
  NEWS_PAGES_DIR,
  startNewsServer,
  type NewsServer,
  type ServedArticle,
} from '../../../tests/support/news/local-news-server.ts';
import { collectFeed, collectListing, collectSitemap, reextractArchived, type CollectedArticle } from './index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the saved news pages are not in the repository */
const noPages = sharedDataMissing([SHARED.newsPages]);

const SILLA_PATH =
  '/hidalgo/estado/2025/10/15/senadoras-carolina-viggiano-simey-olvera-se-confrontan-por-tragedia-hidalgo-562529.html';
const ARTICLES: ServedArticle[] = [
  {
    path: SILLA_PATH,
    file: 'lasillarotahgoindividual.html',
    title: 'Senadoras Carolina Viggiano y Simey Olvera se confrontan por tragedia a Hidalgo',
    pubDate: 'Wed, 15 Oct 2025 16:20:00 +0000',
  },
  {
    path: '/sucesos/reportan-50-desaparecidos-y-danos-en-29-municipios-de-hidalgo-por-lluvias/',
    file: 'quadratinhidalgoindividual.html',
    title: 'Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias',
    pubDate: 'Wed, 15 Oct 2025 16:33:43 +0000',
  },
  {
    path: '/semarnath-cierra-seis-tiraderos-clandestinos-y-sanciona-a-cinco-municipios/',
    file: 'lajornadahidalgoindividual.html',
    title: 'Semarnath cierra seis tiraderos clandestinos y sanciona a cinco municipios',
    pubDate: 'Mon, 06 Oct 2025 18:34:38 +0000',
  },
  {
    path: '/entretenimiento/preparan-segunda-muestra-comercial-gastronomica-y-cultural-en-coincidencia-con-el-buen-fin/',
    file: 'eluniversalhidalgoindividual.html',
    title: 'Preparan segunda muestra comercial, gastronómica y cultural en coincidencia con el Buen Fin',
    pubDate: 'Mon, 06 Oct 2025 19:59:47 +0000',
  },
];

let server: NewsServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'news-collect-'));
  dirs.push(dir);
  let now = 1_760_000_000_000;
  const fetcher = () =>
    new Fetcher({
      archiveDir: join(dir, 'archive'),
      validators: new JsonFileValidatorStore(join(dir, 'validators.json')),
      now: () => now,
      sleep: async (ms) => void (now += ms),
    });
  return { dir, fetcher };
}

describe.skipIf(noPages)('collectFeed', () => {
  it('fetches and extracts every listed article once; a second run gets 304s and extracts nothing', async () => {
    server = await startNewsServer({
      articles: ARTICLES,
      feedOnly: [
        { path: '/nota-borrada-de-prueba-404/', title: 'Nota borrada', pubDate: 'Wed, 15 Oct 2025 12:00:00 +0000' },
      ],
      robots: 'User-agent: *\nDisallow: /entretenimiento/\n',
    });
    const { fetcher, dir } = setup();
    const seen: CollectedArticle[] = [];
    const first = await collectFeed(server.feedUrl, { fetcher: fetcher(), onArticle: (a) => void seen.push(a) });
    expect(first).toMatchObject({ fetched: 3, notModified: 0, articles: 3, errors: 2 });
    expect(first.failures.map((f) => f.code).sort()).toEqual(['fetch_failed', 'robots_disallowed']);
    expect(seen.map((a) => a.article.title)).toEqual(ARTICLES.slice(0, 3).map((a) => a.title));
    expect(seen[0]!.feedItem?.publishedAt).toBe('2025-10-15T10:20:00-06:00');
    expect(seen[0]!.page.body).toBe(readFileSync(join(NEWS_PAGES_DIR, ARTICLES[0]!.file), 'utf8'));

    // Every extracted page can be extracted again from the archive alone.
    for (const a of seen) expect(reextractArchived(join(dir, 'archive'), a.page.sha256!, a.link)).toEqual(a.article);

    const again: CollectedArticle[] = [];
    const second = await collectFeed(server.feedUrl, { fetcher: fetcher(), onArticle: (a) => void again.push(a) });
    expect(second).toMatchObject({ fetched: 0, notModified: 3, articles: 0, errors: 2 });
    expect(again).toEqual([]);
    // The feed itself answered 304 the second time and was re-read from the archive.
    expect(server.log.filter((r) => r.path === '/feed.xml').map((r) => r.status)).toEqual([200, 304]);
  });
});

describe.skipIf(noPages)('collectListing', () => {
  it('follows the article links of a saved listing page', async () => {
    const listing = readFileSync(join(NEWS_PAGES_DIR, 'lasillarotahgo.html'), 'utf8');
    server = await startNewsServer({ articles: ARTICLES.slice(0, 1), extraPages: { '/hidalgo/': listing } });
    const { fetcher } = setup();
    const titles: (string | null)[] = [];
    const summary = await collectListing(`${server.origin}/hidalgo/`, {
      fetcher: fetcher(),
      onArticle: (a) => void titles.push(a.article.title),
    });
    // The listing links 45 articles (see listing/index.test.ts); only the one saved article page is served.
    expect(summary.fetched).toBe(1);
    expect(summary.articles).toBe(1);
    expect(summary.errors).toBe(44);
    expect(titles).toEqual([ARTICLES[0]!.title]);
    expect(server.log.some((r) => r.path === SILLA_PATH && r.status === 200)).toBe(true);
    expect(server.log.some((r) => r.path.startsWith('/autor/'))).toBe(false);
  });

  it('stops at maxArticles', async () => {
    const listing = readFileSync(join(NEWS_PAGES_DIR, 'lasillarotahgo.html'), 'utf8');
    server = await startNewsServer({ articles: [], extraPages: { '/hidalgo/': listing } });
    const { fetcher } = setup();
    const summary = await collectListing(`${server.origin}/hidalgo/`, { fetcher: fetcher(), maxArticles: 5 });
    expect(summary.fetched + summary.notModified + summary.errors).toBe(5);
  });
});

describe.skipIf(noPages)('a listing page linked from a feed', () => {
  it('is not stored as an article: its article links are followed instead', async () => {
    const listing = readFileSync(join(NEWS_PAGES_DIR, 'lasillarotahgo.html'), 'utf8');
    const extraPages: Record<string, string> = { '/hidalgo/': listing };
    // The feed lists only the section front; its URL needs the origin, known once the server listens.
    Object.defineProperty(extraPages, '/portada.xml', {
      get: () =>
        buildRssFeed(server!.origin, [
          { path: '/hidalgo/', title: 'Hidalgo', pubDate: 'Wed, 15 Oct 2025 12:00:00 +0000' },
        ]),
      enumerable: true,
    });
    server = await startNewsServer({ articles: ARTICLES.slice(0, 1), extraPages });
    const { fetcher } = setup();
    const titles: (string | null)[] = [];
    const summary = await collectFeed(`${server.origin}/portada.xml`, {
      fetcher: fetcher(),
      onArticle: (a) => void titles.push(a.article.title),
    });
    // The listing links 45 articles (listing/index.test.ts); only one is served, the other 44 answer 404.
    expect(summary).toMatchObject({ listings: 1, fetched: 2, articles: 1, errors: 44 });
    expect(titles).toEqual([ARTICLES[0]!.title]);
    expect(summary.failures.every((f) => f.kind === 'http_status')).toBe(true);
  });

  it('a feed URL that serves an HTML section front is read as a listing', async () => {
    const listing = readFileSync(join(NEWS_PAGES_DIR, 'lasillarotahgo.html'), 'utf8');
    server = await startNewsServer({ articles: ARTICLES.slice(0, 1), extraPages: { '/hidalgo/': listing } });
    const { fetcher } = setup();
    const summary = await collectFeed(`${server.origin}/hidalgo/`, { fetcher: fetcher(), maxArticles: 3 });
    expect(summary.fetched + summary.errors).toBe(3);
  });
});

describe.skipIf(noPages)('collectSitemap', () => {
  it('follows a sitemap index to a news sitemap and fetches its articles, newest first', async () => {
    const origin = () => server!.origin;
    const newsMap = () => `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>${origin()}${ARTICLES[2]!.path}</loc><news:news><news:publication_date>2025-10-06T12:34:38-06:00</news:publication_date></news:news></url>
        <url><loc>${origin()}${ARTICLES[1]!.path}</loc><news:news><news:publication_date>2025-10-15T10:33:43-06:00</news:publication_date></news:news></url>
      </urlset>`;
    const index =
      '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>/sitemap-news.xml</loc></sitemap></sitemapindex>';
    // The server's origin is known only once it listens: serve the news sitemap from a getter.
    const extraPages: Record<string, string> = { '/sitemap.xml': index };
    Object.defineProperty(extraPages, '/sitemap-news.xml', { get: newsMap, enumerable: true });
    server = await startNewsServer({ articles: ARTICLES, extraPages });
    const { fetcher } = setup();
    const titles: (string | null)[] = [];
    const summary = await collectSitemap(`${server.origin}/sitemap.xml`, {
      fetcher: fetcher(),
      onArticle: (a) => void titles.push(a.article.title),
    });
    expect(summary).toMatchObject({ fetched: 2, articles: 2, errors: 0 });
    expect(titles).toEqual([ARTICLES[1]!.title, ARTICLES[2]!.title]);
  });
});
