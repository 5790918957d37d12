/**
 * /api/patrol on the full bundled import, both backends. Expected values from the raw SSC points
 * CSV (../shared/data): day of week by another route than the store's (Date.UTC → getUTCDay, Sunday
 * = 0, shifted so that lunes = 0), hour from the "HH:MM" text, cells from h3-js on the raw lat/long.
 */
import type { Hono } from 'hono';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { loadIntersections } from '../../reference/streets/index.ts';
import { loadTransit } from '../../reference/transit/index.ts';
import { expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createApp } from '../app.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { rawSscRows, ROBO_TRANSEUNTE, sectorLookup2016, type RawSscRow } from '../../tests/support/ssc-raw.ts';

/** The busiest named 2016 cuadrante of 2015 (191 points, counted from the CSV). */
const CUADRANTE = 'O-3.6.4';
const FROM = '2015-01-01';
const TO = '2016-01-01';

function dayMonday0(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return (new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7;
}

function hourOf(text: string): number | null {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  return m && Number(m[1]) < 24 && Number(m[2]) < 60 ? Number(m[1]) : null;
}

function expectedSheet(rows: readonly RawSscRow[], res: number) {
  const counts = Array.from({ length: 7 }, () => new Array(24).fill(0));
  let unknown = 0;
  const cells = new Map<string, number>();
  for (const r of rows) {
    const h = hourOf(r.hour);
    if (h === null) unknown++;
    else counts[dayMonday0(r.date)][h]++;
    if (r.lat !== 'NA' && r.long !== 'NA') {
      const cell = latLngToCell(Number(r.lat), Number(r.long), res);
      cells.set(cell, (cells.get(cell) ?? 0) + 1);
    }
  }
  const top = [...cells]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10)
    .map(([h3, count]) => ({ h3, res, count }));
  return { counts, unknown, top };
}

/** Haversine metres, written here (the route uses h3-js). */
function metres(aLat: number, aLon: number, bLat: number, bLon: number): number {
  const r = Math.PI / 180;
  const h =
    Math.sin(((bLat - aLat) * r) / 2) ** 2 +
    Math.cos(aLat * r) * Math.cos(bLat * r) * Math.sin(((bLon - aLon) * r) / 2) ** 2;
  return 2 * 6_371_008.8 * Math.asin(Math.sqrt(h));
}

/**
 * Each top cell is named "cerca de …" by the nearest Metro/Metrobús/Cablebús/Trolebús/Tren Ligero station of the
 * bundled transit extract or the nearest INEGI corner (the station when at most 150 m farther), found here by
 * brute force over the bundled files; never by its H3 id.
 */
function expectNamedByNearest(
  cells: Array<{ h3: string; place: { kind: string; name: string; label: string; distance_m: number } | null }>,
) {
  const systems = new Set(['metro', 'metrobus', 'cablebus', 'trolebus', 'tren_ligero']);
  const stations = loadTransit().stations.filter((s) => systems.has(s.system));
  const corners = loadIntersections();
  for (const cell of cells) {
    const [lat, lon] = cellToLatLng(cell.h3);
    const station = Math.min(...stations.map((s) => metres(lat, lon, s.lat, s.lon)));
    const corner = Math.min(...corners.map(([, , cLat, cLon]) => metres(lat, lon, cLat, cLon)));
    const expected = station <= corner + 150 ? { kind: 'station', d: station } : { kind: 'corner', d: corner };
    expect(cell.place, cell.h3).not.toBeNull();
    expect(cell.place!.kind, cell.h3).toBe(expected.kind);
    expect(Math.abs(cell.place!.distance_m - expected.d), cell.h3).toBeLessThan(2);
    expect(cell.place!.label).toBe(`cerca de ${cell.place!.name}`);
    expect(cell.place!.label).not.toContain(cell.h3);
    if (expected.kind === 'corner') expect(cell.place!.name).toMatch(/^\S.* y \S/);
  }
}

