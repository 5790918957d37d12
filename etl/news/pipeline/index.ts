/**
 * `etl news --once [--feed URL] [--config FILE]`: one pass over one feed, or over every enabled
 * source of the news config, through fetch → extract (etl/news/collect) → classify → geocode →
 * dedupe → store (`process.ts`). Prints the counts of issue 4's CLI contract as one JSON line:
 * `{"fetched", "articles", "incidents", "duplicates", "unplaced", "errors"}`.
 *
 * Raw pages are archived under `DATA_DIR/news/archive` and the validators (ETag/Last-Modified)
 * kept in `DATA_DIR/news/validators.json`, so a second run gets 304s and creates nothing new.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../../db/connect.ts';
import { collectSource, fetcherOptions, loadNewsConfig, type NewsConfig, type NewsSource } from '../sources/index.ts';
import { Fetcher, JsonFileValidatorStore, type FetcherOptions } from '../fetch/index.ts';
import { processArticle, type ArticleOutcome } from './process.ts';

export { processArticle, outsideCityCue, type ArticleInput, type ArticleOutcome } from './process.ts';
export { newsIncident, eventIdFor, NEWS_SOURCE } from './incident.ts';
export type { ArticleStatus } from '../../../db/schema.ts';

/** The bundled offline config: real CDMX outlets' feeds, schedule off. */
export const DEFAULT_NEWS_CONFIG = fileURLToPath(new URL('./news-sources.json', import.meta.url));

export interface NewsRunSummary {
  fetched: number;
  articles: number;
  incidents: number;
  duplicates: number;
  unplaced: number;
  errors: number;
}

export interface NewsRunOptions {
  dataDir: string;
  /** One feed instead of the configured sources. */
  feedUrl?: string;
  config?: NewsConfig;
  /** Overrides of the fetcher's options (tests: a short per-host delay). */
  fetcher?: Partial<FetcherOptions>;
  /** Progress lines (stderr). */
  log?: (line: string) => void;
}

export function emptySummary(): NewsRunSummary {
  return { fetched: 0, articles: 0, incidents: 0, duplicates: 0, unplaced: 0, errors: 0 };
}

function feedSource(url: string): NewsSource {
  return { id: 'feed', outlet: '', kind: 'feed', url, enabled: true, maxArticles: 200 };
}

/** One pass over the feed or the configured sources, into `store`. */
export async function runNewsOnce(store: Store, opts: NewsRunOptions): Promise<NewsRunSummary> {
  const newsDir = join(opts.dataDir, 'news');
  const archiveDir = join(newsDir, 'archive');
  mkdirSync(archiveDir, { recursive: true });
  const config = opts.config ?? (opts.feedUrl ? undefined : loadNewsConfig(DEFAULT_NEWS_CONFIG));
  const fetcher = new Fetcher({
    ...(config ? fetcherOptions(config) : {}),
    ...opts.fetcher,
    archiveDir,
    validators: new JsonFileValidatorStore(join(newsDir, 'validators.json')),
  });
  const sources = opts.feedUrl ? [feedSource(opts.feedUrl)] : (config?.sources ?? []).filter((s) => s.enabled);
  const total = emptySummary();
  for (const source of sources) {
    const counts: Record<ArticleOutcome, number> = { incident: 0, duplicate: 0, unplaced: 0, not_incident: 0, unchanged: 0 };
    try {
      const summary = await collectSource(source, {
        fetcher,
        onArticle: async ({ link, page, article }) => {
          const outcome = await processArticle(store, {
            url: page.finalUrl || link,
            article,
            outlet: source.outlet || null,
            feed: source.id === 'feed' ? source.url : source.id,
            fetchedAt: page.fetchedAt,
            contentSha256: page.sha256 ?? '',
          });
          counts[outcome]++;
        },
      });
      total.fetched += summary.fetched;
      total.articles += summary.articles;
      total.errors += summary.errors;
      for (const f of summary.failures) opts.log?.(`noticias: ${f.link}: ${f.code}: ${f.message}\n`);
    } catch (err) {
      // The feed itself failed: one error for the source, the other sources still run.
      total.errors++;
      opts.log?.(`noticias: ${source.url}: ${(err as Error).message}\n`);
    }
    total.incidents += counts.incident;
    total.duplicates += counts.duplicate;
    total.unplaced += counts.unplaced;
    opts.log?.(`noticias: ${source.id === 'feed' ? source.url : source.id}: ${JSON.stringify(counts)}\n`);
  }
  return total;
}
