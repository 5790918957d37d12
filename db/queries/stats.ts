/**
 * Read queries for the Mesa statistics (issue 5): the monthly counts of many areas at once and the
 * months each source covers. The statistics themselves live in `geo/stats` (pure); these functions
 * only fetch their inputs. Same conventions as `./index.ts`: kysely with bound parameters, column
 * names only from the whitelists of `db/schema.ts`, the same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import { applyIncidentFilter } from './filter.ts';
import { placeColumn, type Database, type PlaceLevel, type SourceKind } from '../schema.ts';
import { placeDbIds, placeIdExpr } from './places.ts';

/** The months one source covers: its first and last incident month (`YYYY-MM`, both included). */
export interface SourceMonths {
  source: string;
  first: string;
  last: string;
}

/**
 * One place-month of the statistics: its incident count and the sum of its incidents' record keys
 * (`record_key`, migration 010), from which the public policy derives the cell's key.
 */
export interface CellCount {
  count: number;
  keySum: number;
}

/** `level`: areas of a kind and vintage, or H3 cells of a resolution (`kind: 'h3'`). */
export type MonthlyCountsQuery = PlaceLevel & MonthlyCountsFilter;

export interface MonthlyCountsFilter {
  /** canonical category ids; null/undefined = every category */
  categories?: readonly string[] | null;
  /** source kinds; null/undefined = every source */
  sources?: readonly string[] | null;
  /** only these area ids (or cell hex ids); undefined = every place of the level */
  ids?: readonly string[];
  /** first month included, `YYYY-MM` */
  fromMonth: string;
  /** first month excluded, `YYYY-MM` */
  toMonth: string;
}

export interface StatsQueries {
  /**
   * Per source, the first and last month of its incidents that are placed at `level` (in some area
   * of a kind and vintage, or in some H3 cell: the place column is set). A source that places
   * nothing at that level is not involved in that level's statistics and is left out.
   */
  sourceMonths(level: PlaceLevel): Promise<SourceMonths[]>;
  /** Incident counts (and record-key sums) per place id and month (`YYYY-MM`) in `[fromMonth, toMonth)`; zero months absent. */
  monthlyCountsByArea(q: MonthlyCountsQuery): Promise<Map<string, Map<string, CellCount>>>;
}

/** The count and the record-key sum of a group, as selected columns (float8: exact, and a number on both drivers). */
export function cellCountColumns() {
  return [sql<number>`count(*)::int`.as('count'), sql<number>`sum(record_key)::float8`.as('key_sum')] as const;
}

/** Rows (place id, `YYYY-MM`, count, key sum) → place id → month → cell count. */
export function nestCellCounts(rows: readonly { id: unknown; period: string; count: number; key_sum: number }[]): Map<string, Map<string, CellCount>> {
  const out = new Map<string, Map<string, CellCount>>();
  for (const r of rows) {
    const id = String(r.id);
    let months = out.get(id);
    if (!months) out.set(id, (months = new Map()));
    months.set(r.period, { count: Number(r.count), keySum: Number(r.key_sum) });
  }
  return out;
}

/** `YYYY-MM` → the month's first day, the form the `occurred_on` comparisons take. */
function firstDay(month: string): string {
  return `${month}-01`;
}

export function createStatsQueries(store: Pick<Store, 'db'>): StatsQueries {
  const db: Kysely<Database> = store.db;

  return {
    async sourceMonths(level) {
      const col = placeColumn(level);
      const rows = await db
        .selectFrom('incidents')
        .where(col, 'is not', null)
        .select([
          'source',
          sql<string>`to_char(min(month), 'YYYY-MM')`.as('first'),
          sql<string>`to_char(max(month), 'YYYY-MM')`.as('last'),
        ])
        .groupBy('source')
        .orderBy('source')
        .execute();
      return rows.map((r) => ({ source: r.source, first: r.first, last: r.last }));
    },

    async monthlyCountsByArea(q) {
      const col = placeColumn(q);
      // occurred_on rather than month: the (category, occurred_on) index serves the range
      let query = applyIncidentFilter(db.selectFrom('incidents').where(col, 'is not', null), {
        from: firstDay(q.fromMonth),
        to: firstDay(q.toMonth),
        categories: q.categories,
        sources: q.sources,
      });
      if (q.ids) query = query.where(col, 'in', placeDbIds(q, q.ids));
      const rows = await query
        .select([placeIdExpr(q).as('id'), sql<string>`to_char(month, 'YYYY-MM')`.as('period'), ...cellCountColumns()])
        .groupBy([col, 'month'])
        .execute();
      return nestCellCounts(rows);
    },
  };
}
