import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { PMTiles, type RangeResponse, type Source } from 'pmtiles';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { cityBasemap } from '../../tests/support/pmtiles.ts';
import { BASEMAP_PATH, requestedRange } from './index.ts';

const dir = mkdtempSync(join(tmpdir(), 'mc-basemap-'));
const archive = join(dir, 'cdmx.pmtiles');
const { tiles } = cityBasemap(8, 11, archive);
const file = readFileSync(archive); // the bytes on disk, read apart from the server

it('requestedRange reads one bytes= range, a suffix, an open end; anything else is the whole file', () => {
  expect(requestedRange('bytes=0-126', 1000)).toEqual({ start: 0, end: 126 });
  expect(requestedRange('bytes=990-', 1000)).toEqual({ start: 990, end: 999 });
  expect(requestedRange('bytes=-10', 1000)).toEqual({ start: 990, end: 999 });
  expect(requestedRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
  expect(requestedRange('bytes=0-1,5-6', 1000)).toBeNull();
  expect(requestedRange('items=0-1', 1000)).toBeNull();
  expect(requestedRange(undefined, 1000)).toBeNull();
  expect(requestedRange('bytes=1000-', 1000)).toBe('unsatisfiable');
  expect(requestedRange('bytes=5-2', 1000)).toBe('unsatisfiable');
});

describeApi(
  'the street basemap (BASEMAP_PMTILES)',
  (ctx) => {
    const get = (headers: Record<string, string> = {}, method = 'GET') =>
      ctx().publicApp.request(BASEMAP_PATH, { method, headers });

    it('/api/basemap says where the archive is', async () => {
      const { status, body } = await getJson(ctx().publicApp, '/api/basemap');
      expect(status).toBe(200);
      expect(body).toEqual({ pmtiles: BASEMAP_PATH, attribution: expect.stringContaining('OpenStreetMap') });
    });

    it('serves byte ranges of the file: 206 with Content-Range, exactly the bytes on disk', async () => {
      const head = await get({ Range: 'bytes=0-126' });
      expect(head.status).toBe(206);
      expect(head.headers.get('content-range')).toBe(`bytes 0-126/${file.byteLength}`);
      expect(head.headers.get('accept-ranges')).toBe('bytes');
      expect(Buffer.from(await head.arrayBuffer()).equals(file.subarray(0, 127))).toBe(true);
      const tail = await get({ Range: 'bytes=-10' });
      expect(Buffer.from(await tail.arrayBuffer()).equals(file.subarray(file.byteLength - 10))).toBe(true);
    });

    it('without a range, or with an If-Range of another version: the whole file, 200', async () => {
      const variants: Record<string, string>[] = [{}, { Range: 'bytes=0-9', 'If-Range': '"another-version"' }];
      for (const headers of variants) {
        const res = await get(headers);
        expect(res.status).toBe(200);
        expect(res.headers.get('content-length')).toBe(String(file.byteLength));
        expect(Buffer.from(await res.arrayBuffer()).equals(file)).toBe(true);
      }
    });

    it('a range past the end: 416 range_not_satisfiable with the file size; HEAD has no body', async () => {
      const res = await get({ Range: `bytes=${file.byteLength}-` });
      expect(res.status).toBe(416);
      expect(res.headers.get('content-range')).toBe(`bytes */${file.byteLength}`);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('range_not_satisfiable');
      const head = await get({}, 'HEAD');
      expect([head.status, head.headers.get('content-length'), (await head.arrayBuffer()).byteLength]).toEqual([
        200,
        String(file.byteLength),
        0,
      ]);
    });

    it('the pmtiles reader, fetching its ranges from the server, reads back every tile written', async () => {
      const source: Source = {
        getKey: () => BASEMAP_PATH,
        async getBytes(offset, length): Promise<RangeResponse> {
          const res = await get({ Range: `bytes=${offset}-${offset + length - 1}` });
          return { data: await res.arrayBuffer() };
        },
      };
      const reader = new PMTiles(source);
      const header = await reader.getHeader();
      expect([header.minZoom, header.maxZoom, header.numAddressedTiles]).toEqual([8, 11, tiles.length]);
      for (const t of tiles) {
        const got = await reader.getZxy(t.z, t.x, t.y);
        expect(Buffer.from(got!.data).equals(Buffer.from(t.data)), `${t.z}/${t.x}/${t.y}`).toBe(true);
      }
      expect(((await reader.getMetadata()) as { vector_layers: { id: string }[] }).vector_layers[0]!.id).toBe('earth');
    });
  },
  { seed: false, app: { basemap: { pmtiles: archive } } },
);

describeApi(
  'without a basemap',
  (ctx) => {
    it('/api/basemap answers null and the archive path is a 404 not_found', async () => {
      expect((await getJson(ctx().publicApp, '/api/basemap')).body).toEqual({ pmtiles: null });
      const res = await ctx().publicApp.request(BASEMAP_PATH);
      expect(res.status).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('not_found');
    });
  },
  { seed: false, app: { basemap: { pmtiles: null } } },
);
