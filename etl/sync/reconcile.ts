/**
 * How a victim-level file and the carpetas file are reconciled, so that no carpeta is counted twice.
 *
 * The FGJ publishes the same carpetas twice on the portal: "carpetas de investigación" (one row per
 * carpeta and crime: what incident counts are made of) and "víctimas en carpetas de investigación"
 * (one row per victim of those carpetas). The portal's carpetas CSV carries no carpeta id, so a
 * víctimas row cannot be matched to its carpetas row by id. The rule is therefore by month:
 *
 *   - the víctimas source is its own source (`fgj_victimas`), one incident per carpeta and crime
 *     (`idCarpeta`, `Delito`) with `victims` = its distinct victim rows, never one per victim;
 *   - a víctimas source that names `defer_to` in the sources file (the carpetas source) leaves to it
 *     every month that source covers — from its first to its last month in the store — and writes
 *     incidents only for the months outside them (older years the carpetas file no longer carries,
 *     or a month the víctimas file is published before the carpetas one);
 *   - the range is fixed when the víctimas file is applied; when the carpetas source later covers
 *     more months, the next sync applies the víctimas file again (even unchanged) and retracts its
 *     incidents of the months now covered, so at any time each month counts one FGJ source.
 */
import { sql } from 'kysely';
import type { Store } from '../../db/connect.ts';

/** First and last month (YYYY-MM), both included. */
export interface MonthRange {
  first: string;
  last: string;
}

/** The months `source` covers in the store (first and last month of its incidents), or null. */
export async function storedMonths(store: Store, source: string): Promise<MonthRange | null> {
  const r = await store.db
    .selectFrom('incidents')
    .select([
      sql<string | null>`to_char(min(occurred_on), 'YYYY-MM')`.as('first'),
      sql<string | null>`to_char(max(occurred_on), 'YYYY-MM')`.as('last'),
    ])
    .where('source', '=', source)
    .executeTakeFirst();
  return r?.first && r.last ? { first: r.first, last: r.last } : null;
}

/** Whether two deferrals are the same (a changed one means the file must be applied again). */
export function sameDeferral(
  a: (MonthRange & { source: string }) | null | undefined,
  b: (MonthRange & { source: string }) | null | undefined,
): boolean {
  return (
    (a?.source ?? null) === (b?.source ?? null) &&
    (a?.first ?? null) === (b?.first ?? null) &&
    (a?.last ?? null) === (b?.last ?? null)
  );
}
