import { expect, it } from 'vitest';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { cellToLatLng } from 'h3-js';
import { describeApi, getJson } from '../../tests/support/index.ts';

/** XYZ tile holding a point (the slippy-map formula, written out here). */
function tileOf(lat: number, lon: number, z: number) {
  const n = 2 ** z;
  const x = Math.floor(((lon + 180) / 360) * n);
  const r = (lat * Math.PI) / 180;
  const y = Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n);
  return { x, y };
}

function decode(bytes: ArrayBuffer) {
  const tile = new VectorTile(new Pbf(new Uint8Array(bytes)));
  const layer = tile.layers.hotspots;
  const out: Record<string, number> = {};
  for (let i = 0; i < (layer?.length ?? 0); i++) {
    const f = layer.feature(i);
    out[String(f.properties.h3)] = Number(f.properties.count);
  }
  return {
    names: Object.keys(tile.layers),
    cells: out,
    types: layer ? [...Array(layer.length).keys()].map((i) => layer.feature(i).type) : [],
  };
}

describeApi('GET /api/tiles/hotspots/{z}/{x}/{y}.pbf', (ctx) => {
  it('holds the resolution-9 hexagons of a zoom-12 tile over the centre, with their whole-city counts', async () => {
    const { app } = ctx();
    const z = 12;
    const { x, y } = tileOf(19.4326, -99.1332, z); // Zócalo
    const res = await app.request(`/api/tiles/hotspots/${z}/${x}/${y}.pbf?from=2015-05-01&to=2015-08-01`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.mapbox-vector-tile');
    const tile = decode(await res.arrayBuffer());
    expect(tile.names).toEqual(['hotspots']);
    expect(tile.types.every((t) => t === 3)).toBe(true); // polygons

    const city = (await getJson(app, '/api/hotspots?res=9&from=2015-05-01&to=2015-08-01')).body.cells as {
      h3: string;
      count: number;
    }[];
    const all = Object.fromEntries(city.map((c) => [c.h3, c.count]));
    // every hexagon in the tile carries its full count, not just the part of it inside the tile
    expect(Object.keys(tile.cells).length).toBeGreaterThan(20);
    for (const [h3, count] of Object.entries(tile.cells)) expect(count, h3).toBe(all[h3]);
    // and every cell whose centre is inside the tile is there
    for (const c of city) {
      const [lat, lon] = cellToLatLng(c.h3);
      const t = tileOf(lat, lon, z);
      if (t.x === x && t.y === y) expect(tile.cells[c.h3], c.h3).toBe(c.count);
    }
  });

  it('applies the category filter', async () => {
    const { app } = ctx();
    const { x, y } = tileOf(19.4326, -99.1332, 11);
    const all = decode(await (await app.request(`/api/tiles/hotspots/11/${x}/${y}.pbf`)).arrayBuffer()).cells;
    const some = decode(
      await (await app.request(`/api/tiles/hotspots/11/${x}/${y}.pbf?category=homicidio_doloso`)).arrayBuffer(),
    ).cells;
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, b) => a + b, 0);
    expect(sum(some)).toBeGreaterThan(0);
    expect(sum(some)).toBeLessThan(sum(all));
  });

  it('answers an empty tile far from the city with an empty layer', async () => {
    const res = await ctx().app.request('/api/tiles/hotspots/10/0/0.pbf');
    expect(res.status).toBe(200);
    expect(Object.keys(decode(await res.arrayBuffer()).cells)).toHaveLength(0);
  });

  it.each([
    ['23/0/0.pbf', 'invalid_tile'],
    ['3/8/0.pbf', 'invalid_tile'],
    ['3/0/8.pbf', 'invalid_tile'],
    ['3/0/1.png', 'invalid_tile'],
    ['a/0/0.pbf', 'invalid_tile'],
    ['3/-1/0.pbf', 'invalid_tile'],
    ['3/0/0.pbf?from=2015-02-31', 'invalid_date'],
    ['3/0/0.pbf?category=zzz', 'invalid_category'],
  ])('%s → 400 %s', async (path, code) => {
    const res = await getJson(ctx().app, `/api/tiles/hotspots/${path}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
