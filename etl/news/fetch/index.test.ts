/**
 * The fetcher against a local HTTP server (127.0.0.1, port 0) serving the real saved pages and
 * an RSS feed built from them here. No request leaves the machine. Waits are observed through
 * an injected clock and sleep, so nothing depends on how fast the machine is.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors/index.ts';
import { parseFeed } from '../feed/index.ts';
import { Fetcher, JsonFileValidatorStore, MemoryValidatorStore, readArchived } from './index.ts';
import {
  NEWS_PAGES_DIR,
  startNewsServer,
  type NewsServer,
  type ServedArticle,
} from '../../../tests/support/news/local-news-server.ts';
import { sha256Hex } from './store.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the saved news pages are not in the repository */
const noPages = sharedDataMissing([SHARED.newsPages]);

/** Paths are the pathnames of each page's canonical URL, titles its headline, as read off the pages. */
const ARTICLES: ServedArticle[] = [
  {
    path: '/hidalgo/estado/2025/10/15/senadoras-carolina-viggiano-simey-olvera-se-confrontan-por-tragedia-hidalgo-562529.html',
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

/** A fake clock: time moves only when the fetcher sleeps, and every sleep is recorded. */
function fakeTime() {
  let now = 1_760_000_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      now += ms;
    },
  };
}

let server: NewsServer | undefined;
const dirs: string[] = [];
afterEach(async () => {
  await server?.close();
  server = undefined;
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'news-fetch-'));
  dirs.push(d);
  return d;
}

async function rejection(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (err) {
    return err as AppError;
  }
  throw new Error('expected a rejection');
}

