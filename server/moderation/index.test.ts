/**
 * Approving a report that could not be placed: refused with 409 `report_unplaced`
 * unless the moderator places it in the approve body. Expected areas come from the boundary files
 * read here (colonias.geojson: the colonia's alcaldía; turf point-in-polygon for the point), not
 * from the code under test.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { expect, it } from 'vitest';
import { readBundledJson } from '../../reference/files/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { insertReport, reportByFolio } from '../../db/queries/reports.ts';
import { newFolio } from '../../core/reports/index.ts';
import { describeApi, withBearer } from '../../tests/support/index.ts';

interface Feature {
  properties: Record<string, unknown>;
  geometry: Parameters<typeof booleanPointInPolygon>[1];
}
const colonias = readBundledJson<{ features: Feature[] }>('boundaries/colonias.geojson.gz').features;
const alcaldias = readBundledJson<{ features: Feature[] }>('boundaries/alcaldias.geojson.gz').features;
/** A Coyoacán colonia, straight from the file. */
const COLONIA = colonias.find((f) => f.properties.cve_col === '03-144')!;
/** The Zócalo: in Cuauhtémoc (09015), as every map of the city shows. */
const ZOCALO = { lat: 19.4326, lon: -99.1332 };

describeApi(
  'moderation of reports that could not be placed',
  (ctx) => {
    const moderator = async () =>
      withBearer(ctx().publicApp, await createToken(ctx().store, { role: 'moderador', name: 'mod' }));
    /** A chat message the geocoder could not place, queued as etl/chat queues it. */
    const queueUnplaced = async () => {
      const folio = newFolio();
      await insertReport(ctx().store, {
        folio,
        origin: 'chat',
        category: 'robo_transeunte',
        occurred_on: '2015-07-04',
        hour: 21,
        lat: null,
        lon: null,
        location_precision: 'none',
        location_text: null,
        alcaldia_id: null,
        colonia_id: null,
        description_raw: 'Asaltaron a una señora por la tienda de don Pepe',
        description_redacted: 'Asaltaron a una señora por la tienda de don Pepe',
        sender_hash: 'abc',
        chat_ref: folio,
        text_expires_at: null,
      });
      return folio;
    };
    const approve = async (folio: string, body?: unknown) => {
      const res = await (
        await moderator()
      ).request(`/api/moderation/reports/${folio}/approve`, {
        method: 'POST',
        ...(body === undefined
          ? {}
          : {
              headers: { 'content-type': 'application/json' },
              body: typeof body === 'string' ? body : JSON.stringify(body),
            }),
      });
      return { status: res.status, body: (await res.json()) as any };
    };
    const incidentCount = async () =>
      Number(
        (
          await ctx()
            .store.db.selectFrom('incidents')
            .select((e) => e.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const incident = (id: string) =>
      ctx()
        .store.db.selectFrom('incidents')
        .selectAll()
        .where('id', '=', id as never)
        .executeTakeFirstOrThrow();

    it('refuses to approve without a location: 409 report_unplaced, nothing counted, still pending', async () => {
      const folio = await queueUnplaced();
      const before = await incidentCount();
      const res = await approve(folio);
      expect([res.status, res.body.error.code]).toEqual([409, 'report_unplaced']);
      expect((await approve(folio, {})).body.error.code).toBe('report_unplaced');
      expect(await incidentCount()).toBe(before);
      expect((await reportByFolio(ctx().store, folio))?.status).toBe('pending');
    });

    it('rejects bad locations with clear codes and leaves the report pending', async () => {
      const folio = await queueUnplaced();
      const cases: [unknown, number, string][] = [
        [{ lat: 19.29, lon: -99.66 }, 400, 'outside_cdmx'], // Toluca
        [{ area: { kind: 'colonia', id: '99-999' } }, 404, 'unknown_area'],
        [{ area: { kind: 'cuadrante', id: 'P-1.3.8' } }, 400, 'invalid_body'],
        [{ lat: '19.4', lon: -99.1 }, 400, 'invalid_body'],
        [{ lat: 19.4 }, 400, 'invalid_body'],
        ['{"lat": 19.4,', 400, 'invalid_body'],
      ];
      for (const [body, status, code] of cases) {
        const res = await approve(folio, body);
        expect([res.status, res.body.error?.code], JSON.stringify(body)).toEqual([status, code]);
      }
      expect((await reportByFolio(ctx().store, folio))?.status).toBe('pending');
    });

    it('approves with a point from the moderator: counted at that point, in its alcaldía', async () => {
      const folio = await queueUnplaced();
      const res = await approve(folio, ZOCALO);
      expect(res.status).toBe(200);
      const row = await incident(res.body.incident_id);
      const holder = alcaldias.find((f) => booleanPointInPolygon([ZOCALO.lon, ZOCALO.lat], f.geometry))!;
      expect(row).toMatchObject({
        source_kind: 'chat',
        source_record_id: folio,
        location_precision: 'point',
        lat: ZOCALO.lat,
        lon: ZOCALO.lon,
        alcaldia_2023: holder.properties.cvegeo,
      });
      expect(row.h3_9).not.toBeNull();
    });

    it('approves with a colonia from the moderator: its alcaldía, a point inside it, coarse cells only', async () => {
      const folio = await queueUnplaced();
      const res = await approve(folio, { area: { kind: 'colonia', id: COLONIA.properties.cve_col } });
      expect(res.status).toBe(200);
      const row = await incident(res.body.incident_id);
      expect(row).toMatchObject({
        location_precision: 'colonia',
        colonia: COLONIA.properties.cve_col,
        alcaldia_2023: COLONIA.properties.cvegeo_alc,
      });
      expect(booleanPointInPolygon([Number(row.lon), Number(row.lat)], COLONIA.geometry)).toBe(true);
      expect(row.h3_8).not.toBeNull();
      expect(row.h3_9).toBeNull();
    });

    it('approves with an alcaldía from the moderator: counted in the alcaldía, no point', async () => {
      const folio = await queueUnplaced();
      const res = await approve(folio, { area: { kind: 'alcaldia', id: '09003' } });
      expect(res.status).toBe(200);
      const row = await incident(res.body.incident_id);
      expect(row).toMatchObject({
        location_precision: 'alcaldia',
        alcaldia_2023: '09003',
        lat: null,
        lon: null,
        h3_6: null,
      });
    });
  },
  { seed: false },
);
