/**
 * The incident writer on both backends: insert, upsert and retract batches, the stored area and H3
 * columns of real SSC rows against an independent placement (the reverse geocoder of `geo/areas` and
 * h3-js `latLngToCell` called here directly), one data-version bump per batch, and rollback.
 */
import { latLngToCell } from 'h3-js';
import { expect, it } from 'vitest';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { rawSscRows } from '../../tests/support/ssc-raw.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import type { Store } from '../connect.ts';
import { IncidentWriter } from './writer.ts';

const reverse = buildReverseGeocoder(loadBoundarySets());
const writer = new IncidentWriter(reverse);
const SOURCE = 'writer_test';

/** Real SSC rows with a point inside the city (the first 40 of the file, in file order). */
const rows = rawSscRows()
  .filter((r) => r.lat !== 'NA' && reverse.inCity(Number(r.lat), Number(r.long)))
  .slice(0, 40);

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

/** Both drivers may return a `date` column as a Date at UTC midnight. */
const dayOf = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
const dataVersion = async (store: Store) =>
  Number(
    (await store.db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirstOrThrow())
      .value,
  );
const stored = (store: Store) =>
  store.db.selectFrom('incidents').selectAll().where('source', '=', SOURCE).orderBy('source_record_id').execute();

describeEachBackend(
  'IncidentWriter',
  (getStore) => {
    it('inserts real rows with the areas and H3 cells the reverse geocoder and h3-js give for their points', async () => {
      const store = getStore();
      const before = await dataVersion(store);
      const result = await writer.write(store.db, { insert: rows.map((r) => incidentOf(r)) });
      expect(result.inserted).toBe(rows.length);
      expect(await dataVersion(store)).toBe(before + 1);
      const byId = new Map((await stored(store)).map((s) => [s.source_record_id, s]));
      for (const r of rows) {
        const lat = Number(r.lat);
        const lon = Number(r.long);
        const row = byId.get(r.id)!;
        expect(row).toMatchObject(reverse.locate(lat, lon));
        for (const res of [6, 7, 8, 9, 10, 11] as const) {
          expect(BigInt(row[`h3_${res}`]!)).toBe(BigInt(`0x${latLngToCell(lat, lon, res)}`));
        }
        expect(dayOf(row.month)).toBe(`${r.date.slice(0, 7)}-01`);
        expect(row).toMatchObject({ location_precision: 'point', lat, lon });
      }
      // inserting the same records again changes nothing and does not bump the version
      const again = await writer.write(store.db, {
        insert: rows.slice(0, 3).map((r) => incidentOf(r, { victims: 9 })),
      });
      expect(again).toMatchObject({ inserted: 0, changed: false });
      expect(again.ids).toEqual(rows.slice(0, 3).map((r) => String(byId.get(r.id)!.id)));
      expect(await dataVersion(store)).toBe(before + 1);
    });

    it('upserts by source and record id, and retracts; one version bump per batch', async () => {
      const store = getStore();
      const before = await dataVersion(store);
      const [a, b] = rows;
      // a colonia-level placement: coarse cells only (hand-written expectation: resolutions 6–8)
      const result = await writer.write(store.db, {
        upsert: [incidentOf(a!, { victims: 4, locationPrecision: 'colonia' })],
        retract: [{ source: SOURCE, sourceRecordId: b!.id }],
      });
      expect(result).toMatchObject({ upserted: 1, retracted: 1, changed: true });
      expect(await dataVersion(store)).toBe(before + 1);
      const rowsNow = await stored(store);
      expect(rowsNow.find((r) => r.source_record_id === b!.id)).toBeUndefined();
      const updated = rowsNow.find((r) => r.source_record_id === a!.id)!;
      expect(String(updated.id)).toBe(result.ids[0]);
      const [lat, lon] = [Number(a!.lat), Number(a!.long)];
      expect(updated).toMatchObject({
        victims: 4,
        location_precision: 'colonia',
        h3_9: null,
        h3_10: null,
        h3_11: null,
      });
      expect(BigInt(updated.h3_8!)).toBe(BigInt(`0x${latLngToCell(lat, lon, 8)}`));
    });

    it('stores the areas a source states over those of its point, and named areas where there is no point', async () => {
      const store = getStore();
      const [, , c, d] = rows;
      await writer.write(store.db, {
        insert: [
          incidentOf(c!, {
            sourceRecordId: 'stated',
            statedAreas: { cuadrante2016: null, sector2016: null, alcaldia2016: '09015' },
          }),
          incidentOf(d!, {
            sourceRecordId: 'named',
            point: null,
            placedAtPoint: false,
            locationPrecision: 'alcaldia',
            namedAreas: { alcaldia: '09007', colonia: null },
          }),
        ],
      });
      const all = await stored(store);
      const located = reverse.locate(Number(c!.lat), Number(c!.long));
      expect(all.find((r) => r.source_record_id === 'stated')).toMatchObject({
        ...located,
        cuadrante_2016: null,
        sector_2016: null,
        alcaldia_2016: '09015',
      });
      expect(all.find((r) => r.source_record_id === 'named')).toMatchObject({
        alcaldia_2016: '09007',
        alcaldia_2023: '09007',
        colonia: null,
        lat: null,
        h3_6: null,
      });
    });

    it('a batch that fails leaves nothing, not even a version bump', async () => {
      const store = getStore();
      const before = await dataVersion(store);
      const count = (await stored(store)).length;
      await expect(
        store.db.transaction().execute(async (trx) => {
          await writer.writeIn(trx, { insert: [incidentOf(rows[5]!, { sourceRecordId: 'doomed' })] });
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect((await stored(store)).length).toBe(count);
      expect(await dataVersion(store)).toBe(before);
    });

    it('bulk COPY path: one bump for the whole load, rollback leaves nothing', async () => {
      const store = getStore();
      const before = await dataVersion(store);
      const fresh = rows.slice(10, 30).map((r) => incidentOf(r, { source: 'writer_bulk' }));
      const written = await store.rawTransaction(async (tx) => {
        const load = writer.bulk(tx);
        expect((await load.storedRecordIds('writer_bulk')).size).toBe(0);
        fresh.slice(0, 10).forEach((x) => load.add(x));
        await load.flush();
        fresh.slice(10).forEach((x) => load.add(x));
        return load.commit();
      });
      expect(written).toBe(20);
      expect(await dataVersion(store)).toBe(before + 1);
      const bulkRows = await store.db
        .selectFrom('incidents')
        .select(['source_record_id', 'colonia', 'h3_11'])
        .where('source', '=', 'writer_bulk')
        .execute();
      expect(bulkRows.length).toBe(20);
      for (const row of bulkRows) {
        const r = rows.find((x) => x.id === row.source_record_id)!;
        expect(row.colonia).toBe(reverse.locate(Number(r.lat), Number(r.long)).colonia);
        expect(BigInt(row.h3_11!)).toBe(BigInt(`0x${latLngToCell(Number(r.lat), Number(r.long), 11)}`));
      }
      await expect(
        store.rawTransaction(async (tx) => {
          const load = writer.bulk(tx);
          load.add(incidentOf(rows[35]!, { source: 'writer_bulk_doomed' }));
          await load.commit();
          throw new Error('abort');
        }),
      ).rejects.toThrow('abort');
      expect(
        await store.db.selectFrom('incidents').select('id').where('source', '=', 'writer_bulk_doomed').execute(),
      ).toEqual([]);
      expect(await dataVersion(store)).toBe(before + 1);
    });
  },
  { contents: 'empty' },
);
