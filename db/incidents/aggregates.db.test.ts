/**
 * The maintained aggregates (migration 014) on both backends, against GROUP BY over the raw
 * incidents written here independently (one statement per resolution or area column): after the
 * bundled import (the COPY path), after inserts, a correction that moves a row and a retraction
 * through the write port (the row path), after the same writes with the aggregates deferred to one
 * rebuild of the months touched (the sync's path), and after `aggregates rebuild` (the CLI) has
 * repaired a damaged table.
 */
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { rawSscRows } from '../../tests/support/ssc-raw.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { runCommand } from '../../cli/index.ts';
import type { Store } from '../connect.ts';
import { IncidentWriter } from './writer.ts';

const reverse = buildReverseGeocoder(loadBoundarySets());
const writer = new IncidentWriter(reverse);
const SOURCE = 'aggregates_test';

const RESOLUTIONS = [6, 7, 8, 9, 10, 11];
const AREA_COLUMNS = [
  'alcaldia_2016',
  'alcaldia_2023',
  'colonia',
  'cuadrante_2016',
  'sector_2016',
  'cuadrante_2023',
  'sector_2023',
];

/** Real SSC rows with a point inside the city (the first 30 of the file, in file order). */
const rows = rawSscRows()
  .filter((r) => r.lat !== 'NA' && reverse.inCity(Number(r.lat), Number(r.long)))
  .slice(0, 30);

/** A real row as a point-placed incident (hand-written mapping: every field but the point is fixed). */
function incidentOf(r: (typeof rows)[number], overrides: Partial<NormalisedIncident> = {}): NormalisedIncident {
  return {
    sourceKind: 'official',
    source: SOURCE,
    sourceRecordId: r.id,
    occurredOn: r.date,
    hour: null,
    occurredAt: null,
    timePrecision: 'date',
    category: 'robo_transeunte',
    violence: null,
    attempt: false,
    originalLabel: r.crime,
    victims: 1,
    point: { lat: Number(r.lat), lon: Number(r.long) },
    placedAtPoint: true,
    locationPrecision: 'point',
    provenance: null,
    ...overrides,
  };
}

/**
 * Groups that differ between the aggregate table and GROUP BY over the incidents (either side
 * missing, or another count or key sum), at most 5, plus how many groups the raw side has. One
 * transaction with room to hash: both sides hold every incident.
 */
