/**
 * /api/hotspots/gistar on the full bundled import, both backends. Checked independently: the study
 * area against the raw alcaldía polygons (turf point-in-polygon on each cell centre, and closure
 * under h3-js gridDisk), the counts against /api/hotspots, Gi* of single cells recomputed here from
 * the returned counts with the textbook formula (Ord & Getis 1995), p by numerical integration, and
 * the Benjamini–Hochberg decision redone here over all cells.
 */
import { bbox, booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { cellToLatLng, gridDisk } from 'h3-js';
import type { Hono } from 'hono';
import { beforeAll, expect, it } from 'vitest';
import { readBundledJson } from '../../reference/files/index.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createAdminApp as createApp } from '../../tests/support/index.ts';
import { getJson } from '../../tests/support/index.ts';

const QUERY = 'from=2016-01-01&to=2016-04-01&category=robo_transeunte';

interface Cell {
  h3: string;
  count: number;
  z: number;
  p: number;
  hot: boolean | null;
}

let alcaldias: { feature: Feature<Polygon | MultiPolygon>; box: number[] }[] | undefined;
const centreInCity = new Map<string, boolean>();
/** Whether the cell's centre lies in one of the raw alcaldía polygons (turf; bounding boxes first). */
function inCity(h3: string): boolean {
  alcaldias ??= readBundledJson<FeatureCollection<Polygon | MultiPolygon>>(
    'boundaries/alcaldias.geojson.gz',
  ).features.map((feature) => ({ feature, box: bbox(feature) }));
  let inside = centreInCity.get(h3);
  if (inside === undefined) {
    const [lat, lng] = cellToLatLng(h3);
    const pt = point([lng, lat]);
    inside = alcaldias.some(
      ({ feature, box }) =>
        lng >= box[0] && lat >= box[1] && lng <= box[2] && lat <= box[3] && booleanPointInPolygon(pt, feature),
    );
    centreInCity.set(h3, inside);
  }
  return inside;
}

/** Φ(x) − 1/2 = ∫₀ˣ φ, by composite Simpson's rule. */
function halfNormalIntegral(x: number): number {
  const steps = 4000;
  const h = x / steps;
  const phi = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let s = phi(0) + phi(x);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * phi(i * h);
  return (s * h) / 3;
}

/** Gi* of one cell from the textbook formula, with binary weights over its 1-ring inside the study area. */
function giStarByHand(cells: readonly Cell[], h3: string): number {
  const byCell = new Map(cells.map((c) => [c.h3, c.count]));
  const n = cells.length;
  const xs = cells.map((c) => c.count);
  const mean = xs.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / n - mean * mean);
  const ring = gridDisk(h3, 1).filter((c) => byCell.has(c));
  const w = ring.length;
  const local = ring.reduce((a, c) => a + byCell.get(c)!, 0);
  return (local - mean * w) / (s * Math.sqrt((n * w - w * w) / (n - 1)));
}

