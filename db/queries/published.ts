/**
 * Monthly counts per H3 cell, from the maintained aggregates: the input of the public hexagons
 * (server/policy publishes each cell-month, then sums); with a box, its whole cells. Same
 * conventions as `./index.ts` (kysely, bound parameters, column names only from the whitelists of
 * `db/schema.ts`); area-month counts are `stats.monthlyCountsByArea`.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import type { Database, H3Resolution } from '../schema.ts';
import type { Bbox } from './index.ts';
import type { IncidentFilter } from './filter.ts';
import { cellsOfBbox, placeMonthRows } from './aggregated.ts';
import { placeIdExpr } from './places.ts';
import { cellCountColumns, nestCellCounts, type CellCount } from './stats.ts';

/** Counts and record-key sums per cell (lower-case hex) and month (`YYYY-MM`); zero months absent. */
export async function cellMonthCounts(
  store: Pick<Store, 'db'>,
  q: IncidentFilter & { res: H3Resolution; bbox?: Bbox },
): Promise<Map<string, Map<string, CellCount>>> {
  const db: Kysely<Database> = store.db;
  const level = { kind: 'h3', res: q.res } as const;
  const { placeIds, keep } = cellsOfBbox(q.res, q.bbox);
  const rows = await db
    .selectFrom(placeMonthRows(db, { ...q, level, placeIds }).as('u'))
    .select([placeIdExpr(level).as('id'), sql<string>`to_char(month, 'YYYY-MM')`.as('period'), ...cellCountColumns()])
    .groupBy(['place', 'month'])
    .execute();
  return nestCellCounts(rows.filter((r) => keep(r.id)));
}
