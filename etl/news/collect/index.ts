/**
 * One pass over a news source: fetch a feed (or a listing page), then every article it links,
 * politely, and extract each page that changed. Storing, classifying and deduplicating are the
 * caller's job (`onArticle`); this module only decides what was fetched and what was extracted,
 * and counts it the way `etl news --once` reports it.
 *
 * A feed that answers 304 is re-read from the archive (its last 200 body), so the articles it
 * lists still get their own conditional GETs: an article that failed last time is retried, one
 * that did not change costs a 304.
 *
 * A linked page that turns out to be a listing (a section front linked from a feed or a home
 * page) is not stored as an article: its own article links are queued instead, one level deep,
 * within the same `maxArticles` budget.
 */
import { AppError } from '../../../core/errors/index.ts';
import { extractArticle, extractPage, type ExtractedArticle } from '../extract/index.ts';
import { parseFeed, type FeedItem } from '../feed/index.ts';
import { parseSitemap } from '../feed/sitemap.ts';
import { decodeBody, failureKindOf, FetchError, readArchived, type Fetcher, type FetchResult } from '../fetch/index.ts';
import { findArticleLinks } from '../listing/index.ts';

export interface CollectedArticle {
  /** The link as the feed or listing gave it. */
  link: string;
  feedItem?: FeedItem;
  page: FetchResult;
  article: ExtractedArticle;
}

export interface CollectFailure {
  link: string;
  code: string;
  /** What kind of failure (DNS, refused, timeout, HTTP status, robots.txt, content …). */
  kind: ReturnType<typeof failureKindOf>;
  message: string;
}

export interface CollectSummary {
  /** Article pages fetched with 200. */
  fetched: number;
  /** Article pages answered 304 (unchanged since the last run). */
  notModified: number;
  /** Articles extracted with a body. */
  articles: number;
  /** Articles that could not be fetched or yielded no text. */
  errors: number;
  /** Linked pages recognised as listings, whose article links were followed instead. */
  listings: number;
  failures: CollectFailure[];
}

function emptyCollectSummary(): CollectSummary {
  return { fetched: 0, notModified: 0, articles: 0, errors: 0, listings: 0, failures: [] };
}

export interface CollectOptions {
  fetcher: Fetcher;
  /** Called for each new or changed article, in order; may store it. */
  onArticle?: (a: CollectedArticle) => void | Promise<void>;
  /** Upper bound on articles fetched from one source in one pass. */
  maxArticles?: number;
}

function failure(link: string, err: unknown): CollectFailure {
  const kind = failureKindOf(err);
  if (err instanceof AppError) return { link, code: err.code, kind, message: err.message };
  return { link, code: 'internal_error', kind, message: (err as Error).message ?? String(err) };
}

function httpFailure(url: string, status: number): FetchError {
  return new FetchError('http_status', `${url} respondió HTTP ${status}`, status);
}

/** The body of an index document (feed or listing): fresh, or from the archive after a 304. */
async function indexBody(url: string, options: CollectOptions): Promise<string | null> {
  const page = await options.fetcher.fetch(url);
  if (page.status === 200) return page.body ?? null;
  const archiveDir = options.fetcher.archiveDir;
  if (page.notModified && page.sha256 && archiveDir) {
    try {
      return readArchived(archiveDir, page.sha256).toString('utf8');
    } catch {
      return null; // archive pruned: nothing to walk this time
    }
  }
  if (page.notModified) return null;
  throw httpFailure(url, page.status);
}

interface Link {
  link: string;
  feedItem?: FeedItem;
  /** Found on a linked listing page: not expanded again. */
  fromListing?: boolean;
}

async function collectLinks(links: Link[], options: CollectOptions): Promise<CollectSummary> {
  const summary = emptyCollectSummary();
  const seen = new Set<string>();
  const queue = links.slice(0, options.maxArticles ?? Infinity);
  for (let i = 0; i < queue.length; i++) {
    const { link, feedItem, fromListing } = queue[i]!;
    if (seen.has(link)) continue;
    seen.add(link);
    try {
      const page = await options.fetcher.fetch(link);
      if (page.notModified) {
        summary.notModified++;
        continue;
      }
      if (page.status !== 200 || page.body === undefined) throw httpFailure(link, page.status);
      summary.fetched++;
      if (page.contentType && !/html|xml/i.test(page.contentType)) {
        throw new AppError('invalid_body', `${link} no es una página HTML (${page.contentType})`);
      }
      const { methods: _methods, kind, ...article } = extractPage(page.body, { source: page.finalUrl });
      if (kind === 'listing') {
        summary.listings++;
        const room = (options.maxArticles ?? Infinity) - queue.length;
        if (!fromListing && room > 0) {
          const found = findArticleLinks(page.body, page.finalUrl).filter((l) => !seen.has(l));
          queue.push(...found.slice(0, room).map((l) => ({ link: l, fromListing: true })));
        }
        continue;
      }
      if (!article.text) throw new AppError('invalid_body', `sin texto de nota: ${link}`);
      summary.articles++;
      await options.onArticle?.({ link, feedItem, page, article });
    } catch (err) {
      summary.errors++;
      summary.failures.push(failure(link, err));
    }
  }
  return summary;
}

/** Fetches an RSS/Atom feed and every article it lists. */
export async function collectFeed(feedUrl: string, options: CollectOptions): Promise<CollectSummary> {
  const body = await indexBody(feedUrl, options);
  if (body === null) return emptyCollectSummary();
  // A "feed" URL that serves an HTML page (a section front given as the feed): follow its links.
  if (/^\s*(<!doctype html|<html)/i.test(body))
    return collectLinks(
      findArticleLinks(body, feedUrl).map((link) => ({ link })),
      options,
    );
  const feed = parseFeed(body, feedUrl);
  return collectLinks(
    feed.items.map((item) => ({ link: item.url, feedItem: item })),
    options,
  );
}

/** Fetches a section listing page and every article linked from it. */
export async function collectListing(listingUrl: string, options: CollectOptions): Promise<CollectSummary> {
  const body = await indexBody(listingUrl, options);
  if (body === null) return emptyCollectSummary();
  return collectLinks(
    findArticleLinks(body, listingUrl).map((link) => ({ link })),
    options,
  );
}

/**
 * Fetches an XML sitemap (a Google News sitemap, typically) and the articles it lists, newest
 * first; a sitemap index is followed one level down, to its first `maxSitemaps` children.
 */
export async function collectSitemap(
  sitemapUrl: string,
  options: CollectOptions & { maxSitemaps?: number },
): Promise<CollectSummary> {
  const body = await indexBody(sitemapUrl, options);
  if (body === null) return emptyCollectSummary();
  let sitemap = parseSitemap(body, sitemapUrl);
  const items: FeedItem[] = [...sitemap.items];
  for (const child of sitemap.sitemaps.slice(0, options.maxSitemaps ?? 3)) {
    const childBody = await indexBody(child, options);
    if (childBody === null) continue;
    sitemap = parseSitemap(childBody, child);
    items.push(...sitemap.items);
  }
  items.sort((a, b) => (b.publishedAt ?? '').localeCompare(a.publishedAt ?? ''));
  return collectLinks(
    items.map((item) => ({ link: item.url, feedItem: item })),
    options,
  );
}

/**
 * Re-runs extraction on an archived raw page (after an extractor upgrade): the archive keeps the
 * bytes as received, so the charset is detected again from the page itself.
 */
export function reextractArchived(archiveDir: string, sha256: string, source: string): ExtractedArticle {
  return extractArticle(decodeBody(readArchived(archiveDir, sha256), null), { source });
}
