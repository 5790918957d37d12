import { expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { countBy, rowsWhere } from '../../tests/support/expect.ts';

const JUNE = { from: '2015-06-01', to: '2015-07-01' };

describeApi('GET /api/hotspots', (ctx) => {
  it('counts each res-8 cell exactly as the SSC rows of that month and category located in the city', async () => {
    const { app, sample } = ctx();
    const { status, body } = await getJson(
      app,
      `/api/hotspots?res=8&from=${JUNE.from}&to=${JUNE.to}&category=robo_transeunte`,
    );
    expect(status).toBe(200);
    const rows = rowsWhere(sample.rows, { ...JUNE, categories: ['robo_transeunte'] }).filter((r) =>
      sample.inCity.has(r.id),
    );
    expect(rows.length).toBeGreaterThan(100);
    const expected = countBy(rows, (r) => latLngToCell(Number(r.lat), Number(r.long), 8));
    const got = Object.fromEntries(body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]));
    expect(got).toEqual(expected);
    expect(body.cells.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(rows.length);
    expect(body).toMatchObject({ res: 8, from: JUNE.from, to: JUNE.to, category: 'robo_transeunte' });
  });

  it('expands a group id to its categories (robo_transporte_publico = metro + microbús + taxi)', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(
      app,
      `/api/hotspots?res=6&from=2015-05-01&to=2015-08-01&category=robo_transporte_publico`,
    );
    const rows = rowsWhere(sample.rows, {
      from: '2015-05-01',
      to: '2015-08-01',
      categories: ['robo_metro', 'robo_microbus', 'robo_taxi'],
    }).filter((r) => sample.inCity.has(r.id));
    expect(Object.fromEntries(body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]))).toEqual(
      countBy(rows, (r) => latLngToCell(Number(r.lat), Number(r.long), 6)),
    );
  });

  it('without filters counts every located incident, at every resolution', async () => {
    const { app, sample } = ctx();
    for (const res of [6, 11]) {
      const { body } = await getJson(app, `/api/hotspots?res=${res}`);
      expect(body.cells.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(sample.inCity.size);
      for (const c of body.cells.slice(0, 20)) expect(c.h3).toMatch(/^[0-9a-f]{15}$/);
    }
  });

  it('treats from/to as half-open [from, to)', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(app, `/api/hotspots?res=7&from=2015-06-15&to=2015-06-16`);
    const rows = sample.rows.filter((r) => r.date === '2015-06-15' && sample.inCity.has(r.id));
    expect(body.cells.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(rows.length);
  });

  it.each([
    ['', 'invalid_resolution'],
    ['res=5', 'invalid_resolution'],
    ['res=12', 'invalid_resolution'],
    ['res=8.5', 'invalid_resolution'],
    ['res=ocho', 'invalid_resolution'],
    ['res=8&from=2015-02-29', 'invalid_date'],
    ['res=8&from=2015-6-01', 'invalid_date'],
    ['res=8&to=2015-06-01T00:00', 'invalid_date'],
    ['res=8&from=2015-07-01&to=2015-07-01', 'invalid_range'],
    ['res=8&from=2015-08-01&to=2015-07-01', 'invalid_range'],
    ['res=8&category=robo', 'ok'],
    ['res=8&category=robos', 'invalid_category'],
    ['res=8&category=robo_transeunte,,homicidio_doloso', 'invalid_category'],
  ])('?%s → %s', async (query, code) => {
    const { status, body, headers } = await getJson(ctx().app, `/api/hotspots?${query}`);
    if (code === 'ok') return expect(status).toBe(200);
    expect(status).toBe(400);
    expect(body).toEqual({ error: { code, message: expect.any(String) } });
    expect(headers.get('cache-control')).toBe('no-store');
  });
});

// --- the full bundled import -------------------------------------------
import { describe } from 'vitest';
import { parse } from 'csv-parse/sync';
import { bundledDataImported, describeEachBackend } from '../../tests/harness/stores.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { readBundled } from '../../reference/files/index.ts';
import { createAdminApp as createApp } from '../../tests/support/index.ts';
import type { SscRow } from '../../tests/support/index.ts';

if (bundledDataImported()) {
  describeEachBackend('GET /api/hotspots over the bundled import', (getStore) => {
    it('sums, for a month and category, to the SSC records of that month and category whose point lies in the city', async () => {
      const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
      const geocoder = buildReverseGeocoder(loadBoundarySets());
      const app = createApp({ store: getStore() });
      for (const [month, category] of [
        ['2014-03', 'robo_transeunte'],
        ['2016-01', 'homicidio_doloso'],
      ] as const) {
        const [from, to] = [`${month}-01`, month === '2014-03' ? '2014-04-01' : '2016-02-01'];
        const expected = rowsWhere(rows, { from, to, categories: [category] }).filter(
          (r) => r.lat !== 'NA' && geocoder.inCity(Number(r.lat), Number(r.long)),
        ).length;
        const { body } = await getJson(app, `/api/hotspots?res=8&from=${from}&to=${to}&category=${category}`);
        expect(expected).toBeGreaterThan(0);
        expect(body.cells.reduce((s: number, c: { count: number }) => s + c.count, 0)).toBe(expected);
      }
    });
  });
} else {
  describe.skip('GET /api/hotspots over the bundled import (no bundled import in this run)', () => {
    it('skipped', () => {});
  });
}
