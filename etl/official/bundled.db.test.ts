/**
 * The bundled real files as the harness imported them (`importBundledData`, once per backend), checked
 * against independent computations over the raw CSV: nothing lost, unlocated rows, stated 2016 areas,
 * time zone, FGJ victim collapsing; then re-imports (identical file, overlapping file).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { readBundled } from '../../reference/files/index.ts';
import { BUNDLED_CRIME_FILES } from '../bundled.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { importOfficialFile, type ImportReport } from './index.ts';

/** A deliberately simple parser for the SSC file: no field contains a comma, quotes only wrap fields. */
function sscRows() {
  const [head, ...lines] = readBundled('crime/ssc_crime_points_2013_2016.csv.gz')
    .split('\n')
    .filter((l) => l !== '');
  const cols = head.split(',').map((c) => c.replaceAll('"', ''));
  return lines.map(
    (l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v.replaceAll('"', '')])) as Record<string, string>,
  );
}
const ssc = sscRows();
const reverse = buildReverseGeocoder(loadBoundarySets());
const lookup2016 = new Map(
  readBundled('lookups/cuadrantes_sectores_2016.csv.gz')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map((l) => l.split(',').map((v) => v.replaceAll('"', '')))
    .map(([cuadrante, sector, cvegeo]) => [cuadrante, { sector, alcaldia: cvegeo.padStart(5, '0') }]),
);

const count = (n: unknown) => Number(n);