describeEachBackend('GET /api/patrol', (getStore) => {
  let publicApp: Hono;
  let admin: Hono;
  const rows = () => rawSscRows().filter((r) => r.cuadrante === CUADRANTE && r.date >= FROM && r.date < TO);
  const url = (extra = '') => `/api/patrol?cuadrante=${CUADRANTE}&vintage=2016&from=${FROM}&to=${TO}${extra}`;

  it('matches the raw CSV: day × hour table, unknown hours, top res-9 cells, categories', async () => {
    publicApp = createApp({ store: getStore() });
    admin = withBearer(publicApp, await createToken(getStore(), { role: 'admin', name: 'tests' }));
    const e = expectedSheet(rows(), 9);
    expect(rows()).toHaveLength(191);
    const { status, body } = await getJson(admin, url());
    expect(status).toBe(200);
    const info = sectorLookup2016().get(CUADRANTE)!;
    expect(body.cuadrante).toMatchObject({
      id: CUADRANTE,
      name: CUADRANTE,
      sector: info.sector,
      alcaldia_id: info.cvegeo,
    });
    expect(typeof body.cuadrante.alcaldia).toBe('string');
    expect(body.total).toBe(191);
    expect(body.heat.rows).toBe(7);
    expect(body.heat.cols).toBe(24);
    expect(body.heat.row_labels[0]).toBe('lunes');
    expect(body.heat.counts).toEqual(e.counts);
    expect(body.unknown_hour).toBe(e.unknown);
    expect(body.top_cells.map(({ h3, res, count }: any) => ({ h3, res, count }))).toEqual(e.top);
    expectNamedByNearest(body.top_cells);
    expect(body.res).toBe(9);
    const byCat = Object.fromEntries(body.by_category.map((c: any) => [c.category, c.count]));
    expect(byCat.robo_transeunte).toBe(rows().filter((r) => ROBO_TRANSEUNTE.has(r.crime)).length);
    expect(body.by_category.reduce((s: number, c: any) => s + c.count, 0)).toBe(191);
    // ordered busiest first
    const order = body.by_category.map((c: any) => c.count);
    expect(order).toEqual([...order].sort((a: number, b: number) => b - a));
  });

  it('category filter and res=10 top cells', async () => {
    const only = rows().filter((r) => ROBO_TRANSEUNTE.has(r.crime));
    const e = expectedSheet(only, 10);
    const { status, body } = await getJson(admin, url('&category=robo_transeunte&res=10'));
    expect(status).toBe(200);
    expect(body.total).toBe(only.length);
    expect(body.heat.counts).toEqual(e.counts);
    expect(body.top_cells.map(({ h3, res, count }: any) => ({ h3, res, count }))).toEqual(e.top);
  });

  it('detail access: admin, moderador, or mesa/enlace whose territory holds the cuadrante; else 403 forbidden', async () => {
    const store = getStore();
    const info = sectorLookup2016().get(CUADRANTE)!;
    const as = async (role: 'mesa' | 'enlace' | 'moderador', territory: string[]) =>
      withBearer(publicApp, await createToken(store, { role, name: `p-${role}`, territory }));
    const pub = await getJson(publicApp, url());
    expect(pub.status).toBe(403);
    expect(pub.body.error.code).toBe('forbidden');
    expect((await getJson(await as('moderador', []), url())).status).toBe(200);
    expect((await getJson(await as('enlace', [info.cvegeo]), url())).status).toBe(200);
    // a sector names its numbering: the cuadrante's 2016 sector, not the 2023 sector of that name, nor a bare name
    expect((await getJson(await as('mesa', [`2016:${info.sector}`]), url())).status).toBe(200);
    expect((await getJson(await as('mesa', [`2023:${info.sector}`]), url())).status).toBe(403);
    expect((await getJson(await as('mesa', [info.sector]), url())).status).toBe(403);
    const other = info.cvegeo === '09002' ? '09003' : '09002';
    const outside = await getJson(await as('mesa', [other]), url());
    expect(outside.status).toBe(403);
    expect(outside.body.error.code).toBe('forbidden');
    expect((await getJson(await as('enlace', ['OTRO SECTOR']), url())).status).toBe(403);
  });

  it('bad parameters: 400 with the catalogue code; unknown cuadrante 404', async () => {
    const code = async (u: string) => (await getJson(admin, u)).body.error?.code;
    expect(await code(url('&res=7'))).toBe('invalid_resolution');
    expect(await code(url('&res=11'))).toBe('invalid_resolution');
    expect(await code(url('&res=abc'))).toBe('invalid_resolution');
    expect(await code('/api/patrol?vintage=2016')).toBe('invalid_parameter');
    expect(await code('/api/patrol?cuadrante=Z-9.9.99&vintage=2016')).toBe('unknown_area');
    expect(await code(`/api/patrol?cuadrante=${CUADRANTE}&vintage=2016&from=2016-01-01&to=2015-01-01`)).toBe(
      'invalid_range',
    );
    expect(await code(`/api/patrol?cuadrante=${CUADRANTE}&vintage=1999`)).toBe('invalid_vintage');
  });
});