describeEachBackend('GET /api/hotspots/gistar', (getStore) => {
  let app: Hono | undefined;
  const api = () => (app ??= createApp({ store: getStore() }));
  let body: { res: number; outside: number; cells: Cell[] };
  let hotspots: { h3: string; count: number }[];

  beforeAll(async () => {
    const g = await getJson(api(), `/api/hotspots/gistar?res=8&${QUERY}`);
    expect(g.status).toBe(200);
    body = g.body;
    hotspots = (await getJson(api(), `/api/hotspots?res=8&${QUERY}`)).body.cells;
  });

  it('covers exactly the resolution-8 cells whose centre lies in the city, zero cells included', () => {
    expect(body).toMatchObject({ res: 8, from: '2016-01-01', to: '2016-04-01', category: 'robo_transeunte' });
    const ids = new Set(body.cells.map((c) => c.h3));
    expect(ids.size).toBe(body.cells.length);
    expect(body.cells.length).toBeGreaterThan(1000);
    for (const c of body.cells) expect(inCity(c.h3), c.h3).toBe(true);
    // closed under neighbourhood: no city cell next to a listed one is missing (the city is one piece)
    for (const c of body.cells) {
      for (const d of gridDisk(c.h3, 1)) if (!ids.has(d)) expect(inCity(d), `${d} next to ${c.h3}`).toBe(false);
    }
    const zeros = body.cells.filter((c) => c.count === 0).length;
    const withIncidents = hotspots.filter((h) => ids.has(h.h3)).length;
    expect(zeros).toBeGreaterThan(0);
    expect(zeros).toBe(body.cells.length - withIncidents);
  });

  it('counts are those of /api/hotspots; incidents in cells centred outside the city are reported as outside', () => {
    const ids = new Set(body.cells.map((c) => c.h3));
    const inside = hotspots.filter((h) => ids.has(h.h3));
    const byCell = new Map(inside.map((h) => [h.h3, h.count]));
    for (const c of body.cells) expect(c.count, c.h3).toBe(byCell.get(c.h3) ?? 0);
    const sum = (xs: { count: number }[]) => xs.reduce((a, x) => a + x.count, 0);
    expect(sum(body.cells)).toBe(sum(inside));
    expect(body.outside).toBe(sum(hotspots) - sum(inside));
    for (const h of hotspots) if (!ids.has(h.h3)) expect(inCity(h.h3), h.h3).toBe(false);
  });

  it('z and p of the busiest cell and of an edge cell match the textbook Gi*', () => {
    const busiest = body.cells.reduce((a, b) => (b.count > a.count ? b : a));
    const ids = new Set(body.cells.map((c) => c.h3));
    const edge = body.cells.find((c) => gridDisk(c.h3, 1).filter((d) => ids.has(d)).length <= 4)!;
    expect(edge).toBeDefined();
    for (const cell of [busiest, edge]) {
      const z = giStarByHand(body.cells, cell.h3);
      expect(cell.z, cell.h3).toBeCloseTo(z, 10);
      expect(cell.p, cell.h3).toBeCloseTo(2 * (0.5 - halfNormalIntegral(Math.abs(z))), 9);
    }
    expect(busiest.z).toBeGreaterThan(3);
    expect(busiest.hot).toBe(true);
  });

  it('hot follows Benjamini–Hochberg at 0.05 over all cells: true for significant z > 0, false for z < 0, else null', () => {
    const n = body.cells.length;
    const sorted = body.cells.map((c) => c.p).sort((a, b) => a - b);
    let cutoff = -1;
    for (let k = 1; k <= n; k++) if (sorted[k - 1] <= (k / n) * 0.05) cutoff = sorted[k - 1];
    expect(cutoff).toBeGreaterThan(0);
    for (const c of body.cells) {
      const significant = c.p <= cutoff;
      expect(c.hot, c.h3).toBe(significant ? c.z > 0 : null);
    }
    expect(body.cells.filter((c) => c.hot === true).length).toBeGreaterThan(10);
  });

  it('works at resolution 6 and 10, and answers 304 on If-None-Match', async () => {
    for (const res of [6, 10]) {
      const { status, body: b } = await getJson(api(), `/api/hotspots/gistar?res=${res}&${QUERY}`);
      expect(status).toBe(200);
      const total = (await getJson(api(), `/api/hotspots?res=${res}&${QUERY}`)).body.cells.reduce(
        (a: number, c: Cell) => a + c.count,
        0,
      );
      expect(b.cells.reduce((a: number, c: Cell) => a + c.count, 0) + b.outside).toBe(total);
    }
    const path = `/api/hotspots/gistar?res=6&${QUERY}`;
    const etag = (await api().request(path)).headers.get('etag')!;
    expect((await api().request(path, { headers: { 'If-None-Match': etag } })).status).toBe(304);
  });

  it.each([
    ['res=11', 400, 'invalid_resolution'],
    ['res=5', 400, 'invalid_resolution'],
    ['res=ocho', 400, 'invalid_resolution'],
    ['', 400, 'invalid_resolution'],
    ['res=8&from=2016-02-30', 400, 'invalid_date'],
    ['res=8&from=2016-04-01&to=2016-01-01', 400, 'invalid_range'],
    ['res=8&category=nada', 400, 'invalid_category'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(api(), `/api/hotspots/gistar?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
    if (query === 'res=11') expect(res.body.error.message).toMatch(/6 a 10/);
  });
});
