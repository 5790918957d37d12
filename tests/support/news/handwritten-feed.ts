/**
 * Puts hand-written clustering articles (tests/fixtures/news-clustering) through the news pipeline's
 * own `processArticle`, oldest first, as a scheduled run would; each gets a stable example URL.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../../../db/connect.ts';
import { processArticle, type ArticleOutcome } from '../../../etl/news/pipeline/process.ts';
import type { ClusteringArticle } from '../../fixtures/news-clustering/handwritten.ts';

/** The example URL an article is stored under (`https://<outlet>.example.mx/nota/<id>`). */
export function handwrittenUrl(a: Pick<ClusteringArticle, 'outlet' | 'id'>): string {
  return `https://${a.outlet.toLowerCase().replace(/[^a-z]+/g, '')}.example.mx/nota/${a.id}`;
}

export async function processHandwritten(
  store: Store,
  articles: readonly ClusteringArticle[],
): Promise<Map<string, ArticleOutcome>> {
  const outcomes = new Map<string, ArticleOutcome>();
  for (const a of [...articles].sort((x, y) => x.published.localeCompare(y.published) || x.id.localeCompare(y.id))) {
    const url = handwrittenUrl(a);
    outcomes.set(
      a.id,
      await processArticle(store, {
        url,
        article: { url, title: a.title, published_at: `${a.published}T10:00:00-06:00`, author: null, text: a.text },
        outlet: a.outlet,
        feed: 'tests',
        fetchedAt: `${a.published}T18:00:00Z`,
        contentSha256: createHash('sha256').update(a.text).digest('hex'),
      }),
    );
  }
  return outcomes;
}