describeEachBackend('bundled official data', (getStore) => {
  let report: ImportReport;
  beforeAll(async () => {
    const row = await getStore()
      .db.selectFrom('imports')
      .select('report')
      .where('source', '=', 'ssc_points')
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    report = row.report as unknown as ImportReport;
  });

  it('SSC: every row is an incident, a non-crime or quarantined (nothing lost)', async () => {
    const { db } = getStore();
    expect(report.rows).toBe(ssc.length);
    expect(report.rows).toBe(
      report.incidents + report.quarantined + report.non_crimes + report.merged_rows + report.duplicate_rows,
    );
    const stored = await db
      .selectFrom('incidents')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source', '=', 'ssc_points')
      .executeTakeFirstOrThrow();
    expect(count(stored.n)).toBe(report.incidents);
    const quarantined = await db
      .selectFrom('quarantine')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('source', '=', 'ssc_points')
      .executeTakeFirstOrThrow();
    expect(count(quarantined.n)).toBe(report.quarantined);
    // The SSC file has unique ids, dates and labels on every row: all of it becomes incidents.
    expect(report.incidents).toBe(ssc.length);
  });

  it('SSC: per-label counts survive the import (C.V. and S.V. kept apart as violence)', async () => {
    const expected = new Map<string, number>();
    for (const r of ssc) expected.set(r.crime, (expected.get(r.crime) ?? 0) + 1);
    const rows = await getStore()
      .db.selectFrom('incidents')
      .select(['original_label', (eb) => eb.fn.countAll().as('n')])
      .where('source', '=', 'ssc_points')
      .groupBy('original_label')
      .execute();
    expect(new Map(rows.map((r) => [r.original_label, count(r.n)]))).toEqual(expected);
  });

  it('SSC: unlocated = rows with NA coordinates + rows outside the city, and they have no H3 cells', async () => {
    const na = ssc.filter((r) => r.lat === 'NA' || r.long === 'NA').length;
    const outside = ssc.filter(
      (r) => r.lat !== 'NA' && r.long !== 'NA' && !reverse.inCity(Number(r.lat), Number(r.long)),
    ).length;
    expect(na).toBe(1551);
    expect(report.unlocated).toBe(na + outside);
    const { db } = getStore();
    const rows = await db
      .selectFrom('incidents')
      .select(['location_precision', (eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.count('h3_8').as('with_h3')])
      .where('source', '=', 'ssc_points')
      .groupBy('location_precision')
      .execute();
    const byPrecision = Object.fromEntries(
      rows.map((r) => [r.location_precision, { n: count(r.n), h3: count(r.with_h3) }]),
    );
    expect(byPrecision.point).toEqual({ n: ssc.length - na - outside, h3: ssc.length - na - outside });
    const unplaced = Object.entries(byPrecision).filter(([k]) => k !== 'point');
    expect(unplaced.reduce((s, [, v]) => s + v.n, 0)).toBe(na + outside);
    expect(unplaced.every(([, v]) => v.h3 === 0)).toBe(true);
  });

  it('SSC: the stated 2016 cuadrante is kept, with its sector and alcaldía from the lookup', async () => {
    // Rows whose point lies outside the cuadrante they name, and rows without coordinates.
    const outsideOwn = ssc.filter(
      (r) =>
        r.lat !== 'NA' &&
        lookup2016.has(r.cuadrante) &&
        !reverse.contains('cuadrante', 2016, r.cuadrante, Number(r.lat), Number(r.long)),
    );
    const noPoint = ssc.filter((r) => r.lat === 'NA' && lookup2016.has(r.cuadrante));
    expect(outsideOwn.length).toBeGreaterThan(1000);
    const sample = [...outsideOwn.slice(0, 200), ...noPoint.slice(0, 50)];
    const rows = await getStore()
      .db.selectFrom('incidents')
      .select(['source_record_id', 'cuadrante_2016', 'sector_2016', 'alcaldia_2016', 'location_precision'])
      .where('source', '=', 'ssc_points')
      .where(
        'source_record_id',
        'in',
        sample.map((r) => r.id),
      )
      .execute();
    const byId = new Map(rows.map((r) => [r.source_record_id, r]));
    for (const r of sample) {
      const info = lookup2016.get(r.cuadrante)!;
      expect(byId.get(r.id), r.id).toMatchObject({
        cuadrante_2016: r.cuadrante,
        sector_2016: info.sector,
        alcaldia_2016: info.alcaldia,
      });
    }
    for (const r of noPoint.slice(0, 50)) expect(byId.get(r.id)?.location_precision).toBe('cuadrante');
  });

  it('SSC: rows whose cuadrante is "(NO ESPECIFICADO)" get no 2016 cuadrante or sector (as in the SSC monthly counts)', async () => {
    const unspecified = ssc.filter((r) => r.cuadrante === '(NO ESPECIFICADO)');
    expect(unspecified.length).toBe(1160);
    const rows = await getStore()
      .db.selectFrom('incidents')
      .select([
        (eb) => eb.fn.countAll().as('n'),
        (eb) => eb.fn.count('cuadrante_2016').as('c'),
        (eb) => eb.fn.count('sector_2016').as('s'),
      ])
      .where('source', '=', 'ssc_points')
      .where(
        'source_record_id',
        'in',
        unspecified.map((r) => r.id),
      )
      .executeTakeFirstOrThrow();
    expect([count(rows.n), count(rows.c), count(rows.s)]).toEqual([1160, 0, 0]);
  });

  it('SSC: dates are local; occurred_at follows Mexico City DST (CDT in July 2015, CST in January 2013)', async () => {
    const winter = ssc.find((r) => r.id === '1')!;
    const summer = ssc.find((r) => r.date.startsWith('2015-07-'))!;
    const rows = await getStore()
      .db.selectFrom('incidents')
      .select([
        'source_record_id',
        sql<string>`occurred_on::text`.as('day'),
        sql<string>`month::text`.as('month'),
        'hour',
        'occurred_at',
        'time_precision',
      ])
      .where('source', '=', 'ssc_points')
      .where('source_record_id', 'in', [winter.id, summer.id])
      .execute();
    const byId = new Map(rows.map((r) => [r.source_record_id, r]));
    const utc = (date: string, hhmm: string, offsetHours: number) => {
      const [y, m, d] = date.split('-').map(Number);
      const [h, mi] = hhmm.split(':').map(Number);
      return new Date(Date.UTC(y, m - 1, d, h + offsetHours, mi)).toISOString();
    };
    for (const [r, offset] of [
      [winter, 6],
      [summer, 5],
    ] as const) {
      const got = byId.get(r.id)!;
      expect(got.day).toBe(r.date);
      expect(got.month).toBe(`${r.date.slice(0, 7)}-01`);
      expect(got.hour).toBe(Number(r.hour.slice(0, 2)));
      expect(new Date(got.occurred_at!).toISOString()).toBe(utc(r.date, r.hour, offset));
      expect(got.time_precision).toBe('hour');
    }
  });

  it('FGJ víctimas: one incident per distinct (idCarpeta, Delito), victims = distinct rows', async () => {
    const [head, ...lines] = readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz')
      .split(/\r?\n/)
      .filter(Boolean);
    expect(head.startsWith('idCarpeta,')).toBe(true);
    // Fields before Delito (idCarpeta … Hora) never contain commas; Categoria follows Delito.
    const eligible = lines.filter((l) => {
      const f = l.split(',');
      return f[4] !== '' && !l.includes(',HECHO NO DELICTIVO,');
    });
    const incidentKeys = new Set(
      eligible.map((l) => {
        const f = l.split(',');
        const delito = l.startsWith(`${f[0]},${f[1]},${f[2]},${f[3]},${f[4]},${f[5]},"`) ? l.split('"')[1] : f[6];
        return `${f[0]}|${delito}`;
      }),
    );
    const { db } = getStore();
    const stored = await db
      .selectFrom('incidents')
      .select([(eb) => eb.fn.countAll().as('n'), (eb) => eb.fn.sum('victims').as('victims')])
      .where('source', '=', 'fgj_victimas')
      .executeTakeFirstOrThrow();
    expect(count(stored.n)).toBe(incidentKeys.size);
    expect(count(stored.victims)).toBe(new Set(eligible).size);
    const fgj = await db
      .selectFrom('imports')
      .select('report')
      .where('source', '=', 'fgj_victimas')
      .where('status', '=', 'done')
      .executeTakeFirstOrThrow();
    const r = fgj.report as unknown as ImportReport;
    expect(r.rows).toBe(lines.length);
    expect(r.non_crimes).toBe(lines.filter((l) => l.includes(',HECHO NO DELICTIVO,')).length);
    expect(r.quarantine_reasons).toEqual({ missing_date: lines.filter((l) => l.split(',')[4] === '').length });
    expect(r.duplicate_rows).toBe(eligible.length - new Set(eligible).size);
    expect(r.rows).toBe(r.incidents + r.merged_rows + r.duplicate_rows + r.quarantined + r.non_crimes);
  });

  it('re-importing an identical file changes nothing', async () => {
    const store = getStore();
    const snapshot = async () => ({
      incidents: (
        await store.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      quarantine: (
        await store.db
          .selectFrom('quarantine')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      imports: (
        await store.db
          .selectFrom('imports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
      version: (
        await store.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow()
      ).value,
    });
    const before = await snapshot();
    for (const f of BUNDLED_CRIME_FILES) {
      const again = await importOfficialFile(store, f.path, { format: f.format });
      expect(again.status).toBe('already_imported');
      expect(again.inserted).toBe(0);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a new export overlapping stored records inserts only the new ones and bumps the data version once', async () => {
    const store = getStore();
    const dir = mkdtempSync(join(tmpdir(), 'etl-overlap-'));
    try {
      const text = readBundled('crime/ssc_crime_points_2013_2016.csv.gz').split('\n');
      const fresh = '"N-1.1.18","VIOLACION",2016-09-30,"10:07",2016,9,19.5440795241155,-99.1247208081161,999999001';
      const file = join(dir, 'ssc_overlap.csv');
      writeFileSync(file, [...text.slice(0, 1001), fresh].join('\n') + '\n');
      const version = async () =>
        Number(
          (
            await store.db
              .selectFrom('meta')
              .select('value')
              .where('key', '=', 'data_version')
              .executeTakeFirstOrThrow()
          ).value,
        );
      const v0 = await version();
      const r = await importOfficialFile(store, file, { format: 'ssc_points' });
      expect([r.status, r.rows, r.incidents, r.inserted, r.already_present]).toEqual(['done', 1001, 1001, 1, 1000]);
      expect(await version()).toBe(v0 + 1);
      const added = await store.db
        .selectFrom('incidents')
        .select(['category', 'import_id'])
        .where('source_record_id', '=', '999999001')
        .executeTakeFirstOrThrow();
      expect(added).toEqual({ category: 'violacion', import_id: r.import_id });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
