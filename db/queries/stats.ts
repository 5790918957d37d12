/**
 * Read queries for the Mesa statistics: the monthly counts of many areas at once and the
 * months each source covers. The statistics themselves live in `geo/stats` (pure); these functions
 * only fetch their inputs. Same conventions as `./index.ts`: kysely with bound parameters, column
 * names only from the whitelists of `db/schema.ts`, the same SQL on PGlite and PostgreSQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import type { Database, PlaceLevel } from '../schema.ts';
import { cellsOfBbox, placeMonthRows, sourceMonthsAt } from './aggregated.ts';
import { placeDbIds, placeIdExpr } from './places.ts';
import type { LonLatBbox as Bbox } from '../../geo/h3/index.ts';

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

/**
 * A rule that turns one place-month's count n and cell key (its records' key sum mod `keyRange`)
 * into the value a window sums — null for a withheld month. The store only looks values up; which
 * values they are is the caller's rule (server/policy builds this from its own publication).
 */
export interface MonthValueTable {
  keyRange: number;
  /** counts below this are looked up in `small`; counts from it on are n + `shift[key]` */
  cap: number;
  /** `small[n * keyRange + key]` for n < cap (null: withheld) */
  small: readonly (number | null)[];
  /** `shift[key]`, keyRange entries */
  shift: readonly number[];
  /** months ≥ this (`YYYY-MM`) are withheld whatever their count */
  withheldFrom?: string;
}

/** One place's months in one window, each valued by a `MonthValueTable`: the sum of the values, and whether one was withheld. */
export interface WindowSum {
  sum: number;
  withheld: boolean;
}

export interface WindowSumsQuery extends Omit<MonthlyCountsFilter, 'fromMonth' | 'toMonth'> {
  /** `[fromMonth, toMonth)` each, `YYYY-MM` */
  windows: readonly { fromMonth: string; toMonth: string }[];
  /** H3 levels only: the cells whose centre lies in this box (a map tile's) */
  bbox?: Bbox;
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
  /**
   * Per place id with incidents in the windows' span, per window (in order): every place-month
   * valued by `table`, summed in the database — one row per place instead of one per place and
   * month, so that a long window over every area parses a few thousand rows, not a hundred thousand.
   */
  windowSumsByArea(q: PlaceLevel & WindowSumsQuery, table: MonthValueTable): Promise<Map<string, WindowSum[]>>;
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

    async windowSumsByArea(q, table) {
      if (!q.windows.length) return new Map();
      const fromMonth = q.windows.reduce((m, w) => (w.fromMonth < m ? w.fromMonth : m), q.windows[0].fromMonth);
      const toMonth = q.windows.reduce((m, w) => (w.toMonth > m ? w.toMonth : m), q.windows[0].toMonth);
      const inBox = q.kind === 'h3' ? cellsOfBbox(q.res, q.bbox) : { keep: () => true };
      const rows = placeMonthRows(db, {
        level: q,
        from: firstDay(fromMonth),
        to: firstDay(toMonth),
        categories: q.categories,
        sources: q.sources,
        placeIds: q.ids ? placeDbIds(q, q.ids) : inBox.placeIds,
      });
      const range = table.keyRange;
      const withheld = table.withheldFrom ? sql`month >= ${firstDay(table.withheldFrom)}` : sql`FALSE`;
      const columns = q.windows.map((w, i) => {
        const inWindow = sql`month >= ${firstDay(w.fromMonth)} AND month < ${firstDay(w.toMonth)}`;
        return sql`coalesce(sum(value) FILTER (WHERE ${inWindow}), 0)::float8 AS ${sql.ref(`sum${i}`)},
          coalesce(bool_or(value IS NULL) FILTER (WHERE ${inWindow}), FALSE) AS ${sql.ref(`withheld${i}`)}`;
      });
      // the table is parsed once (MATERIALIZED), not once per row; '' in `small` is a withheld value
      const { rows: sums } = await sql<Record<string, unknown>>`
        WITH t AS MATERIALIZED (
          SELECT string_to_array(${table.small.map((v) => (v === null ? '' : String(v))).join(',')}, ',', '')::int[] AS small,
                 string_to_array(${table.shift.join(',')}, ',')::int[] AS shift
        ), cells AS (
          SELECT place, month, sum(count)::int AS n, ((sum(key_sum) % ${range} + ${range}) % ${range})::int AS cell_key
          FROM ${rows} AS u GROUP BY place, month
        ), valued AS (
          SELECT place, month,
            CASE WHEN ${withheld} THEN NULL
                 WHEN n >= ${table.cap} THEN n + t.shift[cell_key + 1]
                 ELSE t.small[n * ${range} + cell_key + 1] END AS value
          FROM cells CROSS JOIN t
        )
        SELECT ${placeIdExpr(q)} AS id, ${sql.join(columns)} FROM valued GROUP BY place`.execute(db);
      const out = new Map<string, WindowSum[]>();
      for (const r of sums) {
        if (!inBox.keep(String(r.id))) continue;
        out.set(
          String(r.id),
          q.windows.map((_, i) => ({ sum: Number(r[`sum${i}`]), withheld: Boolean(r[`withheld${i}`]) })),
        );
      }
      return out;
    },
  };
}
