/**
 * /api/hotspots/pai on the full bundled import, both backends. With `rank_by=count` everything is
 * recomputed here from the raw SSC points: each cell's training-month sum and test-month count
 * (h3-js on the rows' own coordinates), the top cells by count (ties by cell id), hits, total, the
 * cells' areas from h3-js `cellArea`, and PAI = (hits/total)/(hot spot area/city area) (Chainey,
 * Tompson & Uhlig 2008). The city is the study area `/api/hotspots/gistar` answers (checked against
 * the raw alcaldía polygons there). 2015 holds SSC data only.
 */
import { cellArea } from 'h3-js';
import type { Hono } from 'hono';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createApp as createPublicApp } from '../app.ts';
import { createAdminApp as createApp, getJson } from '../../tests/support/index.ts';
import { SSC_LABELS } from '../../tests/support/expect.ts';
import { monthlyByCell } from '../../tests/support/ssc-raw.ts';

describeEachBackend('GET /api/hotspots/pai', (getStore) => {
  let app: Hono | undefined;
  const api = () => (app ??= createApp({ store: getStore() }));

  it('back-tests the top 20 cells by count of the 3 months before each of 2015-10 … 2015-12, as computed from the raw points', async () => {
    const area: string[] = (
      await getJson(api(), '/api/hotspots/gistar?res=8&from=2015-01-01&to=2016-01-01')
    ).body.cells.map((c: { h3: string }) => c.h3);
    const labels = new Set(SSC_LABELS.robo_transeunte);
    const raw = monthlyByCell(8, (r) => labels.has(r.crime) && r.date >= '2015-07-01' && r.date < '2016-01-01');
    const count = (cell: string, month: string) => raw.get(cell)?.get(month) ?? 0;
    const cityKm2 = area.reduce((s, c) => s + cellArea(c, 'km2'), 0);
    const tests = [
      ['2015-10', ['2015-07', '2015-08', '2015-09']],
      ['2015-11', ['2015-08', '2015-09', '2015-10']],
      ['2015-12', ['2015-09', '2015-10', '2015-11']],
    ] as const;

    const { status, body } = await getJson(
      api(),
      '/api/hotspots/pai?res=8&month=2015-12&months=3&training=3&top=20&rank_by=count&category=robo_transeunte',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      res: 8,
      month: '2015-12',
      months: 3,
      training: 3,
      top: 20,
      rank_by: 'count',
      category: 'robo_transeunte',
    });
    expect(body.items.map((i: { month: string }) => i.month)).toEqual(tests.map(([m]) => m));
    const pais: number[] = [];
    for (const [i, [testMonth, training]] of tests.entries()) {
      const sum = (cell: string) => training.reduce((s, m) => s + count(cell, m), 0);
      const top = [...area].sort((a, b) => sum(b) - sum(a) || (a < b ? -1 : 1)).slice(0, 20);
      const hits = top.reduce((s, c) => s + count(c, testMonth), 0);
      const total = area.reduce((s, c) => s + count(c, testMonth), 0);
      const hotKm2 = top.reduce((s, c) => s + cellArea(c, 'km2'), 0);
      const pai = hits / total / (hotKm2 / cityKm2);
      pais.push(pai);
      const item = body.items[i];
      expect(item.cells).toEqual(top);
      expect(item).toMatchObject({ hits, total });
      expect(item.pai).toBeCloseTo(pai, 9);
      expect(item.hotspot_area_km2).toBeCloseTo(hotKm2, 6);
      expect(item.study_area_km2).toBeCloseTo(cityKm2, 6);
      expect(item.pai).toBeGreaterThan(1); // 20 of ~2,000 cells catch far more than their share of the city
    }
    expect(body.mean_pai).toBeCloseTo(pais.reduce((a, b) => a + b, 0) / pais.length, 9);
  });

  it('ranks by Gi* by default; the public gets resolution ≤ 8 only', async () => {
    const { body } = await getJson(api(), '/api/hotspots/pai?res=8&month=2015-12&category=robo_transeunte');
    expect(body).toMatchObject({ training: 3, top: 20, months: 1, rank_by: 'gistar' });
    const [item] = body.items;
    expect(item.cells).toHaveLength(20);
    expect(item.hits).toBeLessThanOrEqual(item.total);
    expect(item.pai).toBeCloseTo(item.hits / item.total / (item.hotspot_area_km2 / item.study_area_km2), 12);
    const publicApp = createPublicApp({ store: getStore() });
    expect((await getJson(publicApp, '/api/hotspots/pai?res=9&month=2015-12')).body.error.code).toBe(
      'forbidden_resolution',
    );
    const pub = await getJson(publicApp, '/api/hotspots/pai?res=8&month=2015-12');
    expect(pub.status).toBe(200);
    expect(pub.body.access).toBe('public');
  });

  it.each([
    ['res=8&month=2015-12&top=0', 400, 'invalid_parameter'],
    ['res=6&month=2015-12&top=999', 400, 'invalid_parameter'],
    ['res=8&month=2015-12&rank_by=azar', 400, 'invalid_parameter'],
    ['res=8&month=2015-12&training=0', 400, 'invalid_parameter'],
    ['res=8&month=2015-13', 400, 'invalid_date'],
    ['res=8', 400, 'invalid_date'],
    ['month=2015-12', 400, 'invalid_resolution'],
    ['res=8&month=2015-12&category=nada', 400, 'invalid_category'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(api(), `/api/hotspots/pai?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
