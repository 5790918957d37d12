/**
 * The one incident filter: every incident query, exact and public alike, narrows `incidents` with
 * `applyIncidentFilter`, so a filter (category, source kind, date range) cannot go missing from one
 * of them — a missing filter in a public query would publish what the caller did not ask for.
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Database, SourceKind } from '../schema.ts';

/** Filters shared by every incident query. Dates are local `YYYY-MM-DD`, half-open `[from, to)`. */
export interface IncidentFilter {
  from?: string;
  to?: string;
  /** canonical category ids; null/undefined = every category */
  categories?: readonly string[] | null;
  /** source kinds (official, news, citizen, chat); null/undefined = every source */
  sources?: readonly string[] | null;
}

/**
 * `query` restricted to the incidents that pass `f` (an empty list matches nothing). Dates compare
 * `occurred_on`, which the (category, occurred_on) index serves together with the category.
 */
export function applyIncidentFilter<O>(
  query: SelectQueryBuilder<Database, 'incidents', O>,
  f: IncidentFilter,
): SelectQueryBuilder<Database, 'incidents', O> {
  let q = query;
  if (f.categories) q = q.where('category', 'in', f.categories.length ? [...f.categories] : ['']);
  if (f.sources)
    q = q.where('source_kind', 'in', f.sources.length ? ([...f.sources] as SourceKind[]) : ['' as SourceKind]);
  if (f.from) q = q.where('occurred_on', '>=', f.from);
  if (f.to) q = q.where('occurred_on', '<', f.to);
  return q;
}
