/**
 * The import pipeline on small files with known content (hand-damaged SSC rows, hand-written FGJ
 * carpetas rows) and a simulated crash, on both backends, each into an empty store.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AppError } from '../../core/errors/index.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { BUNDLED_DATA_DIR, readBundled, readBundledJson } from '../../reference/files/index.ts';
import { importOfficialFile } from './index.ts';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const damaged = join(FIXTURES, 'ssc_points_damaged.csv');
const carpetas = join(FIXTURES, 'fgj_carpetas_handwritten.csv');
const damagedLines = readFileSync(damaged, 'utf8').split('\n');

const version = async (db: any) =>
  Number(
    (await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow()).value,
  );

describeEachBackend(
  'official import',
  (getStore) => {
    it('quarantines exactly the damaged rows, with reason, line number and raw text, and imports the rest', async () => {
      const { db } = getStore();
      const v0 = await version(db);
      const r = await importOfficialFile(getStore(), damaged, { format: 'ssc_points' });
      expect(r.rows).toBe(12);
      expect(r.quarantined).toBe(4);
      expect(r.quarantine_reasons).toEqual({ missing_date: 1, missing_category: 1, malformed_row: 2 });
      expect([r.incidents, r.inserted, r.unlocated]).toEqual([8, 8, 1]);
      const q = await db
        .selectFrom('quarantine')
        .select(['line_no', 'reason', 'raw', 'import_id'])
        .orderBy('line_no')
        .execute();
      expect(q.map((x) => [x.line_no, x.reason])).toEqual([
        [4, 'missing_date'],
        [6, 'missing_category'],
        [8, 'malformed_row'],
        [10, 'malformed_row'],
      ]);
      for (const x of q) {
        expect(x.raw).toBe(damagedLines[x.line_no - 1]);
        expect(x.import_id).toBe(r.import_id);
      }
      const ids = await db
        .selectFrom('incidents')
        .select('source_record_id')
        .orderBy(sql`source_record_id::int`)
        .execute();
      expect(ids.map((x) => x.source_record_id)).toEqual(['1', '2', '4', '6', '8', '10', '11', '12']);
      // Line 11: no coordinates → placed by its stated cuadrante (S-1.5.2), whose sector/alcaldía come from the SSC lookup.
      const lookup = readBundled('lookups/cuadrantes_sectores_2016.csv.gz')
        .split('\n')
        .find((l) => l.startsWith('"S-1.5.2"') || l.startsWith('S-1.5.2,'))!;
      const [, sector, cvegeo] = lookup.split(',').map((v) => v.replaceAll('"', ''));
      const unlocated = await db
        .selectFrom('incidents')
        .selectAll()
        .where('source_record_id', '=', '10')
        .executeTakeFirstOrThrow();
      expect(unlocated).toMatchObject({
        location_precision: 'cuadrante',
        lat: null,
        lon: null,
        h3_8: null,
        cuadrante_2016: 'S-1.5.2',
        sector_2016: sector,
        alcaldia_2016: cvegeo.padStart(5, '0'),
        alcaldia_2023: cvegeo.padStart(5, '0'),
        colonia: null,
        category: 'lesiones_arma_fuego',
      });
      const imp = await db
        .selectFrom('imports')
        .select(['status', 'file_sha256'])
        .where('id', '=', r.import_id!)
        .executeTakeFirstOrThrow();
      expect(imp.status).toBe('done');
      expect(imp.file_sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(await version(db)).toBe(v0 + 1);
    });

    it('a crash in the middle leaves nothing of the file and no done import', async () => {
      const store = getStore();
      const before = await store.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      const v0 = await version(store.db);
      let calls = 0;
      const crash = importOfficialFile(store, join(BUNDLED_DATA_DIR, 'crime/ssc_crime_points_2013_2016.csv.gz'), {
        format: 'ssc_points',
        batchRows: 2_000, // several COPY batches reach the database before the crash
        progress: () => {
          if (++calls === 3) throw new Error('simulated crash');
        },
      });
      await expect(crash).rejects.toThrow('simulated crash');
      const after = await store.db
        .selectFrom('incidents')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(after.n)).toBe(Number(before.n));
      const imports = await store.db
        .selectFrom('imports')
        .select(['status', 'file_name'])
        .where('file_name', '=', 'ssc_crime_points_2013_2016.csv.gz')
        .execute();
      expect(imports.map((i) => i.status)).toEqual(['failed']);
      expect(await version(store.db)).toBe(v0);
    });

    it('imports the current FGJ carpetas layout (hand-written rows)', async () => {
      const { db } = getStore();
      const r = await importOfficialFile(getStore(), carpetas, { format: 'fgj_carpetas' });
      expect([r.rows, r.incidents, r.duplicate_rows, r.non_crimes, r.quarantined]).toEqual([10, 7, 1, 1, 1]);
      expect(r.quarantine_reasons).toEqual({ missing_date: 1 });
      const rows = await db
        .selectFrom('incidents')
        .select([
          'source_record_id',
          'category',
          'violence',
          'original_label',
          sql<string>`occurred_on::text`.as('day'),
          'occurred_at',
          'time_precision',
          'hour',
          'location_precision',
          'alcaldia_2023',
          'colonia',
          'h3_9',
          'lat',
          'victims',
        ])
        .where('source', '=', 'fgj_carpetas')
        .execute();
      const by = Object.fromEntries(rows.map((x) => [x.source_record_id.split('|')[0], x]));
      expect(Object.keys(by).sort()).toEqual([
        'HW-0001',
        'HW-0002',
        'HW-0003',
        'HW-0004',
        'HW-0005',
        'HW-0008',
        'HW-0009',
      ]);
      expect(by['HW-0001']).toMatchObject({
        category: 'robo_transeunte',
        violence: 'con',
        victims: 1,
        location_precision: 'point',
        alcaldia_2023: '09015',
      });
      expect(by['HW-0001'].h3_9).not.toBeNull();
      // 2021-07-04 23:10 was daylight time (UTC−5); 2023-07-04 23:10 standard time (UTC−6, DST abolished in 2022).
      expect(new Date(by['HW-0002'].occurred_at!).toISOString()).toBe('2021-07-05T04:10:00.000Z');
      expect(by['HW-0002']).toMatchObject({ category: 'homicidio_doloso', day: '2021-07-04', hour: 23 });
      expect(new Date(by['HW-0003'].occurred_at!).toISOString()).toBe('2023-07-05T05:10:00.000Z');
      expect(by['HW-0003'].category).toBe('lesiones_arma_fuego');
      // No coordinates: placed by the structured geocoder on the IECM colonia "AGUILERA" of Azcapotzalco.
      const colonias = readBundledJson<{ features: { properties: Record<string, string> }[] }>(
        'boundaries/colonias.geojson.gz',
      ).features;
      const aguilera = colonias.find((f) => f.properties.colonia === 'AGUILERA' && f.properties.cvegeo_alc === '09002')!
        .properties.cve_col;
      expect(by['HW-0004']).toMatchObject({
        category: 'extorsion',
        location_precision: 'colonia',
        colonia: aguilera,
        alcaldia_2023: '09002',
        h3_9: null,
        lat: null,
        time_precision: 'date',
      });
      // Invalid hour "21510": the date is kept, the time is not.
      expect(by['HW-0005']).toMatchObject({
        category: 'robo_vehiculo',
        violence: 'sin',
        day: '2020-05-01',
        time_precision: 'date',
        hour: null,
        occurred_at: null,
      });
      // Mis-encoded bucket label is repaired and still maps.
      expect(by['HW-0008'].category).toBe('violacion');
      // A point outside the city (Toluca) keeps the stated alcaldía, gets no H3 cells and counts as unlocated.
      expect(by['HW-0009']).toMatchObject({ category: 'robo_metro', alcaldia_2023: '09015', h3_9: null });
      expect(by['HW-0009'].location_precision).not.toBe('point');
      expect(r.unlocated).toBe(2);
    });

    it('rejects a file whose header lacks the format columns, with a catalogue error', async () => {
      const attempt = importOfficialFile(getStore(), carpetas, { format: 'ssc_points' });
      await expect(attempt).rejects.toBeInstanceOf(AppError);
      await expect(attempt).rejects.toMatchObject({ code: 'invalid_parameter' });
    });
  },
  { contents: 'empty' },
);