async function differences(
  store: Store,
  aggregate: string,
  expected: string,
): Promise<{ diff: unknown[]; groups: number }> {
  const agg = `SELECT place::text AS place, month, category, source, source_kind, count::int AS count, key_sum::bigint AS key_sum FROM (${aggregate}) a`;
  const raw = `SELECT place::text AS place, month, category, source, source_kind, count::int AS count, key_sum::bigint AS key_sum FROM (${expected}) r`;
  return store.rawTransaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    const { rows: diff } = await tx.query(`(${agg} EXCEPT ${raw}) UNION ALL (${raw} EXCEPT ${agg}) LIMIT 5`);
    const { rows: n } = await tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM (${expected}) r`);
    return { diff, groups: Number(n[0]!.n) };
  });
}

/** Every resolution and area column of the aggregates equals GROUP BY over the raw incidents (of `source` only, when given). */
async function expectEqualToRaw(store: Store, source?: string): Promise<void> {
  const ofSource = source === undefined ? '' : ` AND source = '${source}'`;
  const levels = [
    ...RESOLUTIONS.map((res) => ({
      name: `res ${res}`,
      col: `h3_${res}`,
      aggregate: `SELECT cell AS place, * FROM cell_months WHERE res = ${res}${ofSource}`,
    })),
    ...AREA_COLUMNS.map((col) => ({
      name: col,
      col,
      aggregate: `SELECT area_id AS place, * FROM area_months WHERE layer = '${col}'${ofSource}`,
    })),
  ];
  for (const { name, col, aggregate } of levels) {
    const expected = `SELECT ${col} AS place, month, category, source, source_kind, count(*) AS count, sum(record_key) AS key_sum FROM incidents WHERE ${col} IS NOT NULL${ofSource} GROUP BY ${col}, month, category, source, source_kind`;
    const { diff, groups } = await differences(store, aggregate, expected);
    expect(diff, name).toEqual([]);
    expect(groups, name).toBeGreaterThan(0);
  }
}

/** Comparing every group of the full bundled import takes a while on the embedded backend. */
const WHOLE_STORE_MS = 300_000;

const dataVersion = async (store: Store) =>
  Number(
    (await store.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow())
      .value,
  );

/** The aggregate groups of this test's source: count per (res, cell, month, category). */
async function testGroups(store: Store) {
  const { rows: out } = await sql<{ res: number; cell: string; month: string; category: string; count: number }>`
    SELECT res, cell::text AS cell, to_char(month, 'YYYY-MM') AS month, category, count FROM cell_months WHERE source = ${SOURCE} ORDER BY 1, 2, 3, 4`.execute(
    store.db,
  );
  return out.map((r) => ({ ...r, res: Number(r.res), count: Number(r.count) }));
}

describeEachBackend('maintained aggregates', (getStore) => {
  it(
    'equal GROUP BY over the incidents after the bundled import (COPY path)',
    async () => {
      await expectEqualToRaw(getStore());
    },
    WHOLE_STORE_MS,
  );

  it('follow inserts, a correction that moves a row and a retraction through the write port, with one data-version bump per batch', async () => {
    const store = getStore();
    const v0 = await dataVersion(store);
    await writer.write(store.db, { insert: rows.map((r) => incidentOf(r)) });
    expect(await dataVersion(store)).toBe(v0 + 1);
    expect((await testGroups(store)).filter((g) => g.res === 6).reduce((s, g) => s + g.count, 0)).toBe(rows.length);

    // a correction: the first row moves to the second row's point, another month and category
    const [first, second, third] = rows;
    const moved = incidentOf(first!, {
      point: { lat: Number(second!.lat), lon: Number(second!.long) },
      occurredOn: '2001-02-03',
      category: 'homicidio',
    });
    await writer.write(store.db, { upsert: [moved], retract: [{ source: SOURCE, sourceRecordId: third!.id }] });
    expect(await dataVersion(store)).toBe(v0 + 2);
    const groups = await testGroups(store);
    // hand-checked expectation: one group for the moved row at each resolution, in February 2001
    expect(groups.filter((g) => g.month === '2001-02')).toEqual(
      RESOLUTIONS.map((res) => expect.objectContaining({ res, month: '2001-02', category: 'homicidio', count: 1 })),
    );
    expect(groups.filter((g) => g.res === 6).reduce((s, g) => s + g.count, 0)).toBe(rows.length - 1);
    // the write port only touches groups of the incidents' own source: compare those
    await expectEqualToRaw(store, SOURCE);

    // retracting everything leaves no group of the source behind (no zero rows)
    await writer.write(store.db, { retract: rows.map((r) => ({ source: SOURCE, sourceRecordId: r.id })) });
    expect(await testGroups(store)).toEqual([]);
    const { rows: zeros } = await sql<{
      n: number;
    }>`SELECT (SELECT count(*) FROM cell_months WHERE count <= 0) + (SELECT count(*) FROM area_months WHERE count <= 0) AS n`.execute(
      store.db,
    );
    expect(Number(zeros[0]!.n)).toBe(0);
  });

  it('follow the same writes when the caller defers them to one rebuild of the months touched (the sync)', async () => {
    const store = getStore();
    const touched = new Set<string>();
    const [first, second, third] = rows;
    await store.db.transaction().execute(async (trx) => {
      await writer.writeIn(trx, { insert: rows.map((r) => incidentOf(r)) }, { deferAggregatesTo: touched });
      const moved = incidentOf(first!, {
        point: { lat: Number(second!.lat), lon: Number(second!.long) },
        occurredOn: '2001-02-03',
        category: 'homicidio',
      });
      await writer.writeIn(
        trx,
        { upsert: [moved], retract: [{ source: SOURCE, sourceRecordId: third!.id }] },
        { deferAggregatesTo: touched },
      );
      await writer.rebuildMonthsIn(trx, touched);
    });
    // the months of the rows written and of the row moved away from its first month
    const expectedMonths = new Set([...rows.map((r) => `${r.date.slice(0, 7)}-01`), '2001-02-01']);
    expect([...touched].sort()).toEqual([...expectedMonths].sort());
    expect((await testGroups(store)).filter((g) => g.res === 6).reduce((s, g) => s + g.count, 0)).toBe(rows.length - 1);
    await expectEqualToRaw(store, SOURCE);
    await writer.write(store.db, { retract: rows.map((r) => ({ source: SOURCE, sourceRecordId: r.id })) });
    expect(await testGroups(store)).toEqual([]);
  });

  it(
    '`aggregates rebuild` repairs a damaged table and bumps the data version',
    async () => {
      const store = getStore();
      await sql`DELETE FROM cell_months WHERE res = 8 AND month = (SELECT min(month) FROM cell_months)`.execute(
        store.db,
      );
      await sql`UPDATE area_months SET count = count + 1 WHERE layer = 'colonia' AND area_id = (SELECT min(area_id) FROM area_months WHERE layer = 'colonia')`.execute(
        store.db,
      );
      await sql`INSERT INTO cell_months VALUES (9, 1, '1999-01-01', 'homicidio', 'nowhere', 'official', 3, 300)`.execute(
        store.db,
      );
      const v0 = await dataVersion(store);
      const out: string[] = [];
      const code = await runCommand(['aggregates', 'rebuild'], {
        store,
        io: { stdout: (s) => out.push(s), stderr: () => {} },
      });
      expect(code).toBe(0);
      const report = JSON.parse(out.join(''));
      expect(report.cellRows).toBeGreaterThan(0);
      expect(report.areaRows).toBeGreaterThan(0);
      expect(await dataVersion(store)).toBe(v0 + 1);
      await expectEqualToRaw(store);
    },
    WHOLE_STORE_MS,
  );
});
