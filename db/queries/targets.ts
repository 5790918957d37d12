/**
 * Mesa targets (metas): create, list, read and delete their definitions (table `targets`,
 * migration 007). Progress is not stored: the API computes it on read from the incidents
 * (geo/stats `targetProgress`). Same conventions as `./index.ts`: kysely, bound parameters.
 */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';
import type { AreaKind, TargetsTable, Vintage } from '../schema.ts';
import { sourceMonthsAt } from './aggregated.ts';
import type { SourceMonths } from './stats.ts';

/** A target as the API shows it (dates `YYYY-MM-DD`, due month `YYYY-MM`, created_at ISO). */
export interface TargetRecord {
  id: number;
  name: string;
  kind: AreaKind;
  area_id: string;
  vintage: Vintage;
  category: string | null;
  baseline_from: string;
  baseline_to: string;
  reduction_pct: number;
  due_month: string;
  created_at: string;
  created_by: string;
}

export interface NewTarget {
  name: string;
  kind: AreaKind;
  area_id: string;
  vintage: Vintage;
  category: string | null;
  /** `YYYY-MM-01` */
  baseline_from: string;
  /** `YYYY-MM-01`, excluded */
  baseline_to: string;
  reduction_pct: number;
  /** `YYYY-MM` */
  due_month: string;
  created_by: string;
}

// dates as text from both drivers (PGlite returns Date objects for `date` columns, postgres.js strings)
const columns = [
  'id',
  'name',
  'kind',
  'area_id',
  'vintage',
  'category',
  sql<string>`to_char(baseline_from, 'YYYY-MM-DD')`.as('baseline_from'),
  sql<string>`to_char(baseline_to, 'YYYY-MM-DD')`.as('baseline_to'),
  'reduction_pct',
  sql<string>`to_char(due_month, 'YYYY-MM')`.as('due_month'),
  'created_at',
  'created_by',
] as const;

type Row = Omit<TargetsTable, 'created_at'> & { created_at: Date | string };

function toRecord(r: Row): TargetRecord {
  return {
    id: Number(r.id),
    name: r.name,
    kind: r.kind,
    area_id: r.area_id,
    vintage: Number(r.vintage) as Vintage,
    category: r.category,
    baseline_from: r.baseline_from,
    baseline_to: r.baseline_to,
    reduction_pct: Number(r.reduction_pct),
    due_month: r.due_month,
    created_at: new Date(r.created_at).toISOString(),
    created_by: r.created_by,
  };
}

export async function createTarget(store: Pick<Store, 'db'>, t: NewTarget): Promise<TargetRecord> {
  const { id } = await store.db
    .insertInto('targets')
    .values({ ...t, due_month: `${t.due_month}-01` } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return (await getTarget(store, Number(id)))!;
}

export async function getTarget(store: Pick<Store, 'db'>, id: number): Promise<TargetRecord | undefined> {
  const row = await store.db.selectFrom('targets').select(columns).where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row as Row) : undefined;
}

/** Targets, newest first; `kind` and `ids` narrow the list (ids: area ids of that kind). */
export async function listTargets(
  store: Pick<Store, 'db'>,
  q: { kind?: AreaKind; ids?: readonly string[]; vintage?: Vintage } = {},
): Promise<TargetRecord[]> {
  let query = store.db.selectFrom('targets').select(columns);
  if (q.kind) query = query.where('kind', '=', q.kind);
  if (q.vintage) query = query.where('vintage', '=', q.vintage);
  if (q.ids) query = query.where('area_id', 'in', q.ids.length ? [...q.ids] : ['']);
  const rows = await query.orderBy('id', 'desc').limit(1000).execute();
  return (rows as Row[]).map(toRecord);
}

/** True when a target was deleted. */
export async function deleteTarget(store: Pick<Store, 'db'>, id: number): Promise<boolean> {
  const res = await store.db.deleteFrom('targets').where('id', '=', id).executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/**
 * Per source, the first and last month of its incidents placed in this one area. A target's
 * progress stops at the last month of the sources that report on its area: a source covering
 * another part of the city (FGJ's Milpa Alta file runs to 2022) must not make later months look
 * like months without crime here.
 */
export async function areaSourceMonths(
  store: Pick<Store, 'db'>,
  q: { kind: AreaKind; vintage: Vintage; id: string },
): Promise<SourceMonths[]> {
  return sourceMonthsAt(store.db, { kind: q.kind, vintage: q.vintage }, q.id);
}
