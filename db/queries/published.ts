/**
 * Monthly counts per H3 cell: the input of the public hexagons (server/policy publishes each
 * cell-month, then sums). Same conventions as `./index.ts` (kysely, bound parameters, column names
 * only from the whitelists of `db/schema.ts`); area-month counts are `stats.monthlyCountsByArea`.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import { h3Column, type Database, type H3Resolution, type SourceKind } from '../schema.ts';
import type { Bbox } from './index.ts';
import { applyIncidentFilter, type IncidentFilter } from './filter.ts';
import { cellCountColumns, nestCellCounts, type CellCount } from './stats.ts';

/** Counts and record-key sums per cell (lower-case hex) and month (`YYYY-MM`); zero months absent. */
export async function cellMonthCounts(
  store: Pick<Store, 'db'>,
  q: IncidentFilter & { res: H3Resolution; bbox?: Bbox },
): Promise<Map<string, Map<string, CellCount>>> {
  const db: Kysely<Database> = store.db;
  const col = h3Column(q.res);
  let query = applyIncidentFilter(db.selectFrom('incidents').where(col, 'is not', null), q);
  if (q.bbox) {
    const [w, s, e, n] = q.bbox;
    query = query.where('lat', '>=', s).where('lat', '<=', n).where('lon', '>=', w).where('lon', '<=', e);
  }
  const rows = await query
    .select([sql<string>`to_hex(${sql.ref(col)})`.as('id'), sql<string>`to_char(month, 'YYYY-MM')`.as('period'), ...cellCountColumns()])
    .groupBy([col, 'month'])
    .execute();
  return nestCellCounts(rows);
}
