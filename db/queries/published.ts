/**
 * Monthly counts per H3 cell: the input of the public hexagons (server/policy publishes each
 * cell-month, then sums). Same conventions as `./index.ts` (kysely, bound parameters, column names
 * only from the whitelists of `db/schema.ts`); area-month counts are `stats.monthlyCountsByArea`.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import { h3Column, type Database, type H3Resolution, type SourceKind } from '../schema.ts';
import type { Bbox, IncidentFilter } from './index.ts';

/** Counts per cell (lower-case hex) and month (`YYYY-MM`); zero months absent. */
export async function cellMonthCounts(
  store: Pick<Store, 'db'>,
  q: IncidentFilter & { res: H3Resolution; bbox?: Bbox },
): Promise<Map<string, Map<string, number>>> {
  const db: Kysely<Database> = store.db;
  const col = h3Column(q.res);
  let query = db.selectFrom('incidents').where(col, 'is not', null);
  if (q.categories) query = query.where('category', 'in', q.categories.length ? [...q.categories] : ['']);
  if (q.sources) query = query.where('source_kind', 'in', q.sources.length ? ([...q.sources] as SourceKind[]) : ['' as SourceKind]);
  if (q.from) query = query.where('occurred_on', '>=', q.from);
  if (q.to) query = query.where('occurred_on', '<', q.to);
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    query = query.where('lat', '>=', s).where('lat', '<=', n).where('lon', '>=', w).where('lon', '<=', e);
  }
  const rows = await query
    .select([sql<string>`to_hex(${sql.ref(col)})`.as('h3'), sql<string>`to_char(month, 'YYYY-MM')`.as('period'), sql<number>`count(*)::int`.as('count')])
    .groupBy([col, 'month'])
    .execute();
  const out = new Map<string, Map<string, number>>();
  for (const r of rows) {
    let months = out.get(r.h3);
    if (!months) out.set(r.h3, (months = new Map()));
    months.set(r.period, Number(r.count));
  }
  return out;
}
