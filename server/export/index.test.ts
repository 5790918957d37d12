/**
 * Exports on the full bundled import, both backends: each file must hold exactly what its JSON
 * endpoint answers the same caller — CSV rows equal the JSON items (read back with csv-parse),
 * GeoJSON is well formed (closed rings, [lng, lat] inside the city's box) — and the public's files
 * carry the same public figures as the public JSON (cell-key: never 1 or 2, see docs/privacy.md).
 */
import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import { cellToBoundary, cellToLatLng } from 'h3-js';
import { expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { sourceMonths } from '../../tests/support/source-months.ts';
import { createApp } from '../app.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { monthViolation } from '../../tests/support/published.ts';
import { CATEGORY_IDS, SENSITIVE_CATEGORIES } from '../../core/taxonomy/index.ts';

/** the categories a public answer without a filter counts (docs/privacy.md: every non-sensitive one) */
const PUBLIC_CATEGORIES = CATEGORY_IDS.filter((c) => !(SENSITIVE_CATEGORIES as readonly string[]).includes(c));

type Row = Record<string, unknown>;

async function download(app: Hono, url: string) {
  const res = await app.request(url);
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    disposition: res.headers.get('content-disposition') ?? '',
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()),
  };
}

// ignoreBOM: keep the BOM in the text, to check it is there (Response.text() would drop it)

/** The CSV cells a JSON row must become: null → '', booleans and numbers as JS writes them. */
function asCells(row: Row): Record<string, string> {
  return Object.fromEntries(
    Object.entries(row).map(([k, v]) => [
      k,
      v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v),
    ]),
  );
}

function readCsv(text: string): Record<string, string>[] {
  expect(text.charCodeAt(0)).toBe(0xfeff); // BOM for spreadsheet programs
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

/** Every ring closed, every position [lng, lat] inside a box around Mexico City. */
function checkGeometry(g: { type: string; coordinates: any }): void {
  const polygons: number[][][][] =
    g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  expect(polygons.length, g.type).toBeGreaterThan(0);
  for (const rings of polygons) {
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      for (const [lng, lat] of ring) {
        expect(lng).toBeGreaterThan(-99.5);
        expect(lng).toBeLessThan(-98.8);
        expect(lat).toBeGreaterThan(19.0);
        expect(lat).toBeLessThan(19.7);
      }
    }
  }
}

const COMPARE =
  'kind=cuadrante&vintage=2016&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01&category=robo_transeunte';

