/**
 * Read queries for the Mesa statistics: the monthly counts of many areas at once and the
 * months each source covers. The statistics themselves live in `geo/stats` (pure); these functions
 * only fetch their inputs. Same conventions as `./index.ts`: kysely with bound parameters, column
 * names only from the whitelists of `db/schema.ts`, the same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import type { Database, PlaceLevel } from '../schema.ts';
import { placeMonthRows, sourceMonthsAt } from './aggregated.ts';
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

/**
 * The count and the record-key sum of a group of aggregated rows (`./aggregated.ts`), as selected
 * columns (float8: exact, and a number on both drivers).
 */
export function cellCountColumns() {
  return [sql<number>`sum(count)::int`.as('count'), sql<number>`sum(key_sum)::float8`.as('key_sum')] as const;
}

/** Rows (place id, `YYYY-MM`, count, key sum) → place id → month → cell count. */
export function nestCellCounts(
  rows: readonly { id: unknown; period: string; count: number; key_sum: number }[],
): Map<string, Map<string, CellCount>> {
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
    sourceMonths: (level) => sourceMonthsAt(db, level),

    async monthlyCountsByArea(q) {
      const rows = await db
        .selectFrom(
          placeMonthRows(db, {
            level: q,
            from: firstDay(q.fromMonth),
            to: firstDay(q.toMonth),
            categories: q.categories,
            sources: q.sources,
            placeIds: q.ids ? placeDbIds(q, q.ids) : undefined,
          }).as('u'),
        )
        .select([placeIdExpr(q).as('id'), sql<string>`to_char(month, 'YYYY-MM')`.as('period'), ...cellCountColumns()])
        .groupBy(['place', 'month'])
        .execute();
      return nestCellCounts(rows);
    },
  };
}
