/**
 * Counts per place and month read from the maintained aggregates (`cell_months`, `area_months`,
 * migration 014) instead of the raw incidents: the one source every map and statistic counts from.
 *
 * A date range `[from, to)` that does not start or end on a first of month is split: the whole
 * months inside it come from the aggregates, and the days of its partial first and last months from
 * the raw incidents (through the one incident filter, served by the `(category, occurred_on)`
 * index), so a day-level range is exact and costs at most two partial months of raw rows.
 *
 * Places are filtered by key — H3 cells as their int8, areas by `layer` (the incidents column,
 * `placeColumn`) and id — so a tile reads the rows of its cells only.
 */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { nextMonthStart } from '../../core/time/calendar.ts';
import { centreInBbox, cellKeysInBbox, type LonLatBbox as Bbox } from '../../geo/h3/index.ts';
import { placeColumn, type Database, type PlaceLevel } from '../schema.ts';
import { applyIncidentFilter, type IncidentFilter } from './filter.ts';

/** A date range cut into whole months (`YYYY-MM-01` bounds, open where the range is) and partial edges. */
export interface SplitRange {
  /** whole months `[from, to)`; null when the range holds none */
  whole: { from?: string; to?: string } | null;
  /** day ranges outside the whole months, read from the raw incidents */
  edges: { from?: string; to?: string }[];
}

const monthStart = (date: string) => `${date.slice(0, 7)}-01`;

/** `[from, to)` (local dates, either end open) as whole months plus partial edge ranges. */
export function splitRange(from?: string, to?: string): SplitRange {
  if (from !== undefined && to !== undefined && to <= from) return { whole: null, edges: [] };
  const wholeFrom = from === undefined || from === monthStart(from) ? from : nextMonthStart(from);
  const wholeTo = to === undefined ? undefined : monthStart(to);
  if (wholeFrom !== undefined && wholeTo !== undefined && wholeFrom >= wholeTo)
    return { whole: null, edges: [{ from, to }] };
  const edges: SplitRange['edges'] = [];
  if (from !== undefined && from !== wholeFrom) edges.push({ from, to: wholeFrom });
  if (to !== undefined && to !== wholeTo) edges.push({ from: wholeTo, to });
  return { whole: { from: wholeFrom, to: wholeTo }, edges };
}

/** What a count reads: the incident filter, at one place level, optionally only some places (stored ids). */
export type PlaceMonthQuery = IncidentFilter & { level: PlaceLevel; placeIds?: readonly string[] };

/** Values for `IN (…)`: an empty list matches nothing. */
const inList = (values: readonly (string | number)[]) => sql.join(values.length ? values : ['']);

/**
 * Rows `(place, month, count, key_sum)` — place as stored (int8 cell or area code), several rows per
 * place and month possible (categories, sources, raw edges): callers group and sum them.
 */
export function placeMonthRows(
  db: Kysely<Database>,
  q: PlaceMonthQuery,
): RawBuilder<{ place: string; month: string; count: number; key_sum: number }> {
  const { whole, edges } = splitRange(q.from, q.to);
  const parts: RawBuilder<unknown>[] = [];
  if (whole) {
    const level = q.level;
    const cells = level.kind === 'h3';
    const conds: RawBuilder<unknown>[] = [
      level.kind === 'h3' ? sql`res = ${level.res}` : sql`layer = ${placeColumn(level)}`,
    ];
    if (whole.from) conds.push(sql`month >= ${whole.from}`);
    if (whole.to) conds.push(sql`month < ${whole.to}`);
    if (q.categories) conds.push(sql`category IN (${inList(q.categories)})`);
    if (q.sources) conds.push(sql`source_kind IN (${inList(q.sources)})`);
    const place = sql.ref(cells ? 'cell' : 'area_id');
    if (q.placeIds) conds.push(sql`${place} IN (${inList(q.placeIds)})`);
    parts.push(
      sql`SELECT ${place} AS place, month, count, key_sum FROM ${sql.table(cells ? 'cell_months' : 'area_months')} WHERE ${sql.join(conds, sql` AND `)}`,
    );
  }
  const col = placeColumn(q.level);
  for (const edge of edges) {
    let raw = applyIncidentFilter(db.selectFrom('incidents'), { ...q, ...edge }).where(col, 'is not', null);
    if (q.placeIds) raw = raw.where(col, 'in', (q.placeIds.length ? q.placeIds : ['']) as never[]);
    const query = raw
      .select([
        sql`${sql.ref(col)}`.as('place'),
        'month',
        sql`count(*)::int`.as('count'),
        sql`sum(record_key)::int`.as('key_sum'),
      ])
      .groupBy([col, 'month']);
    parts.push(sql`${query}`);
  }
  // parenthesised as a whole: callers read it as a subquery (`FROM (…) AS u`, kysely's `.as('u')`)
  if (parts.length === 0)
    return sql`(SELECT NULL::bigint AS place, NULL::date AS month, 0 AS count, 0 AS key_sum WHERE FALSE)`;
  return sql`(${sql.join(
    parts.map((p) => sql`(${p})`),
    sql` UNION ALL `,
  )})`;
}

/** Tiles read at most this many cells by key; a larger box reads its resolution whole. */
const MAX_KEYED_CELLS = 5000;

/**
 * The cells a bounding box selects — those whose centre lies in it, whole (never a part of a cell's
 * incidents): their keys for `placeIds`, or, for a box too large to list, no keys and `keep` to
 * apply to the rows read.
 */
export function cellsOfBbox(
  res: number,
  bbox: Bbox | undefined,
): { placeIds?: string[]; keep: (hex: string) => boolean } {
  if (!bbox) return { keep: () => true };
  const keys = cellKeysInBbox(bbox, res, MAX_KEYED_CELLS);
  return keys ? { placeIds: keys, keep: () => true } : { keep: (hex) => centreInBbox(hex, bbox) };
}

/** Per source, the first and last month (`YYYY-MM`) of its incidents placed at `level` (in `placeId` only, when given). */
export async function sourceMonthsAt(
  db: Kysely<Database>,
  level: PlaceLevel,
  placeId?: string,
): Promise<{ source: string; first: string; last: string }[]> {
  const where =
    level.kind === 'h3'
      ? sql`FROM cell_months WHERE res = ${level.res}${placeId === undefined ? sql`` : sql` AND cell = ${placeId}`}`
      : sql`FROM area_months WHERE layer = ${placeColumn(level)}${placeId === undefined ? sql`` : sql` AND area_id = ${placeId}`}`;
  const { rows } = await sql<{ source: string; first: string; last: string }>`
    SELECT source, to_char(min(month), 'YYYY-MM') AS first, to_char(max(month), 'YYYY-MM') AS last ${where} GROUP BY source ORDER BY source`.execute(
    db,
  );
  return rows.map((r) => ({ source: r.source, first: r.first, last: r.last }));
}
