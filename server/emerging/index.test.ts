/**
 * /api/hotspots/emerging on the full bundled import, both backends. The inputs are rebuilt here
 * independently: each cell's monthly counts from the raw SSC points (h3-js on each row's own
 * coordinates, `monthlyByCell`), over the study area that `/api/hotspots/gistar` answers (checked
 * against the raw alcaldía polygons in server/gistar). The classification itself is
 * `emergingHotSpots`, tested against hand-worked examples in geo/stats/emerging; here it is run on
 * those independent inputs and the route must give the same cells, categories and month counts.
 * 2014-01 … 2015-12 holds SSC data only (FGJ Milpa Alta starts in 2016-01).
 */
import type { Hono } from 'hono';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { emergingHotSpots } from '../../geo/stats/index.ts';
import { createApp as createPublicApp } from '../app.ts';
import { createAdminApp as createApp, getJson } from '../../tests/support/index.ts';
import { SSC_LABELS } from '../../tests/support/expect.ts';
import { monthlyByCell } from '../../tests/support/ssc-raw.ts';
import { monthViolation } from '../../tests/support/published.ts';

const FROM = '2014-01-01';
const TO = '2016-01-01';
const MONTHS = Array.from(
  { length: 24 },
  (_, i) => `${2014 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

const HOT_LABELS: Record<string, string> = {
  new_hot_spot: 'Nuevo punto caliente',
  consecutive_hot_spot: 'Punto caliente consecutivo',
  intensifying_hot_spot: 'Punto caliente en aumento',
  persistent_hot_spot: 'Punto caliente persistente',
  diminishing_hot_spot: 'Punto caliente en disminución',
  sporadic_hot_spot: 'Punto caliente esporádico',
  oscillating_hot_spot: 'Punto caliente oscilante',
  historical_hot_spot: 'Punto caliente histórico',
};

describeEachBackend('GET /api/hotspots/emerging', (getStore) => {
  let app: Hono | undefined;
  const api = () => (app ??= createApp({ store: getStore() }));

  /** study area (from /api/hotspots/gistar) → dense raw monthly series */
  async function expected(res: number, category: string) {
    const area = (await getJson(api(), `/api/hotspots/gistar?res=${res}&from=${FROM}&to=${TO}`)).body.cells.map(
      (c: { h3: string }) => c.h3,
    );
    const labels = new Set(SSC_LABELS[category]);
    const raw = monthlyByCell(res, (r) => labels.has(r.crime) && r.date >= FROM && r.date < TO);
    const series = new Map<string, number[]>(
      area.map((cell: string) => [cell, MONTHS.map((m) => raw.get(cell)?.get(m) ?? 0)]),
    );
    return { series, cells: emergingHotSpots(series) };
  }

  it('classifies every city cell as the method does on the raw monthly counts (resolution 7, robo_vehiculo, 24 months)', async () => {
    const e = await expected(7, 'robo_vehiculo');
    const { status, body } = await getJson(
      api(),
      `/api/hotspots/emerging?res=7&from=${FROM}&to=${TO}&category=robo_vehiculo`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({
      res: 7,
      from: FROM,
      to: TO,
      category: 'robo_vehiculo',
      months: 24,
      study_cells: e.series.size,
    });
    const withPattern = e.cells.filter((c) => c.category !== 'no_pattern');
    expect(withPattern.length).toBeGreaterThan(5);
    const byCell = new Map(body.cells.map((c: { h3: string }) => [c.h3, c]));
    expect([...byCell.keys()].sort()).toEqual(withPattern.map((c) => c.h3).sort());
    for (const c of withPattern) {
      expect(byCell.get(c.h3), c.h3).toMatchObject({
        category: c.category,
        hot_months: c.hot_months,
        cold_months: c.cold_months,
        count: e.series.get(c.h3)!.reduce((a, b) => a + b, 0),
        trend: { s: c.trend.s, direction: c.trend.direction },
      });
    }
    const summary: Record<string, number> = {};
    for (const c of e.cells) summary[c.category] = (summary[c.category] ?? 0) + 1;
    for (const [k, n] of Object.entries(body.summary)) expect(n, k).toBe(summary[k] ?? 0);
    // the hot family is there, labelled in Spanish as Esri's Spanish edition words it
    const hot = body.cells.filter((c: { category: string }) => c.category.endsWith('_hot_spot'));
    expect(hot.length).toBeGreaterThan(0);
    for (const c of hot) expect(c.label, c.category).toBe(HOT_LABELS[c.category]);
  });

  it('the public analysis runs on the published monthly values of the map (never 1–2, within the noise bound) at resolution ≤ 8', async () => {
    const publicApp = createPublicApp({ store: getStore() });
    const raw = await expected(8, 'robo_transeunte');
    // the public monthly figure of every study cell, as the map publishes it month by month
    const series = new Map<string, number[]>([...raw.series.keys()].map((cell) => [cell, []]));
    for (const [i, m] of MONTHS.entries()) {
      const next = MONTHS[i + 1] ? `${MONTHS[i + 1]}-01` : TO;
      const month = await getJson(publicApp, `/api/hotspots?res=8&from=${m}-01&to=${next}&category=robo_transeunte`);
      expect(month.status).toBe(200);
      const figures = new Map<string, number>(
        month.body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]),
      );
      for (const [cell, values] of series) {
        const figure = figures.get(cell) ?? 0;
        expect(monthViolation(figure, raw.series.get(cell)![i], 3), `${cell} ${m}`).toBeNull();
        values.push(figure);
      }
    }
    const e = { cells: emergingHotSpots(series) };
    const { status, body } = await getJson(
      publicApp,
      `/api/hotspots/emerging?res=8&from=${FROM}&to=${TO}&category=robo_transeunte`,
    );
    expect(status).toBe(200);
    expect(body.access).toBe('public');
    const expectedCategories = new Map(
      e.cells.filter((c) => c.category !== 'no_pattern').map((c) => [c.h3, c.category]),
    );
    expect(new Map(body.cells.map((c: { h3: string; category: string }) => [c.h3, c.category]))).toEqual(
      expectedCategories,
    );
    expect((await getJson(publicApp, `/api/hotspots/emerging?res=9&from=${FROM}&to=${TO}`)).body.error.code).toBe(
      'forbidden_resolution',
    );
    expect(
      (await getJson(publicApp, `/api/hotspots/emerging?res=8&from=${FROM}&to=${TO}&category=secuestro`)).body.error
        .code,
    ).toBe('sensitive_category');
  });

  it.each([
    [`res=8&from=2014-01-15&to=${TO}`, 400, 'month_aligned_required'],
    [`res=8&from=${FROM}&to=2014-02-01`, 400, 'invalid_range'],
    [`res=8&to=${TO}`, 400, 'invalid_date'],
    [`res=11&from=${FROM}&to=${TO}`, 400, 'invalid_resolution'],
    [`from=${FROM}&to=${TO}`, 400, 'invalid_resolution'],
    [`res=8&from=${TO}&to=${FROM}`, 400, 'invalid_range'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(api(), `/api/hotspots/emerging?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
