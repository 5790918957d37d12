/**
 * A local stand-in for news sites, for tests and benchmarks: node:http on 127.0.0.1 (port 0)
 * serving the real saved pages from ../shared/data/news-pages at the paths of their canonical
 * URLs, an RSS 2.0 feed listing them, a configurable robots.txt, and a few misbehaving paths.
 * Pages and the feed carry ETag and Last-Modified and answer conditional GETs with 304.
 * Nothing here touches the internet.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { SHARED_DATA_DIR } from '../../../reference/files/index.ts';

export const NEWS_PAGES_DIR = join(SHARED_DATA_DIR, 'news-pages');

export interface ServedArticle {
  /** Path on the local server, e.g. the pathname of the page's canonical URL. */
  path: string;
  /** File name in news-pages/. */
  file: string;
  /** Headline for the feed item. */
  title: string;
  /** RFC 822 date for the feed item. */
  pubDate: string;
}

/** The four saved article pages of `news-pages/` (Hidalgo editions), at their canonical paths. */
export const HIDALGO_PAGES: readonly ServedArticle[] = [
  {
    path: '/hidalgo/estado/senadoras',
    file: 'lasillarotahgoindividual.html',
    title: 'Senadoras',
    pubDate: 'Wed, 15 Oct 2025 16:20:00 GMT',
  },
  {
    path: '/sucesos/desaparecidos-lluvias',
    file: 'quadratinhidalgoindividual.html',
    title: 'Lluvias',
    pubDate: 'Wed, 15 Oct 2025 16:33:00 GMT',
  },
  {
    path: '/semarnath-tiraderos',
    file: 'lajornadahidalgoindividual.html',
    title: 'Tiraderos',
    pubDate: 'Mon, 06 Oct 2025 18:34:00 GMT',
  },
  {
    path: '/entretenimiento/muestra',
    file: 'eluniversalhidalgoindividual.html',
    title: 'Muestra',
    pubDate: 'Mon, 06 Oct 2025 19:59:00 GMT',
  },
];

export interface NewsServerOptions {
  articles: readonly ServedArticle[];
  /** robots.txt body; absent → 404. */
  robots?: string;
  /** Status for robots.txt instead of 200/404 (e.g. 503). */
  robotsStatus?: number;
  /** How many times /flaky answers 503 before serving the first article. */
  flakyFailures?: number;
  /** Feed items that the server does not serve (they answer 404). */
  feedOnly?: Omit<ServedArticle, 'file'>[];
  /** Extra paths → raw HTML (e.g. a listing page). */
  extraPages?: Record<string, string>;
}

export interface RequestLogEntry {
  path: string;
  host: string;
  userAgent: string;
  ifNoneMatch?: string;
  ifModifiedSince?: string;
  status: number;
}

export interface NewsServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  /** Same server under another host name (`http://localhost:PORT`), for per-host tests. */
  altOrigin: string;
  feedUrl: string;
  log: RequestLogEntry[];
  close(): Promise<void>;
}

const LAST_MODIFIED = 'Wed, 15 Oct 2025 18:00:00 GMT';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** RSS 2.0 listing the articles at `origin`. */
export function buildRssFeed(origin: string, articles: Omit<ServedArticle, 'file'>[]): string {
  const items = articles.map((a) =>
    [
      '    <item>',
      `      <title>${escapeXml(a.title)}</title>`,
      `      <link>${escapeXml(origin + a.path)}</link>`,
      `      <guid isPermaLink="true">${escapeXml(origin + a.path)}</guid>`,
      `      <pubDate>${a.pubDate}</pubDate>`,
      '    </item>',
    ].join('\n'),
  );
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<rss version="2.0">',
    '  <channel>',
    '    <title>Noticias de prueba (páginas guardadas)</title>',
    `    <link>${escapeXml(origin)}/</link>`,
    '    <description>Feed local construido en la prueba</description>',
    ...items,
    '  </channel>',
    '</rss>',
    '',
  ].join('\n');
}

function etagOf(body: Buffer | string): string {
  return `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
}

/** Serves `body` with validators, or 304 when the request's validators still match. */
function sendWithValidators(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer | string,
  contentType: string,
): number {
  const etag = etagOf(body);
  const inm = req.headers['if-none-match'];
  const ims = req.headers['if-modified-since'];
  // RFC 9110 §13.2.2: If-None-Match wins over If-Modified-Since.
  const fresh = inm ? inm.split(/\s*,\s*/).includes(etag) : ims ? Date.parse(ims) >= Date.parse(LAST_MODIFIED) : false;
  if (fresh) {
    res.writeHead(304, { etag, 'last-modified': LAST_MODIFIED });
    res.end();
    return 304;
  }
  res.writeHead(200, {
    'content-type': contentType,
    etag,
    'last-modified': LAST_MODIFIED,
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
  return 200;
}

export async function startNewsServer(options: NewsServerOptions): Promise<NewsServer> {
  const pages = new Map(options.articles.map((a) => [a.path, readFileSync(join(NEWS_PAGES_DIR, a.file))]));
  const log: RequestLogEntry[] = [];
  let flakyLeft = options.flakyFailures ?? 2;
  let origin = '';
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const entry: RequestLogEntry = {
      path,
      host: req.headers.host ?? '',
      userAgent: req.headers['user-agent'] ?? '',
      ifNoneMatch: req.headers['if-none-match'],
      ifModifiedSince: req.headers['if-modified-since'],
      status: 0,
    };
    log.push(entry);
    const send = (status: number, body = '', type = 'text/plain; charset=utf-8') => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
      entry.status = status;
    };
    if (path === '/robots.txt') {
      if (options.robotsStatus) return send(options.robotsStatus, 'error');
      return options.robots === undefined ? send(404, 'not found') : send(200, options.robots);
    }
    if (path === '/feed.xml') {
      entry.status = sendWithValidators(
        req,
        res,
        buildRssFeed(origin, [...options.articles, ...(options.feedOnly ?? [])]),
        'application/rss+xml; charset=utf-8',
      );
      return;
    }
    if (path === '/flaky') {
      if (flakyLeft-- > 0) return send(503, 'busy');
      entry.status = sendWithValidators(req, res, [...pages.values()][0]!, 'text/html; charset=utf-8');
      return;
    }
    if (path === '/huge') {
      // 8 MiB without a Content-Length: the cap must be enforced while reading.
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      for (let i = 0; i < 128; i++) res.write(chunk);
      res.end();
      entry.status = 200;
      return;
    }
    if (path === '/stall') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write('<html><body>'); // …and never ends
      entry.status = 200;
      return;
    }
    const extra = options.extraPages?.[path];
    if (extra !== undefined) {
      entry.status = sendWithValidators(req, res, extra, 'text/html; charset=utf-8');
      return;
    }
    const page = pages.get(path);
    if (page) {
      entry.status = sendWithValidators(req, res, page, 'text/html; charset=utf-8');
      return;
    }
    send(404, 'not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    altOrigin: `http://localhost:${port}`,
    feedUrl: `${origin}/feed.xml`,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
