import { gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { loadTransit } from '../../reference/transit/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';

type Feature = { geometry: { type: string; coordinates: number[] | number[][] }; properties: Record<string, unknown> };

describeApi(
  'GET /api/transit',
  (ctx) => {
    it('serves the lines and stations of the five city systems as GeoJSON, public and cacheable', async () => {
      const { status, body, headers } = await getJson(ctx().publicApp, '/api/transit');
      expect(status).toBe(200);
      expect(headers.get('content-type')).toMatch(/^application\/geo\+json/);
      expect(headers.get('cache-control')).toContain('public');
      const features = body.features as Feature[];
      // every Metro station of the bundled extract is a point with its name (counted from the extract file)
      const metro = loadTransit().stations.filter((s) => s.system === 'metro');
      const points = features.filter((f) => f.geometry.type === 'Point' && f.properties.system === 'metro');
      expect(points.map((f) => f.properties.name).sort()).toEqual(metro.map((s) => s.name).sort());
      // no bus stops and no commuter rail on the map
      expect(
        features.some((f) =>
          ['rtp', 'corredor', 'pumabus', 'suburbano', 'interurbano'].includes(String(f.properties.system)),
        ),
      ).toBe(false);
      const line12 = features.find(
        (f) => f.geometry.type === 'LineString' && f.properties.system === 'metro' && f.properties.line === '12',
      );
      expect(line12?.properties.color).toBe('#B99E51'); // routes.txt: CMX020L12 … B99E51
    });

    it('is gzipped for clients that accept it', async () => {
      const res = await ctx().publicApp.request('/api/transit', { headers: { 'Accept-Encoding': 'gzip' } });
      expect(res.headers.get('content-encoding')).toBe('gzip');
      expect(JSON.parse(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).type).toBe(
        'FeatureCollection',
      );
    });
  },
  { seed: false },
);
