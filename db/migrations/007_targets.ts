/**
 * Mesa targets (metas): "category C in area A, −P % against the monthly mean of the
 * baseline window, by month D". Progress is computed on read (geo/stats `targetProgress`); only the
 * definition is stored.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('targets')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('area_id', 'text', (c) => c.notNull())
    .addColumn('vintage', 'integer', (c) => c.notNull())
    /** a category or group id of core/taxonomy; null = every category */
    .addColumn('category', 'text')
    /** first day of the first baseline month; baseline_to: first day of the month after it (half-open) */
    .addColumn('baseline_from', 'date', (c) => c.notNull())
    .addColumn('baseline_to', 'date', (c) => c.notNull())
    /** 25 = −25 % */
    .addColumn('reduction_pct', 'double precision', (c) => c.notNull())
    /** first day of the due month */
    .addColumn('due_month', 'date', (c) => c.notNull())
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    /** who created it: 'user:<id>' / 'token:<id>' when known, else the principal's name */
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addCheckConstraint('targets_kind', sql`kind in ('alcaldia', 'colonia', 'sector', 'cuadrante')`)
    .addCheckConstraint('targets_vintage', sql`vintage in (2016, 2023)`)
    .addCheckConstraint('targets_pct', sql`reduction_pct > 0 and reduction_pct <= 100`)
    .addCheckConstraint('targets_window', sql`baseline_from < baseline_to and baseline_to <= due_month`)
    .execute();
  await db.schema.createIndex('targets_area').on('targets').columns(['kind', 'area_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('targets').ifExists().execute();
}
