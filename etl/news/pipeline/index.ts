/**
 * `etl news --once [--feed URL] [--config FILE]`: one pass over one feed, or over every enabled
 * source of the news config, through fetch → extract (etl/news/collect) → classify → geocode →
 * dedupe → store (`process.ts`). Prints the counts as one JSON line,
 * `{"fetched", "articles", "incidents", "duplicates", "unplaced", "errors", "sources"}`, where
 * `sources` says for each source whether it worked: `{url, status, reason}` with status `ok` or
 * the kind of failure (`dns_failure`, `connection_refused`, `timeout`, `http_status`,
 * `robots_disallowed`, `robots_unavailable`, …). A source fails when its feed or listing cannot
 * be read, or when none of the articles it lists can; the CLI then exits 1.
 *
 * Raw pages are archived under `DATA_DIR/news/archive` and the validators (ETag/Last-Modified)
 * kept in `DATA_DIR/news/validators.json`, so a second run gets 304s and creates nothing new.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../../../db/connect.ts';
import { collectSource, fetcherOptions, loadNewsConfig, type NewsConfig, type NewsSource } from '../sources/index.ts';
import { failureKindOf, Fetcher, JsonFileValidatorStore, type FetcherOptions } from '../fetch/index.ts';
import type { CollectFailure, CollectSummary } from '../collect/index.ts';
import { processArticle, type ArticleOutcome } from './process.ts';

export { processArticle, outsideCityCue, type ArticleInput, type ArticleOutcome } from './process.ts';
export { newsIncident, eventIdFor, NEWS_SOURCE } from './incident.ts';
export type { ArticleStatus } from '../../../db/schema.ts';

/** The bundled offline config: real CDMX outlets' feeds, schedule off. */
export const DEFAULT_NEWS_CONFIG = fileURLToPath(new URL('./news-sources.json', import.meta.url));

export type SourceStatus = 'ok' | CollectFailure['kind'];

/** How one source fared in a run. */
export interface SourceReport {
  url: string;
  status: SourceStatus;
  /** Why it failed, or how many of its articles failed; null when all went well. */
  reason: string | null;
}

export interface NewsRunSummary {
  fetched: number;
  articles: number;
  incidents: number;
  duplicates: number;
  unplaced: number;
  errors: number;
  sources: SourceReport[];
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
  return { fetched: 0, articles: 0, incidents: 0, duplicates: 0, unplaced: 0, errors: 0, sources: [] };
}

/** Whether every source of a run worked (the CLI's exit code). */
export function runSucceeded(summary: NewsRunSummary): boolean {
  return summary.sources.every((s) => s.status === 'ok');
}

/**
 * A source whose index was read: failed when it listed articles and none could be read (the
 * commonest failure names it), else ok, with the count of failed articles as the reason.
 */
export function sourceReport(url: string, summary: CollectSummary): SourceReport {
  const failures = summary.failures;
  if (failures.length === 0) return { url, status: 'ok', reason: null };
  if (summary.articles + summary.notModified + summary.listings === 0) {
    const byKind = new Map<SourceStatus, CollectFailure[]>();
    for (const f of failures) byKind.set(f.kind, [...(byKind.get(f.kind) ?? []), f]);
    const [kind, group] = [...byKind].sort((a, b) => b[1].length - a[1].length)[0]!;
    return {
      url,
      status: kind,
      reason: `ninguna nota se pudo leer (${failures.length} con error; ${group.length} así): ${group[0]!.message}`,
    };
  }
  return { url, status: 'ok', reason: `${failures.length} nota(s) con error` };
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
    const counts: Record<ArticleOutcome, number> = {
      incident: 0,
      duplicate: 0,
      unplaced: 0,
      not_incident: 0,
      unchanged: 0,
    };
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
      total.sources.push(sourceReport(source.url, summary));
    } catch (err) {
      // The feed itself failed: one error for the source, the other sources still run.
      total.errors++;
      total.sources.push({
        url: source.url,
        status: failureKindOf(err),
        reason: (err as Error).message ?? String(err),
      });
    }
    const report = total.sources[total.sources.length - 1]!;
    if (report.status !== 'ok') opts.log?.(`noticias: FALLÓ ${source.url} (${report.status}): ${report.reason}\n`);
    total.incidents += counts.incident;
    total.duplicates += counts.duplicate;
    total.unplaced += counts.unplaced;
    opts.log?.(`noticias: ${source.id === 'feed' ? source.url : source.id}: ${JSON.stringify(counts)}\n`);
  }
  return total;
}
