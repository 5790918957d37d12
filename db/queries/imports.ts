/** The official imports' run records (`imports`): when each source was last imported. */
import type { Store } from '../connect.ts';

/** Per `incidents.source`, when its last successful import finished. */
export async function lastImportsBySource(store: Pick<Store, 'db'>): Promise<Map<string, Date>> {
  const rows = await store.db
    .selectFrom('imports')
    .select(['source', (eb) => eb.fn.max('finished_at').as('last')])
    .where('status', '=', 'done')
    .groupBy('source')
    .execute();
  return new Map(rows.flatMap((r) => (r.last === null ? [] : [[r.source, new Date(r.last as Date | string)]])));
}
