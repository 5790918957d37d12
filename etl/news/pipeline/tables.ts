/**
 * Kysely types of the news tables (migration `db/migrations/002_news.ts`), and the store's
 * database type widened with them. They live here until the lead merges them into `db/schema.ts`.
 */
import type { ColumnType, Generated, Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import type { Store } from '../../../db/connect.ts';

type Int8 = ColumnType<string, bigint | string | number, bigint | string | number>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type ArticleStatus = 'incident' | 'not_incident' | 'unplaced' | 'duplicate';
export type SourceRelation = 'origin' | 'same_story' | 'same_event';

export interface NewsArticlesTable {
  id: Generated<Int8>;
  url: string;
  canonical_url: string;
  outlet: string;
  feed: string;
  fetched_at: Timestamp;
  extractor_version: string;
  classifier_version: string;
  content_sha256: string;
  title: string | null;
  published_at: Timestamp | null;
  event_date: ColumnType<string, string, string> | null;
  classification: Json<Record<string, unknown>>;
  geocode: Json<Record<string, unknown>> | null;
  fingerprint: Json<{ mins: number[]; size: number; terms: Record<string, number> }>;
  status: ArticleStatus;
  reason: string | null;
  incident_id: Int8 | null;
  duplicate_of: Int8 | null;
  created_at: Generated<Timestamp>;
}

export interface IncidentSourcesTable {
  incident_id: Int8;
  article_id: Int8;
  relation: SourceRelation;
  added_at: Generated<Timestamp>;
}

export interface NewsDatabase extends Database {
  news_articles: NewsArticlesTable;
  incident_sources: IncidentSourcesTable;
}

export function newsDb(store: Store): Kysely<NewsDatabase> {
  return store.db as unknown as Kysely<NewsDatabase>;
}
