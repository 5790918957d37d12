/**
 * Maintained monthly aggregates of the incidents (db/incidents/aggregates.ts): counts and record-key
 * sums per H3 cell (`cell_months`) and per area (`area_months`) × month × category × source, written
 * by the incident write port in the same transaction as the incidents. Every map and statistic reads
 * them instead of the raw rows, so a request reads only the rows of its places and months.
 *
 * Indexes follow the reads: the primary keys serve a set of cells (a tile) or one area over a month
 * range; `(res, month, category)` and `(layer, month, category)` serve the city-wide scans of a month
 * range and category (hotspots, comparisons of every area); the partial `count = 0` indexes let the
 * writer drop emptied groups without a scan. Existing incidents are aggregated here once.
 */
import { sql, type Kysely } from 'kysely';
import { fullRebuildStatements } from '../incidents/aggregates.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('cell_months')
    .addColumn('res', 'smallint', (c) => c.notNull())
    .addColumn('cell', 'bigint', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('key_sum', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('cell_months_pk', ['cell', 'month', 'category', 'source'])
    .execute();
  await db.schema
    .createIndex('cell_months_res_month_category')
    .on('cell_months')
    .columns(['res', 'month', 'category'])
    .execute();
  await sql`CREATE INDEX cell_months_empty ON cell_months (cell) WHERE count = 0`.execute(db);

  await db.schema
    .createTable('area_months')
    .addColumn('layer', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('count', 'integer', (c) => c.notNull())
    .addColumn('key_sum', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('area_months_pk', ['layer', 'area_id', 'month', 'category', 'source'])
    .execute();
  await db.schema
    .createIndex('area_months_layer_month_category')
    .on('area_months')
    .columns(['layer', 'month', 'category'])
    .execute();
  await sql`CREATE INDEX area_months_empty ON area_months (layer) WHERE count = 0`.execute(db);

  for (const statement of fullRebuildStatements()) await sql.raw(statement).execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['cell_months', 'area_months']) await db.schema.dropTable(t).ifExists().execute();
}
