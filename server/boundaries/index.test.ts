import { expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { readBundledJson } from '../../reference/files/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

type FC = {
  type: string;
  features: { properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } }[];
};
const idsOf = (fc: FC, key: string) => fc.features.map((f) => String(f.properties[key])).sort();

describeApi(
  'GET /api/boundaries/{kind}',
  (ctx) => {
    it.each([
      ['cuadrante', '2016', 'cuadrantes_2016', 'cuadrante', 847],
      ['cuadrante', '2023', 'cuadrantes', 'cuadrante', 847],
      ['sector', '2016', 'sectores_2016', 'sector', 72],
      ['alcaldia', '2023', 'alcaldias', 'cvegeo', 16],
    ])('%s %s: one simplified feature per area of the bundled file', async (kind, vintage, file, key, n) => {
      const { status, body, headers } = await getJson(ctx().app, `/api/boundaries/${kind}?vintage=${vintage}`);
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^application\/geo\+json/);
      const source = readBundledJson<FC>(`boundaries/${file}.geojson.gz`);
      expect(body.features).toHaveLength(n);
      expect(idsOf(body, 'id')).toEqual([...new Set(idsOf(source, key))]);
      for (const f of body.features) {
        expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
        expect(f.properties).toMatchObject({ kind, vintage: Number(vintage) });
      }
      // simplified: fewer vertices than the source
      const vertices = (fc: FC) => JSON.stringify(fc.features.map((f) => f.geometry.coordinates)).split('],[').length;
      expect(vertices(body)).toBeLessThan(vertices(source));
    });

    it('serves colonias (one set) for the default vintage, gzipped for clients that accept it', async () => {
      const { app } = ctx();
      const res = await app.request('/api/boundaries/colonia', { headers: { 'Accept-Encoding': 'gzip, br' } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-encoding')).toBe('gzip');
      const fc = JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8'));
      expect(fc.features).toHaveLength(1814);
      expect(fc.features.find((f: FC['features'][0]) => f.properties.id === '02-001').properties).toMatchObject({
        name: 'AGUILERA',
        alcaldia_id: '09002',
        population: 1957,
      });
    });

    it.each([
      ['/api/boundaries/estado', 'invalid_kind'],
      ['/api/boundaries/cuadrante?vintage=2019', 'invalid_vintage'],
    ])('%s → 400 %s', async (path, code) => {
      const res = await getJson(ctx().app, path);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    });
  },
  { seed: false },
);