describeEachBackend('GET /api/export/…', (getStore) => {
  let publicApp: Hono;
  let admin: Hono;

  it('compare.csv: one row per JSON item, same values; a Spanish attachment name', async () => {
    publicApp = createApp({ store: getStore() });
    admin = withBearer(publicApp, await createToken(getStore(), { role: 'admin', name: 'tests' }));
    const json = await getJson(admin, `/api/compare?${COMPARE}`);
    const csv = await download(admin, `/api/export/compare.csv?${COMPARE}`);
    expect(csv.status).toBe(200);
    expect(csv.type).toBe('text/csv; charset=utf-8');
    expect(csv.disposition).toBe(
      'attachment; filename="comparacion_cuadrante_2015-05-01_2015-06-01_vs_2015-06-01_2015-07-01.csv"',
    );
    const rows = readCsv(csv.text);
    expect(json.body.items.length).toBeGreaterThan(800);
    expect(rows).toEqual(json.body.items.map(asCells));
  });

  it('the public file holds the public figures: the JSON ones, never a count of 1 or 2 where the admin file has one', async () => {
    const json = await getJson(publicApp, `/api/compare?${COMPARE}`);
    expect(json.body.access).toBe('public');
    const rows = readCsv((await download(publicApp, `/api/export/compare.csv?${COMPARE}`)).text);
    expect(rows).toEqual(json.body.items.map(asCells));
    // one-month periods: each public figure is a published month (docs/privacy.md), checked against the admin's exact file
    const exact = new Map(
      readCsv((await download(admin, `/api/export/compare.csv?${COMPARE}`)).text).map((r) => [r.id, r]),
    );
    const small = rows.filter((r) => ['1', '2'].includes(exact.get(r.id)!.p2));
    expect(small.length).toBeGreaterThan(0);
    for (const r of rows) {
      for (const p of ['p1', 'p2'] as const) {
        expect(
          monthViolation(r[p] === '' ? null : Number(r[p]), Number(exact.get(r.id)![p]), 3),
          `${r.id} ${p}`,
        ).toBeNull();
      }
    }
    // so the public file differs from the admin's at every small count
    for (const r of small) expect(r.p2, r.id).not.toBe(exact.get(r.id)!.p2);
  });

  it('semaforo.geojson: every area with its boundary polygon, properties = the JSON item', async () => {
    const q = 'kind=sector&vintage=2016&month=2016-01&category=robo_transeunte';
    const json = await getJson(admin, `/api/semaforo?${q}`);
    const res = await download(admin, `/api/export/semaforo.geojson?${q}`);
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/geo+json; charset=utf-8');
    expect(res.disposition).toBe('attachment; filename="semaforo_sector_2016-01.geojson"');
    const fc = JSON.parse(res.text);
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.features.map((f: any) => f.properties)).toEqual(json.body.items);
    for (const f of fc.features) {
      expect(f.type).toBe('Feature');
      checkGeometry(f.geometry);
    }
  });

  it('compare.geojson with kind=h3: each cell as its hexagon, properties = the JSON item', async () => {
    const q = 'kind=h3&res=8&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01&category=robo_transeunte';
    const json = await getJson(admin, `/api/compare?${q}`);
    expect(json.body.items.length).toBeGreaterThan(10);
    const res = await download(admin, `/api/export/compare.geojson?${q}`);
    expect(res.status).toBe(200);
    expect(res.disposition).toBe(
      'attachment; filename="comparacion_h3_2015-05-01_2015-06-01_vs_2015-06-01_2015-07-01.geojson"',
    );
    const fc = JSON.parse(res.text);
    expect(fc.features.map((f: any) => f.properties)).toEqual(json.body.items);
    for (const f of fc.features) {
      checkGeometry(f.geometry);
      // the ring's vertices are h3-js's own, [lng, lat], closed
      const vertices = cellToBoundary(f.properties.id).map(([lat, lng]) => [lng, lat]);
      expect(f.geometry.coordinates[0]).toEqual([...vertices, vertices[0]]);
    }
  });

  it('emerging.csv and .geojson, pai.csv follow their JSON', async () => {
    const q = 'res=8&from=2015-01-01&to=2015-08-01&category=robo_transeunte';
    const json = await getJson(admin, `/api/hotspots/emerging?${q}`);
    expect(json.body.cells.length).toBeGreaterThan(0);
    const fc = JSON.parse((await download(admin, `/api/export/emerging.geojson?${q}`)).text);
    expect(fc.features.map((f: any) => f.properties.h3)).toEqual(json.body.cells.map((c: Row) => c.h3));
    expect(fc.features[0].properties).toMatchObject({
      category: json.body.cells[0].category,
      trend_s: json.body.cells[0].trend.s,
    });
    const csv = await download(admin, `/api/export/emerging.csv?${q}`);
    expect(csv.disposition).toBe('attachment; filename="puntos_emergentes_res8_2015-01-01_2015-08-01.csv"');
    const rows = parse(csv.text.replace(/^\ufeff/, ''), { columns: true }) as Row[];
    expect(rows.map((r) => r.category)).toEqual(json.body.cells.map((c: Row) => c.category));

    const pq = 'res=8&month=2015-07&months=2&rank_by=count&category=robo_transeunte';
    const pai = await getJson(admin, `/api/hotspots/pai?${pq}`);
    const paiRows = parse((await download(admin, `/api/export/pai.csv?${pq}`)).text.replace(/^\ufeff/, ''), {
      columns: true,
    }) as Row[];
    expect(paiRows.map((r) => [r.month, Number(r.hits), r.cells])).toEqual(
      pai.body.items.map((i: Row) => [i.month, i.hits, (i.cells as string[]).join(' ')]),
    );
  });

  it('hotspots.geojson (public, res 8): hexagon polygons around their cells, the same public figures as the JSON', async () => {
    const q = 'res=8&from=2015-06-01&to=2015-07-01';
    const json = await getJson(publicApp, `/api/hotspots?${q}`);
    const fc = JSON.parse((await download(publicApp, `/api/export/hotspots.geojson?${q}`)).text);
    expect(fc.features.map((f: any) => f.properties)).toEqual(json.body.cells);
    // one month: every figure keeps the rules against the admin's exact count (every category the public counts)
    const categories = 'category=' + PUBLIC_CATEGORIES.join(',');
    const exact = await getJson(admin, `/api/hotspots?${q}&${categories}`);
    const truth = new Map<string, number>(exact.body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]));
    expect([...truth.values()].some((n) => n > 0 && n < 3)).toBe(true);
    for (const c of json.body.cells as { h3: string; count: number | null }[])
      expect(monthViolation(c.count, truth.get(c.h3) ?? 0, 3), c.h3).toBeNull();
    for (const [h3, n] of truth)
      if (!json.body.cells.some((c: { h3: string }) => c.h3 === h3))
        expect(monthViolation(0, n, 3), `${h3} absent`).toBeNull();
    for (const f of fc.features) {
      checkGeometry(f.geometry);
      expect(f.geometry.coordinates[0]).toHaveLength(7); // 6 vertices + the closing one
      // the cell's centre is the mean of its vertices (to ~1e-3°), with lng first
      const [lat, lng] = cellToLatLng(f.properties.h3);
      const ring = f.geometry.coordinates[0].slice(0, 6);
      expect(Math.abs(ring.reduce((s: number, p: number[]) => s + p[0], 0) / 6 - lng)).toBeLessThan(1e-3);
      expect(Math.abs(ring.reduce((s: number, p: number[]) => s + p[1], 0) / 6 - lat)).toBeLessThan(1e-3);
    }
    const csv = readCsv((await download(publicApp, `/api/export/hotspots.csv?${q}`)).text);
    expect(csv).toEqual(json.body.cells.map(asCells));
  });

  it('gistar.csv and rank.geojson follow their JSON', async () => {
    const g = await getJson(admin, '/api/hotspots/gistar?res=7&from=2015-06-01&to=2015-07-01');
    expect(readCsv((await download(admin, '/api/export/gistar.csv?res=7&from=2015-06-01&to=2015-07-01')).text)).toEqual(
      g.body.cells.map(asCells),
    );
    const rq = 'kind=alcaldia&from=2015-06-01&to=2015-07-01&limit=5';
    const r = await getJson(admin, `/api/rank?${rq}`);
    const fc = JSON.parse((await download(admin, `/api/export/rank.geojson?${rq}`)).text);
    expect(fc.features.map((f: any) => f.properties)).toEqual(r.body.items);
    for (const f of fc.features) checkGeometry(f.geometry);
  });

  it('series.csv and patrol.csv / patrol.geojson', async () => {
    /** A month of the JSON series as series.csv writes it: fixed columns, empty cells for absent values. */
    const seriesCells = (p: Row) =>
      asCells({
        kind: 'cuadrante',
        id: 'C-1.1.1',
        name: 'C-1.1.1',
        period: p.period,
        count: p.count,
        coverage: p.coverage,
      });
    const sq = 'kind=cuadrante&id=C-1.1.1&vintage=2016&from=2015-01-01&to=2016-01-01';
    const s = await getJson(admin, '/api/areas/cuadrante/C-1.1.1/series?vintage=2016&from=2015-01-01&to=2016-01-01');
    const rows = readCsv((await download(admin, `/api/export/series.csv?${sq}`)).text);
    expect(rows).toEqual(s.body.series.map(seriesCells));
    expect(rows).toHaveLength(12);
    // a range running past every source's last month: those months carry coverage 'none' and an empty count
    const lq = 'kind=cuadrante&id=C-1.1.1&vintage=2016&from=2022-05-01&to=2022-09-01';
    const late = await getJson(admin, '/api/areas/cuadrante/C-1.1.1/series?vintage=2016&from=2022-05-01&to=2022-09-01');
    const lateRows = readCsv((await download(admin, `/api/export/series.csv?${lq}`)).text);
    expect(Object.keys(lateRows[0]!)).toEqual(['kind', 'id', 'name', 'period', 'count', 'coverage']);
    expect(lateRows).toEqual(late.body.series.map(seriesCells));
    // independently: the months after the last month any source holds in the store, FGJ's víctimas file
    // left out (it publishes Milpa Alta only; C-1.1.1 is in Cuauhtémoc)
    const lastHeld = (await sourceMonths(getStore()))
      .filter((m) => m.source !== 'fgj_victimas')
      .map((m) => m.last)
      .sort()
      .at(-1)!;
    const afterAll = ['2022-05', '2022-06', '2022-07', '2022-08'].filter((m) => m > lastHeld);
    expect(afterAll.length).toBeGreaterThan(0);
    expect(lateRows.filter((r) => r.coverage === 'none').map((r) => [r.period, r.count])).toEqual(
      afterAll.map((m) => [m, '']),
    );

    const pq = 'cuadrante=O-3.6.4&vintage=2016&from=2015-01-01&to=2016-01-01';
    const p = await getJson(admin, `/api/patrol?${pq}`);
    const heat = readCsv((await download(admin, `/api/export/patrol.csv?${pq}`)).text);
    expect(heat).toHaveLength(168);
    for (const r of heat) expect(Number(r.count)).toBe(p.body.heat.counts[Number(r.dow)][Number(r.hour)]);
    expect(heat[0]).toEqual({
      cuadrante: 'O-3.6.4',
      dow: '0',
      dia: 'lunes',
      hour: '0',
      count: String(p.body.heat.counts[0][0]),
    });
    const cells = JSON.parse((await download(admin, `/api/export/patrol.geojson?${pq}`)).text);
    expect(cells.features.map((f: any) => f.properties.h3)).toEqual(p.body.top_cells.map((c: Row) => c.h3));
    for (const f of cells.features) checkGeometry(f.geometry);
  });

  it('errors of the JSON endpoint pass through unchanged (400 validation, 403 policy, 404)', async () => {
    for (const [exp, src] of [
      ['/api/export/compare.csv?kind=cuadrante', '/api/compare?kind=cuadrante'],
      ['/api/export/hotspots.geojson?res=9', '/api/hotspots?res=9'], // public: res > 8 is forbidden
      ['/api/export/patrol.csv?cuadrante=O-3.6.4&vintage=2016', '/api/patrol?cuadrante=O-3.6.4&vintage=2016'],
      [
        '/api/export/semaforo.csv?kind=cuadrante&ids=ZZ-1&month=2016-01',
        '/api/semaforo?kind=cuadrante&ids=ZZ-1&month=2016-01',
      ],
    ]) {
      const a = await getJson(publicApp, exp);
      const b = await getJson(publicApp, src);
      expect(a.status, exp).toBeGreaterThanOrEqual(400);
      expect([a.status, a.body], exp).toEqual([b.status, b.body]);
    }
    expect((await getJson(publicApp, '/api/export/target-progress.csv?target=abc')).status).toBe(404);
    expect((await getJson(publicApp, '/api/export/series.csv?kind=cuadrante')).body.error.code).toBe(
      'invalid_parameter',
    );
    expect((await getJson(publicApp, '/api/export/nada.csv')).status).toBe(404);
  });

  it('target-progress.csv: the progress items of a target', async () => {
    const res = await admin.request('/api/targets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'meta',
        kind: 'sector',
        area_id: 'OASIS',
        vintage: 2016,
        category: 'robo_transeunte',
        baseline_from: '2015-01',
        baseline_to: '2016-01',
        reduction_pct: 25,
        due_month: '2016-06',
      }),
    });
    const { id } = (await res.json()) as { id: number };
    const p = await getJson(admin, `/api/targets/${id}/progress`);
    const csv = await download(admin, `/api/export/target-progress.csv?target=${id}`);
    expect(csv.disposition).toBe(`attachment; filename="meta_${id}_avance.csv"`);
    expect(readCsv(csv.text)).toEqual(p.body.items.map((i: Row) => asCells({ target_id: id, ...i })));
  });
});