describe.skipIf(noPages)('Fetcher', () => {
  it('fetches the feed and every page it lists, archiving each page under its SHA-256', async () => {
    server = await startNewsServer({ articles: ARTICLES }); // no robots.txt: 404 → allowed
    const archive = tempDir();
    const t = fakeTime();
    const fetcher = new Fetcher({ archiveDir: archive, now: t.now, sleep: t.sleep });
    const feedPage = await fetcher.fetch(server.feedUrl);
    expect(feedPage.status).toBe(200);
    const feed = parseFeed(feedPage.body!, server.feedUrl);
    expect(feed.items.map((i) => i.url)).toEqual(ARTICLES.map((a) => server!.origin + a.path));
    for (const item of feed.items) {
      const page = await fetcher.fetch(item.url);
      const original = readFileSync(
        join(NEWS_PAGES_DIR, ARTICLES.find((a) => server!.origin + a.path === item.url)!.file),
      );
      expect(page.status).toBe(200);
      expect(page.body).toBe(original.toString('utf8'));
      expect(page.sha256).toBe(sha256Hex(original)); // independent hash of the file on disk
      expect(page.archivePath).toBe(join(archive, page.sha256!.slice(0, 2), page.sha256!));
      expect(readArchived(archive, page.sha256!).equals(original)).toBe(true);
    }
    expect(server.log.filter((r) => r.path === '/robots.txt')).toHaveLength(1); // fetched once, cached
    // Six requests to one host (robots.txt, feed, four pages): five waits of the default 1 s.
    expect(t.sleeps).toEqual([1000, 1000, 1000, 1000, 1000]);
    expect(server.log.every((r) => r.userAgent.startsWith('MapaComunBot/'))).toBe(true);
  });

  it('sends conditional GETs on a second run and reports 304 as not modified', async () => {
    server = await startNewsServer({ articles: ARTICLES });
    const dir = tempDir();
    const statePath = join(dir, 'validators.json');
    const t = fakeTime();
    const first = new Fetcher({ validators: new JsonFileValidatorStore(statePath), now: t.now, sleep: t.sleep });
    const url = server.origin + ARTICLES[0]!.path;
    const a = await first.fetch(url);
    expect(a.status).toBe(200);
    expect(existsSync(statePath)).toBe(true);
    // A new fetcher (a later run) reads the validators back from the JSON file.
    const second = new Fetcher({ validators: new JsonFileValidatorStore(statePath), now: t.now, sleep: t.sleep });
    const b = await second.fetch(url);
    expect(b.status).toBe(304);
    expect(b.notModified).toBe(true);
    expect(b.body).toBeUndefined();
    expect(b.sha256).toBe(a.sha256); // what was archived last time
    const requests = server.log.filter((r) => r.path === ARTICLES[0]!.path);
    expect(requests.map((r) => r.status)).toEqual([200, 304]);
    expect(requests[0]!.ifNoneMatch).toBeUndefined();
    expect(requests[1]!.ifNoneMatch).toMatch(/^"[0-9a-f]{16}"$/);
    expect(requests[1]!.ifModifiedSince).toBe('Wed, 15 Oct 2025 18:00:00 GMT');
  });

  it('obeys Disallow/Allow for its own agent and for *', async () => {
    const robots = [
      'User-agent: *',
      'Disallow: /sucesos/',
      '',
      'User-agent: MapaComunBot',
      'Disallow: /hidalgo/',
      'Allow: /hidalgo/estado/2025/10/15/',
      'Disallow: /entretenimiento/',
    ].join('\n');
    server = await startNewsServer({ articles: ARTICLES, robots });
    const t = fakeTime();
    const fetcher = new Fetcher({ now: t.now, sleep: t.sleep });
    const [silla, quadratin, jornada, universal] = ARTICLES.map((a) => server!.origin + a.path);
    // Our group has an Allow that is longer than its Disallow → allowed.
    expect((await fetcher.fetch(silla!)).status).toBe(200);
    // Our own group applies, not "*": /sucesos/ is only disallowed for others.
    expect((await fetcher.fetch(quadratin!)).status).toBe(200);
    expect((await fetcher.fetch(jornada!)).status).toBe(200);
    const refused = await rejection(fetcher.fetch(universal!));
    expect(refused).toBeInstanceOf(AppError);
    expect(refused.code).toBe('robots_disallowed');
    expect(server.log.some((r) => r.path === ARTICLES[3]!.path)).toBe(false);
    // Another agent falls under "*".
    const other = new Fetcher({ userAgent: 'OtroBot/1.0', now: t.now, sleep: t.sleep });
    expect((await rejection(other.fetch(quadratin!))).code).toBe('robots_disallowed');
  });

  it('treats an unreachable robots.txt (5xx) as "disallow everything", reported as robots_unavailable', async () => {
    server = await startNewsServer({ articles: ARTICLES, robotsStatus: 503 });
    const t = fakeTime();
    const fetcher = new Fetcher({ retries: 1, now: t.now, sleep: t.sleep });
    // Nothing is fetched, as before; the code says the site could not be asked, not that it said no.
    expect((await rejection(fetcher.fetch(server.origin + ARTICLES[0]!.path))).code).toBe('robots_unavailable');
    expect(server.log.some((r) => r.path === ARTICLES[0]!.path)).toBe(false);
  });

  it('spaces requests to one host by the delay, but not requests to different hosts', async () => {
    server = await startNewsServer({ articles: ARTICLES });
    const t = fakeTime();
    const fetcher = new Fetcher({ delayMs: 700, now: t.now, sleep: t.sleep });
    await fetcher.fetch(server.origin + ARTICLES[0]!.path); // robots.txt, then the page: one wait
    expect(t.sleeps).toEqual([700]);
    await fetcher.fetch(server.altOrigin + ARTICLES[1]!.path); // other host: its robots.txt, then the page
    expect(t.sleeps).toEqual([700, 700]);
    await fetcher.fetch(server.origin + ARTICLES[2]!.path); // first host again, 1400 ms of fake time later
    expect(t.sleeps).toEqual([700, 700]);
    await fetcher.fetch(server.origin + ARTICLES[3]!.path);
    expect(t.sleeps).toEqual([700, 700, 700]);
    expect(new Set(server.log.map((r) => r.host.split(':')[0]))).toEqual(new Set(['127.0.0.1', 'localhost']));
  });

  it('honours a Crawl-delay longer than its own delay', async () => {
    server = await startNewsServer({ articles: ARTICLES, robots: 'User-agent: *\nCrawl-delay: 3\n' });
    const t = fakeTime();
    const fetcher = new Fetcher({ now: t.now, sleep: t.sleep });
    await fetcher.fetch(server.origin + ARTICLES[0]!.path);
    await fetcher.fetch(server.origin + ARTICLES[1]!.path);
    expect(t.sleeps).toEqual([3000, 3000]); // the site's 3 s wins over our 1 s default
  });

  it('retries 5xx with exponential backoff, then succeeds', async () => {
    server = await startNewsServer({ articles: ARTICLES, flakyFailures: 2 });
    const t = fakeTime();
    const fetcher = new Fetcher({ delayMs: 0, backoffBaseMs: 250, now: t.now, sleep: t.sleep });
    const page = await fetcher.fetch(`${server.origin}/flaky`);
    expect(page.status).toBe(200);
    expect(page.attempts).toBe(3);
    expect(t.sleeps).toEqual([250, 500]);
    expect(server.log.filter((r) => r.path === '/flaky').map((r) => r.status)).toEqual([503, 503, 200]);
  });

  it('gives up after the last retry and hands back the final status', async () => {
    server = await startNewsServer({ articles: ARTICLES, flakyFailures: 10 });
    const t = fakeTime();
    const fetcher = new Fetcher({ delayMs: 0, retries: 2, backoffBaseMs: 100, now: t.now, sleep: t.sleep });
    const page = await fetcher.fetch(`${server.origin}/flaky`);
    expect(page.status).toBe(503);
    expect(page.body).toBeUndefined();
    expect(t.sleeps).toEqual([100, 200]);
  });

  it('reports a network failure after retrying', async () => {
    server = await startNewsServer({ articles: ARTICLES });
    const deadOrigin = server.origin;
    await server.close();
    server = undefined;
    const t = fakeTime();
    const fetcher = new Fetcher({ delayMs: 0, retries: 1, now: t.now, sleep: t.sleep });
    // robots.txt is unreachable too, which already means "disallowed"; check the fetch layer directly.
    expect(await fetcher.isAllowed(`${deadOrigin}/x`)).toBe(false);
  });

  it('caps the response size and the time of an attempt', async () => {
    server = await startNewsServer({ articles: ARTICLES });
    const t = fakeTime();
    const fetcher = new Fetcher({
      delayMs: 0,
      maxBytes: 1024 * 1024,
      timeoutMs: 300,
      retries: 1,
      now: t.now,
      sleep: t.sleep,
    });
    const big = await rejection(fetcher.fetch(`${server.origin}/huge`));
    expect(big.code).toBe('payload_too_large');
    const slow = await rejection(fetcher.fetch(`${server.origin}/stall`));
    expect(slow.code).toBe('fetch_timeout');
    expect(server.log.filter((r) => r.path === '/stall')).toHaveLength(2); // first try + one retry
  });

  it('refuses non-HTTP URLs', async () => {
    const fetcher = new Fetcher({ validators: new MemoryValidatorStore() });
    expect((await rejection(fetcher.fetch('file:///etc/passwd'))).code).toBe('invalid_parameter');
  });
});
