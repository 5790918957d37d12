import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('finished_at', 'timestamptz')
    .addColumn('report', 'jsonb')
    .execute();

  await db.schema
    .createTable('incidents')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('source_kind', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_record_id', 'text', (c) => c.notNull())
    .addColumn('import_id', 'integer', (c) => c.references('imports.id'))
    .addColumn('occurred_on', 'date', (c) => c.notNull())
    .addColumn('month', 'date', (c) => c.notNull())
    .addColumn('hour', 'smallint')
    .addColumn('dow', 'smallint', (c) => c.notNull())
    .addColumn('occurred_at', 'timestamptz')
    .addColumn('time_precision', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('violence', 'text')
    .addColumn('attempt', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('original_label', 'text', (c) => c.notNull())
    .addColumn('victims', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('lat', 'double precision')
    .addColumn('lon', 'double precision')
    .addColumn('location_precision', 'text', (c) => c.notNull())
    .addColumn('alcaldia_2016', 'text')
    .addColumn('alcaldia_2023', 'text')
    .addColumn('colonia', 'text')
    .addColumn('cuadrante_2016', 'text')
    .addColumn('sector_2016', 'text')
    .addColumn('cuadrante_2023', 'text')
    .addColumn('sector_2023', 'text')
    .addColumn('h3_6', 'bigint')
    .addColumn('h3_7', 'bigint')
    .addColumn('h3_8', 'bigint')
    .addColumn('h3_9', 'bigint')
    .addColumn('h3_10', 'bigint')
    .addColumn('h3_11', 'bigint')
    .addUniqueConstraint('incidents_source_record', ['source', 'source_record_id'])
    .execute();

  // Hotspot and series queries filter by date range and category first.
  await db.schema.createIndex('incidents_category_day').on('incidents').columns(['category', 'occurred_on']).execute();
  await db.schema.createIndex('incidents_day').on('incidents').column('occurred_on').execute();
  for (const col of [
    'alcaldia_2016',
    'alcaldia_2023',
    'colonia',
    'cuadrante_2016',
    'cuadrante_2023',
    'sector_2016',
    'sector_2023',
  ]) {
    await db.schema.createIndex(`incidents_${col}_month`).on('incidents').columns([col, 'month']).execute();
  }

  await db.schema
    .createTable('areas')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('vintage', 'smallint', (c) => c.notNull())
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('alcaldia_id', 'text')
    .addColumn('population', 'integer')
    .addPrimaryKeyConstraint('areas_pk', ['kind', 'vintage', 'id'])
    .execute();

  await db.schema
    .createTable('quarantine')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn('import_id', 'integer', (c) => c.notNull().references('imports.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('line_no', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('raw', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await db.insertInto('meta').values({ key: 'data_version', value: '0' }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['quarantine', 'incidents', 'areas', 'imports', 'meta'])
    await db.schema.dropTable(t).ifExists().execute();
}
