/**
 * Patrol planning inputs for one cuadrante: incidents by day of week × hour,
 * the busiest H3 cells inside it and the mix of categories. Same conventions as `./index.ts`
 * (kysely, bound parameters, column names only from the whitelists of `db/schema.ts`).
 */
import { sql, type Kysely } from 'kysely';
import type { Store } from '../connect.ts';
import { areaColumn, h3Column, type Database, type H3Resolution, type Vintage } from '../schema.ts';
import { applyIncidentFilter, type IncidentFilter } from './filter.ts';

export const PATROL_DAYS = 7;
export const PATROL_HOURS = 24;

export interface PatrolQuery extends IncidentFilter {
  vintage: Vintage;
  cuadrante: string;
  /** resolution of the top cells */
  res: H3Resolution;
  /** how many top cells */
  top: number;
}

export interface PatrolCounts {
  total: number;
  /** counts[dow][hour]; dow 0 = lunes … 6 = domingo (the store's ISO `dow` − 1), hour 0–23 local */
  counts: number[][];
  /** incidents without a usable hour (they count in `total` and nowhere in `counts`) */
  unknownHour: number;
  /** incidents without a point (no H3 cell): in `total`, in no top cell */
  unlocated: number;
  topCells: { h3: string; count: number }[];
  byCategory: { category: string; count: number }[];
}

export async function patrolCounts(store: Pick<Store, 'db'>, q: PatrolQuery): Promise<PatrolCounts> {
  const db: Kysely<Database> = store.db;
  const col = areaColumn('cuadrante', q.vintage);
  const h3 = h3Column(q.res);
  const base = applyIncidentFilter(db.selectFrom('incidents').where(col, '=', q.cuadrante), q);

  const [heat, cells, categories] = await Promise.all([
    base
      .select(['dow', 'hour', sql<number>`count(*)::int`.as('count')])
      .groupBy(['dow', 'hour'])
      .execute(),
    base
      .select([sql<string | null>`to_hex(${sql.ref(h3)})`.as('h3'), sql<number>`count(*)::int`.as('count')])
      .groupBy(h3)
      .execute(),
    base
      .select(['category', sql<number>`count(*)::int`.as('count')])
      .groupBy('category')
      .execute(),
  ]);

  const counts = Array.from({ length: PATROL_DAYS }, () => new Array<number>(PATROL_HOURS).fill(0));
  let total = 0;
  let unknownHour = 0;
  for (const r of heat) {
    const n = Number(r.count);
    total += n;
    const hour = r.hour === null ? null : Number(r.hour);
    if (hour === null || hour < 0 || hour >= PATROL_HOURS) unknownHour += n;
    else counts[Number(r.dow) - 1][hour] += n;
  }
  let unlocated = 0;
  const located: { h3: string; count: number }[] = [];
  for (const r of cells) {
    if (r.h3 === null) unlocated += Number(r.count);
    else located.push({ h3: r.h3, count: Number(r.count) });
  }
  // busiest first; ties by cell index so the answer is stable
  located.sort((a, b) => b.count - a.count || (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
  const byCategory = categories
    .map((r) => ({ category: r.category, count: Number(r.count) }))
    .sort((a, b) => b.count - a.count || (a.category < b.category ? -1 : a.category > b.category ? 1 : 0));
  return { total, counts, unknownHour, unlocated, topCells: located.slice(0, q.top), byCategory };
}
