/**
 * The maintained monthly aggregates of the incidents (migration 014), as SQL text shared by the
 * writer's two paths, the migration and the rebuild command.
 *
 * - `cell_months`: per H3 cell of each resolution 6…11 — the incident's own stored `h3_<res>` cell,
 *   never a parent of a finer one (a parent disagrees with `latLngToCell` at the coarser resolution
 *   for 6–7 % of points) — × month × category × source: count and sum of record keys.
 * - `area_months`: the same per area, keyed by `layer` = the incidents column that holds the area
 *   (`alcaldia_2016`, `colonia`, `cuadrante_2023` …: kind and vintage in one word, colonias once).
 *
 * Rows are keyed on `source` (the dataset or outlet) and also carry its `source_kind`, which the
 * source determines: the API filters by kind, the coverage questions (`sourceMonths`) group by source.
 * A group with no incidents has no row (a count never stays 0), so a rebuild equals the maintained
 * table row for row.
 *
 * Every statement here inlines only values it has validated (numeric ids, `YYYY-MM-01` months), so
 * the same text runs through kysely (`sql.raw`) and through a raw COPY transaction.
 */
import { AREA_KINDS, H3_RESOLUTIONS, VINTAGES, areaColumn } from '../schema.ts';

/** Moves `meta.data_version`: every cached answer keyed on it is renewed. */
export const BUMP_DATA_VERSION = `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;

/** The incidents columns that hold an area id: the `layer` values of `area_months`. */
export const AREA_LAYERS: readonly string[] = [
  ...new Set(AREA_KINDS.flatMap((kind) => VINTAGES.map((v) => areaColumn(kind, v)))),
];

const GROUP_COLUMNS = 'month, category, source, source_kind';
const CELL_KEY = '(cell, month, category, source)';
const AREA_KEY = '(layer, area_id, month, category, source)';

/** Incidents (alias `i`) matching `where`, grouped per stored cell of every resolution. */
function cellGroups(where: string): string {
  const cells = H3_RESOLUTIONS.map((r) => `(${r}::smallint, i.h3_${r})`).join(', ');
  return `SELECT c.res, c.cell, i.month, i.category, i.source, i.source_kind, count(*)::int AS count, sum(i.record_key)::int AS key_sum
    FROM incidents i CROSS JOIN LATERAL (VALUES ${cells}) AS c(res, cell)
    WHERE c.cell IS NOT NULL AND (${where})
    GROUP BY c.res, c.cell, i.month, i.category, i.source, i.source_kind`;
}

/** Incidents (alias `i`) matching `where`, grouped per area of every layer. */
function areaGroups(where: string): string {
  const layers = AREA_LAYERS.map((l) => `('${l}', i.${l})`).join(', ');
  return `SELECT a.layer, a.area_id, i.month, i.category, i.source, i.source_kind, count(*)::int AS count, sum(i.record_key)::int AS key_sum
    FROM incidents i CROSS JOIN LATERAL (VALUES ${layers}) AS a(layer, area_id)
    WHERE a.area_id IS NOT NULL AND (${where})
    GROUP BY a.layer, a.area_id, i.month, i.category, i.source, i.source_kind`;
}

/**
 * Statements that add (`sign` 1) or remove (`sign` -1) the incidents matching `where` to/from both
 * tables, then drop the groups left empty (a partial index on `count = 0` finds them).
 */
function deltaStatements(where: string, sign: 1 | -1): string[] {
  const s = sign === 1 ? '' : '-';
  return [
    `INSERT INTO cell_months (res, cell, ${GROUP_COLUMNS}, count, key_sum)
     SELECT res, cell, ${GROUP_COLUMNS}, ${s}count, ${s}key_sum FROM (${cellGroups(where)}) g
     ON CONFLICT ${CELL_KEY} DO UPDATE SET count = cell_months.count + excluded.count, key_sum = cell_months.key_sum + excluded.key_sum`,
    `INSERT INTO area_months (layer, area_id, ${GROUP_COLUMNS}, count, key_sum)
     SELECT layer, area_id, ${GROUP_COLUMNS}, ${s}count, ${s}key_sum FROM (${areaGroups(where)}) g
     ON CONFLICT ${AREA_KEY} DO UPDATE SET count = area_months.count + excluded.count, key_sum = area_months.key_sum + excluded.key_sum`,
    ...(sign === -1 ? ['DELETE FROM cell_months WHERE count = 0', 'DELETE FROM area_months WHERE count = 0'] : []),
  ];
}

/**
 * Grouping every incident of many months sorts on disk with the default 4 MB of `work_mem` (PGlite
 * included); this transaction-scoped setting lets it hash in memory.
 */
const GROUPING_MEMORY = "SET LOCAL work_mem = '64MB'";

const ID_RE = /^\d+$/;
const MONTH_RE = /^\d{4}-\d{2}-01$/;

function idList(ids: readonly string[]): string {
  for (const id of ids) if (!ID_RE.test(id)) throw new Error(`aggregates: not an incident id: ${JSON.stringify(id)}`);
  return ids.join(', ');
}

/** Statements adding (`sign` 1) or removing (-1) the stored incidents `ids` (call while they exist). */
export function incidentDeltaStatements(ids: readonly string[], sign: 1 | -1): string[] {
  return ids.length ? deltaStatements(`i.id IN (${idList(ids)})`, sign) : [];
}

/** `YYYY-MM-01` of the month after `month` (a `YYYY-MM-01`). */
function followingMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Statements recomputing `months` (`YYYY-MM-01`) of both tables from the incidents: the bulk path's
 * commit, where one GROUP BY over the months a file touched is cheaper than a delta per batch.
 * The incidents are selected by `occurred_on` ranges, which the `incidents_day` index serves.
 */
export function monthRebuildStatements(months: Iterable<string>): string[] {
  const list = [...new Set(months)].sort();
  if (list.length === 0) return [];
  for (const m of list) if (!MONTH_RE.test(m)) throw new Error(`aggregates: not a month start: ${JSON.stringify(m)}`);
  const inList = list.map((m) => `'${m}'`).join(', ');
  const ranges = list.map((m) => `(i.occurred_on >= '${m}' AND i.occurred_on < '${followingMonth(m)}')`).join(' OR ');
  return [
    GROUPING_MEMORY,
    `DELETE FROM cell_months WHERE res IN (${H3_RESOLUTIONS.join(', ')}) AND month IN (${inList})`,
    `DELETE FROM area_months WHERE layer IN (${AREA_LAYERS.map((l) => `'${l}'`).join(', ')}) AND month IN (${inList})`,
    `INSERT INTO cell_months (res, cell, ${GROUP_COLUMNS}, count, key_sum) ${cellGroups(ranges)}`,
    `INSERT INTO area_months (layer, area_id, ${GROUP_COLUMNS}, count, key_sum) ${areaGroups(ranges)}`,
  ];
}

/** Statements rebuilding both tables from scratch (the `aggregates rebuild` command, migration 014). */
export function fullRebuildStatements(): string[] {
  return [
    GROUPING_MEMORY,
    'DELETE FROM cell_months',
    'DELETE FROM area_months',
    `INSERT INTO cell_months (res, cell, ${GROUP_COLUMNS}, count, key_sum) ${cellGroups('TRUE')}`,
    `INSERT INTO area_months (layer, area_id, ${GROUP_COLUMNS}, count, key_sum) ${areaGroups('TRUE')}`,
  ];
}
