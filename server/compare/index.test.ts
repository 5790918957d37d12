import { expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { loadCuadrante2016Population } from '../../reference/boundaries/index.ts';
import { describeApi, getJson, type SscRow } from '../../tests/support/index.ts';
import { countBy, rowsWhere } from '../../tests/support/expect.ts';
import { monthViolation } from '../../tests/support/published.ts';

const P1 = { from: '2015-05-01', to: '2015-06-01' };
const P2 = { from: '2015-06-01', to: '2015-07-01' };

describeApi('GET /api/compare', (ctx) => {
  function expectedFor(ids: string[], categories: string[]) {
    const { sample } = ctx();
    const c1 = countBy(rowsWhere(sample.rows, { ...P1, categories }), (r) => r.cuadrante);
    const c2 = countBy(rowsWhere(sample.rows, { ...P2, categories }), (r) => r.cuadrante);
    const population = loadCuadrante2016Population();
    return ids.map((id) => {
      const p1 = c1[id] ?? 0;
      const p2 = c2[id] ?? 0;
      const pop = population.get(id) ?? null;
      return {
        id,
        name: id,
        p1,
        p2,
        diff: p2 - p1,
        pct: p1 === 0 ? null : ((p2 - p1) / p1) * 100,
        population: pop,
        rate_p1: pop ? (p1 * 100_000) / pop : null,
        rate_p2: pop ? (p2 * 100_000) / pop : null,
      };
    });
  }

  it('gives p1, p2, diff, pct and rates per 100 000 for the requested 2016 cuadrantes, in the order asked', async () => {
    const { app, sample } = ctx();
    const counts = countBy(rowsWhere(sample.rows, { ...P1, categories: ['robo_transeunte'] }), (r) => r.cuadrante);
    const busiest = Object.entries(counts)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id);
    // and one cuadrante with no street robbery in p1: pct must be null
    const quiet = ctx()
      .sample.rows.map((r) => r.cuadrante)
      .find((id) => !counts[id])!;
    const ids = [...busiest.reverse(), quiet];
    const { status, body } = await getJson(
      app,
      `/api/compare?kind=cuadrante&vintage=2016&ids=${ids.join(',')}&p1=${P1.from}..${P1.to}&p2=${P2.from}..${P2.to}&category=robo_transeunte`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'cuadrante', vintage: 2016, category: 'robo_transeunte', p1: P1, p2: P2 });
    const expected = expectedFor(ids, ['robo_transeunte']);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    for (const [i, item] of body.items.entries()) {
      const e = expected[i];
      expect(item).toMatchObject({
        id: e.id,
        name: e.name,
        p1: e.p1,
        p2: e.p2,
        diff: e.diff,
        population: e.population,
      });
      for (const k of ['pct', 'rate_p1', 'rate_p2'] as const) {
        if (e[k] === null) expect(item[k]).toBeNull();
        else expect(item[k]).toBeCloseTo(e[k]!, 9);
      }
    }
    expect(body.items.at(-1).pct).toBeNull();
  });

  it('without ids lists every area of the kind and vintage (847 cuadrantes in 2016)', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(
      app,
      `/api/compare?kind=cuadrante&vintage=2016&p1=${P1.from}..${P1.to}&p2=${P2.from}..${P2.to}`,
    );
    expect(body.items).toHaveLength(847);
    const total = (k: 'p1' | 'p2') => body.items.reduce((s: number, i: Record<string, number>) => s + i[k], 0);
    // every sample row names a 2016 cuadrante that is in the boundary set?  count those that are
    const known = new Set(body.items.map((i: { id: string }) => i.id));
    expect(total('p2')).toBe(rowsWhere(sample.rows, P2).filter((r) => known.has(r.cuadrante)).length);
  });

  it('rates are null where the population is unknown, and pct null where p1 is 0', async () => {
    const { app } = ctx();
    const { body } = await getJson(
      app,
      `/api/compare?kind=sector&vintage=2023&p1=2014-01-01..2014-02-01&p2=${P2.from}..${P2.to}`,
    );
    for (const item of body.items) {
      expect(item.p1).toBe(0); // no sample rows in 2014
      expect(item.pct).toBeNull();
      if (item.population === null) expect(item.rate_p2).toBeNull();
    }
  });

  it.each([
    ['kind=cuadrante&vintage=2016&ids=ZZ-1&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', 404, 'unknown_area'],
    ['vintage=2016&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', 400, 'invalid_kind'],
    ['kind=cuadrante&p2=2015-06-01..2015-07-01', 400, 'invalid_period'],
    ['kind=cuadrante&p1=2015-05-01&p2=2015-06-01..2015-07-01', 400, 'invalid_period'],
    ['kind=cuadrante&p1=2015-05-01..2015-02-30&p2=2015-06-01..2015-07-01', 400, 'invalid_period'],
    ['kind=cuadrante&p1=2015-06-01..2015-05-01&p2=2015-06-01..2015-07-01', 400, 'invalid_range'],
    ['kind=cuadrante&vintage=2010&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', 400, 'invalid_vintage'],
    ['kind=cuadrante&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01&category=nada', 400, 'invalid_category'],
    ['kind=cuadrante&ids=,&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01', 400, 'invalid_parameter'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(ctx().app, `/api/compare?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});

describeApi('GET /api/compare?kind=h3 (a set of H3 cells)', (ctx) => {
  const range = (p: { from: string; to: string }) => `${p.from}..${p.to}`;
  /** counts per res-8 cell, from the raw rows' own coordinates (rows whose point lies in the city) */
  function cellCounts(p: { from: string; to: string }, categories?: string[]): Record<string, number> {
    const { sample } = ctx();
    const located = rowsWhere(sample.rows, { ...p, categories }).filter((r) => sample.inCity.has(r.id));
    return countBy(located, (r: SscRow) => latLngToCell(Number(r.lat), Number(r.long), 8));
  }

  it('compares the requested cells period against period, in the order asked, with a population estimate for rates', async () => {
    const c1 = cellCounts(P1, ['robo_transeunte']);
    const c2 = cellCounts(P2, ['robo_transeunte']);
    const busiest = Object.entries(c1)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 3)
      .map(([id]) => id);
    // a cell with street robbery in p2 but none in p1: pct must be null
    const newInP2 = Object.keys(c2).find((id) => !c1[id])!;
    const ids = [...busiest.reverse(), newInP2];
    // ids are accepted in upper case too (h3 hex is case-insensitive); answers use lower case
    const { status, body } = await getJson(
      ctx().app,
      `/api/compare?kind=h3&ids=${ids.map((i) => i.toUpperCase()).join(',')}&p1=${range(P1)}&p2=${range(P2)}&category=robo_transeunte`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'h3', res: 8, category: 'robo_transeunte', p1: P1, p2: P2 });
    expect(body.vintage).toBeUndefined();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    for (const item of body.items) {
      const p1 = c1[item.id] ?? 0;
      const p2 = c2[item.id] ?? 0;
      expect(item).toMatchObject({ p1, p2, diff: p2 - p1 });
      if (p1 === 0) expect(item.pct).toBeNull();
      else expect(item.pct).toBeCloseTo((100 * (p2 - p1)) / p1, 9);
      // central cells are populated: the estimate is a positive whole number, and the rates follow from it
      expect(Number.isInteger(item.population) && item.population > 0).toBe(true);
      expect(item.rate_p2).toBeCloseTo((p2 * 100_000) / item.population, 9);
      expect(item.name).toMatch(/^Hexágono en .+, .+/);
    }
  });

  it('without ids lists every cell of the resolution with incidents in p1 or p2, adding up to the located rows', async () => {
    const c1 = cellCounts(P1);
    const c2 = cellCounts(P2);
    const { status, body } = await getJson(ctx().app, `/api/compare?kind=h3&res=8&p1=${range(P1)}&p2=${range(P2)}`);
    expect(status).toBe(200);
    const expectedIds = [...new Set([...Object.keys(c1), ...Object.keys(c2)])].sort();
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(expectedIds);
    for (const item of body.items) expect([item.p1, item.p2]).toEqual([c1[item.id] ?? 0, c2[item.id] ?? 0]);
  });

  it('public: resolution 8 at most, whole months, each cell-month published by the cell-key rules (never 1–2)', async () => {
    const { publicApp } = ctx();
    const c1 = cellCounts(P1, ['robo_transeunte']);
    const c2 = cellCounts(P2, ['robo_transeunte']);
    const ones = Object.keys(c1)
      .filter((id) => c1[id] === 1)
      .slice(0, 2);
    const ids = Object.keys(c1)
      .sort((a, b) => c1[b] - c1[a])
      .slice(0, 4)
      .concat(ones);
    expect(ones).toHaveLength(2);
    const { status, body } = await getJson(
      publicApp,
      `/api/compare?kind=h3&ids=${ids.join(',')}&p1=${range(P1)}&p2=${range(P2)}&category=robo_transeunte`,
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ access: 'public', min_count: 3 });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    // p1 and p2 are single months: each figure keeps the documented rules against the CSV's count
    for (const item of body.items) {
      expect(monthViolation(item.p1, c1[item.id] ?? 0, 3), `${item.id} p1`).toBeNull();
      expect(monthViolation(item.p2, c2[item.id] ?? 0, 3), `${item.id} p2`).toBeNull();
      expect([item.partial_p1, item.partial_p2]).toEqual([false, false]);
      expect(item.diff, item.id).toBe(item.p2 - item.p1);
    }
    // the cells with one incident never show it
    for (const id of ones) expect([0, 3]).toContain(body.items.find((i: { id: string }) => i.id === id).p1);
    // the same cell-month has the same figure on the map's hexagon endpoint
    const map = await getJson(publicApp, `/api/hotspots?res=8&from=${P1.from}&to=${P1.to}&category=robo_transeunte`);
    const onMap = new Map(map.body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]));
    for (const item of body.items) expect(onMap.get(item.id) ?? 0, item.id).toBe(item.p1);

    const fine = latLngToCell(19.4326, -99.1332, 9);
    expect(
      (await getJson(publicApp, `/api/compare?kind=h3&ids=${fine}&p1=${range(P1)}&p2=${range(P2)}`)).body.error.code,
    ).toBe('forbidden_resolution');
    expect(
      (await getJson(publicApp, `/api/compare?kind=h3&ids=${ids[0]}&p1=2015-05-02..2015-06-01&p2=${range(P2)}`)).body
        .error.code,
    ).toBe('month_aligned_required');
    expect(
      (
        await getJson(
          publicApp,
          `/api/compare?kind=h3&ids=${ids[0]}&p1=${range(P1)}&p2=${range(P2)}&category=secuestro`,
        )
      ).status,
    ).toBe(403);
    // the same fine cell is open to the admin
    expect((await getJson(ctx().app, `/api/compare?kind=h3&ids=${fine}&p1=${range(P1)}&p2=${range(P2)}`)).status).toBe(
      200,
    );
  });

  const zocalo8 = latLngToCell(19.4326, -99.1332, 8);
  const zocalo9 = latLngToCell(19.4326, -99.1332, 9);
  const guadalajara = latLngToCell(20.6767, -103.3475, 8);
  const coarse = latLngToCell(19.4326, -99.1332, 5);
  it.each([
    [`kind=h3&ids=zz123&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_cell'],
    [`kind=h3&ids=${zocalo8},${zocalo9}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_parameter'],
    [`kind=h3&res=9&ids=${zocalo8}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_parameter'],
    [`kind=h3&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_resolution'],
    [`kind=h3&res=12&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_resolution'],
    [`kind=h3&ids=${coarse}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 400, 'invalid_resolution'],
    [`kind=h3&ids=${guadalajara}&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01`, 404, 'unknown_area'],
    [`kind=h3&ids=${zocalo8}&p1=2015-05-01..2015-06-01`, 400, 'invalid_period'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(ctx().app, `/api/compare?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
