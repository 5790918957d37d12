import { expect, it } from 'vitest';
import { loadBoundarySets, loadCuadrante2016Population } from '../../reference/boundaries/index.ts';
import { describeApi, getJson } from '../../tests/support/index.ts';
import { countBy, rowsWhere } from '../../tests/support/expect.ts';

/** ids of the 2016 cuadrante boundary set */
const cuadrantes2016 = () =>
  new Set(
    loadBoundarySets()
      .find((s) => s.kind === 'cuadrante' && s.vintage === 2016)!
      .features.map((f) => f.id),
  );

const JUNE = { from: '2015-06-01', to: '2015-07-01' };
const MAY = { from: '2015-05-01', to: '2015-06-01' };

describeApi('GET /api/rank', (ctx) => {
  const byDescThenId = (a: [string, number], b: [string, number]) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1);

  it('by=count: the 2016 cuadrantes with most incidents in June 2015, ties by id', async () => {
    const { app, sample } = ctx();
    const { status, body } = await getJson(
      app,
      `/api/rank?kind=cuadrante&vintage=2016&from=${JUNE.from}&to=${JUNE.to}&limit=10`,
    );
    expect(status).toBe(200);
    const known = cuadrantes2016(); // the sample also names '(NO ESPECIFICADO)'
    const counts = countBy(
      rowsWhere(sample.rows, JUNE).filter((r) => known.has(r.cuadrante)),
      (r) => r.cuadrante,
    );
    const expected = Object.entries(counts).sort(byDescThenId).slice(0, 10);
    expect(body.items.map((i: { id: string; count: number }) => [i.id, i.count])).toEqual(expected);
    expect(body.items.map((i: { rank: number }) => i.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(body).toMatchObject({ by: 'count', limit: 10, total: 847, previous: MAY });
  });

  it('by=change: count minus the previous period of equal length (May), descending', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(
      app,
      `/api/rank?kind=cuadrante&vintage=2016&from=${JUNE.from}&to=${JUNE.to}&by=change&limit=5&category=robo_vehiculo`,
    );
    const june = countBy(rowsWhere(sample.rows, { ...JUNE, categories: ['robo_vehiculo'] }), (r) => r.cuadrante);
    const may = countBy(rowsWhere(sample.rows, { ...MAY, categories: ['robo_vehiculo'] }), (r) => r.cuadrante);
    const known = cuadrantes2016();
    const ids = new Set([...Object.keys(june), ...Object.keys(may)].filter((id) => known.has(id)));
    const expected = [...ids]
      .map((id): [string, number] => [id, (june[id] ?? 0) - (may[id] ?? 0)])
      .sort(byDescThenId)
      .slice(0, 5);
    expect(body.items.map((i: { id: string; diff: number }) => [i.id, i.diff])).toEqual(expected);
    for (const i of body.items) expect(i.count - i.previous).toBe(i.diff);
  });

  it('by=rate: incidents per 100 000 residents of the 2016 population', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(
      app,
      `/api/rank?kind=cuadrante&vintage=2016&from=${JUNE.from}&to=${JUNE.to}&by=rate&limit=5`,
    );
    const population = loadCuadrante2016Population();
    const counts = countBy(rowsWhere(sample.rows, JUNE), (r) => r.cuadrante);
    const expected = Object.entries(counts)
      .filter(([id]) => population.get(id))
      .map(([id, n]): [string, number] => [id, (n * 100_000) / population.get(id)!])
      .sort(byDescThenId)
      .slice(0, 5);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(expected.map(([id]) => id));
    body.items.forEach((i: { rate: number }, k: number) => expect(i.rate).toBeCloseTo(expected[k][1], 9));
  });

  it('defaults to 20 items and accepts up to 2000', async () => {
    const { app } = ctx();
    expect((await getJson(app, `/api/rank?kind=alcaldia&from=${JUNE.from}&to=${JUNE.to}`)).body.items).toHaveLength(16);
    expect((await getJson(app, `/api/rank?kind=colonia&from=${JUNE.from}&to=${JUNE.to}`)).body.items).toHaveLength(20);
    expect(
      (await getJson(app, `/api/rank?kind=colonia&from=${JUNE.from}&to=${JUNE.to}&limit=2000`)).body.items,
    ).toHaveLength(1814);
  });

  it('public, a sensitive category: by alcaldía with the first withheld month and the delay; finer kinds refused', async () => {
    const { publicApp, app } = ctx();
    // the data's last day: the public sees only its month, an admin the day
    const dataUntil: string = (await getJson(app, '/api/health')).body.data_until;
    // independent of server/policy: the months that ended at least 30 days before the data's last date are released
    const cutoff = new Date(Date.parse(`${dataUntil.slice(0, 10)}T00:00:00Z`) - 30 * 86_400_000);
    const dayAfter = new Date(cutoff.getTime() + 86_400_000);
    const firstWithheld =
      dayAfter.getUTCDate() === 1 ? dayAfter.toISOString().slice(0, 7) : cutoff.toISOString().slice(0, 7);
    const res = await getJson(
      publicApp,
      `/api/rank?kind=alcaldia&category=violacion&from=${JUNE.from}&to=${JUNE.to}&limit=2000`,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ access: 'public', embargo_from: firstWithheld, sensitive_delay_days: 30 });
    expect(res.body.items).toHaveLength(16);
    const plain = await getJson(
      publicApp,
      `/api/rank?kind=alcaldia&category=robo_transeunte&from=${JUNE.from}&to=${JUNE.to}`,
    );
    expect(plain.body).not.toHaveProperty('embargo_from');
    const finer = await getJson(publicApp, `/api/rank?kind=colonia&category=violacion&from=${JUNE.from}&to=${JUNE.to}`);
    expect(finer.status).toBe(403);
    expect(finer.body.error.code).toBe('sensitive_category');
  });

  it.each([
    ['kind=cuadrante&to=2015-07-01', 'invalid_date'],
    ['kind=cuadrante&from=2015-06-01', 'invalid_date'],
    ['kind=cuadrante&from=2015-07-01&to=2015-06-01', 'invalid_range'],
    ['from=2015-06-01&to=2015-07-01', 'invalid_kind'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&by=tasa', 'invalid_parameter'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&limit=0', 'invalid_parameter'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&limit=2001', 'invalid_parameter'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&limit=-3', 'invalid_parameter'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&vintage=16', 'invalid_vintage'],
    ['kind=cuadrante&from=2015-06-01&to=2015-07-01&category=robo_,', 'invalid_category'],
  ])('?%s → 400 %s', async (query, code) => {
    const res = await getJson(ctx().app, `/api/rank?${query}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});

import { describe } from 'vitest';
import { previousPeriod } from './index.ts';

describe('previousPeriod', () => {
  it('steps back whole months for month-aligned ranges, days otherwise', () => {
    expect(previousPeriod('2015-06-01', '2015-07-01')).toEqual({ from: '2015-05-01', to: '2015-06-01' });
    expect(previousPeriod('2015-01-01', '2015-04-01')).toEqual({ from: '2014-10-01', to: '2015-01-01' });
    expect(previousPeriod('2016-03-01', '2017-03-01')).toEqual({ from: '2015-03-01', to: '2016-03-01' });
    expect(previousPeriod('2015-06-10', '2015-06-17')).toEqual({ from: '2015-06-03', to: '2015-06-10' });
  });
});
