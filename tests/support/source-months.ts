/**
 * Each source's first and last month read straight from the store's incidents (SQL here, not the
 * API's code), and the Spanish line the map and the slides should print for them.
 */
import { sql } from 'kysely';
import type { Store } from '../../db/connect.ts';

export interface SourceMonths {
  source: string;
  first: string;
  last: string;
}

/** Every source that holds incidents, earliest first month first. */
export async function sourceMonths(store: Pick<Store, 'db'>): Promise<SourceMonths[]> {
  const rows = await store.db
    .selectFrom('incidents')
    .select([
      'source',
      sql<string>`to_char(min(occurred_on), 'YYYY-MM')`.as('first'),
      sql<string>`to_char(max(occurred_on), 'YYYY-MM')`.as('last'),
    ])
    .groupBy('source')
    .execute();
  return rows.sort((a, b) => a.first.localeCompare(b.first) || a.source.localeCompare(b.source));
}

// hand-written: the names a Mesa knows the bundled sources by, and the es-MX short months
const NAMES: Record<string, string> = { ssc_points: 'SSC', fgj_victimas: 'FGJ (Milpa Alta)' };
const MONTHS = ['ene', 'feb', 'mar', 'abr', 'may', 'jun', 'jul', 'ago', 'sep', 'oct', 'nov', 'dic'];
const short = (month: string) => `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

/** "SSC: datos de ene 2013 a sep 2016 · FGJ (Milpa Alta): datos de ene 2016 a jun 2022" */
export function expectedCoverageLine(months: readonly SourceMonths[]): string {
  return months
    .map((s) => {
      const name = NAMES[s.source] ?? s.source;
      return s.first === s.last
        ? `${name}: datos de ${short(s.first)}`
        : `${name}: datos de ${short(s.first)} a ${short(s.last)}`;
    })
    .join(' · ');
}
