/**
 * Fills the `areas` table (kind, vintage, id, name, alcaldia_id, population) from the bundled
 * boundary sets. Alcaldías and colonias have one polygon set for every vintage; they are written
 * for both 2016 and 2023 so that every query can filter on (kind, vintage) the same way.
 * Idempotent: rows are upserted, so running it again changes nothing (or refreshes names/populations).
 */
import { sql } from 'kysely';
import type { Store } from '../../db/connect.ts';
import { VINTAGES, type AreasTable } from '../../db/schema.ts';
import { loadBoundarySets, type BoundarySet } from '../../reference/boundaries/index.ts';

/** The `areas` rows for the boundary sets (vintage-less sets repeated for each vintage). */
export function areaRows(sets: readonly BoundarySet[] = loadBoundarySets()): AreasTable[] {
  const rows: AreasTable[] = [];
  for (const set of sets) {
    for (const vintage of set.vintage === null ? VINTAGES : [set.vintage]) {
      for (const f of set.features) {
        rows.push({
          kind: set.kind,
          vintage,
          id: f.id,
          name: f.name,
          alcaldia_id: f.alcaldiaId,
          population: f.population === null ? null : Math.round(f.population),
        });
      }
    }
  }
  return rows;
}

/** Writes every area; returns how many rows were written (inserted or refreshed). */
export async function importAreas(store: Store, sets?: readonly BoundarySet[]): Promise<{ areas: number }> {
  const rows = areaRows(sets);
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000) {
      await trx
        .insertInto('areas')
        .values(rows.slice(i, i + 1000))
        .onConflict((oc) =>
          oc.columns(['kind', 'vintage', 'id']).doUpdateSet({
            name: sql`excluded.name`,
            alcaldia_id: sql`excluded.alcaldia_id`,
            population: sql`excluded.population`,
          }),
        )
        .execute();
    }
  });
  return { areas: rows.length };
}
