/**
 * The test harness itself: every store is a private, migrated copy on both backends, and the
 * full copies hold the bundled import (its incident count checked against the raw files,
 * counted here independently with csv-parse).
 */
import { describe, expect, inject, it } from 'vitest';
import { sql } from 'kysely';
import postgres from 'postgres';
import { parse } from 'csv-parse/sync';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { readBundled, REPO_ROOT } from '../../reference/files/index.ts';
import { BACKENDS, bundledDataImported, emptyStore, freshStore, describeEachBackend } from './stores.ts';

const TABLES = ['areas', 'imports', 'incidents', 'meta', 'quarantine'];

describe.each(BACKENDS)('stores on %s', (backend) => {
  it('are migrated: every table of 001_initial exists and every migration in db/migrations is recorded', async () => {
    const store = await emptyStore(backend);
    try {
      const tables = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
        store.db,
      );
      expect(tables.rows.map((r) => r.table_name)).toEqual(expect.arrayContaining(TABLES));
      const done = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(store.db);
      const files = readdirSync(join(REPO_ROOT, 'db/migrations'))
        .filter((f) => /^\d{3}_.+\.ts$/.test(f) && !f.includes('.test.'))
        .map((f) => f.replace(/\.ts$/, ''))
        .sort();
      expect(files[0]).toBe('001_initial');
      expect(done.rows.map((r) => r.name)).toEqual(files);
      const version = await store.db
        .selectFrom('meta')
        .select('value')
        .where('key', '=', 'data_version')
        .executeTakeFirst();
      expect(version?.value).toBe('0');
      const incidents = await store.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(incidents.n)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('are private copies: a write in one is invisible in another and in later copies', async () => {
    const [a, b] = await Promise.all([freshStore(backend), freshStore(backend)]);
    try {
      await a.db.insertInto('meta').values({ key: 'harness_probe', value: a.name }).execute();
      const inA = await a.db.selectFrom('meta').select('value').where('key', '=', 'harness_probe').execute();
      expect(inA).toEqual([{ value: a.name }]);
      const inB = await b.db.selectFrom('meta').select('value').where('key', '=', 'harness_probe').execute();
      expect(inB).toEqual([]);
      const c = await freshStore(backend);
      try {
        const inC = await c.db.selectFrom('meta').select('value').where('key', '=', 'harness_probe').execute();
        expect(inC).toEqual([]);
      } finally {
        await c.close();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('postgres copies', () => {
  it('are dropped when closed', async () => {
    const { adminUrl } = inject('harness:postgres');
    const store = await emptyStore('postgres');
    const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
    try {
      const exists = async () => (await admin`select 1 from pg_database where datname = ${store.name}`).length === 1;
      expect(store.name).toMatch(/^t_[0-9a-f]{12}$/);
      expect(await exists()).toBe(true);
      await store.close();
      expect(await exists()).toBe(false);
    } finally {
      await admin.end();
    }
  });
});

/**
 * Incidents the bundled files should give, counted from the raw CSVs: every SSC row (each has a
 * date and a crime), plus one FGJ incident per (idCarpeta, Delito) — victims of one carpeta and
 * crime collapse — except non-crimes (Categoria "HECHO NO DELICTIVO") and rows without a date.
 */
function expectedIncidents() {
  const ssc = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const sscIncidents = ssc.filter((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.date) && r.crime.trim() !== '').length;
  const fgj = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const fgjKeys = new Set(
    fgj
      .filter((r) => r.Categoria !== 'HECHO NO DELICTIVO' && /^\d{2}\/\d{2}\/\d{4}$/.test(r.Fecha))
      .map((r) => `${r.idCarpeta}\u0000${r.Delito}`),
  );
  return { ssc: ssc.length, sscIncidents, fgjRows: fgj.length, fgjIncidents: fgjKeys.size };
}

describeEachBackend('the full copy', (getStore) => {
  it.skipIf(!bundledDataImported())('holds every incident of the bundled SSC and FGJ files', async () => {
    const expected = expectedIncidents();
    // Sanity of the independent count against the documented sizes (SOURCES.md).
    expect(expected.ssc).toBe(132_692);
    expect(expected.fgjRows).toBe(7_558);
    const { n } = await getStore()
      .db.selectFrom('incidents')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(n)).toBe(expected.sscIncidents + expected.fgjIncidents);
  });
});
