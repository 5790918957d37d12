import { expect, it } from 'vitest';
import { loadCuadrante2016Population } from '../../etl/boundaries/index.ts';
import { describeApi, getJson } from '../testing/index.ts';
import { countBy, rowsWhere } from '../testing/expect.ts';

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
        id, name: id, p1, p2, diff: p2 - p1,
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
    const busiest = Object.entries(counts).sort((a, b) => b[1] - a[1]).slice(0, 3).map(([id]) => id);
    // and one cuadrante with no street robbery in p1: pct must be null
    const quiet = ctx().sample.rows.map((r) => r.cuadrante).find((id) => !counts[id])!;
    const ids = [...busiest.reverse(), quiet];
    const { status, body } = await getJson(app, `/api/compare?kind=cuadrante&vintage=2016&ids=${ids.join(',')}&p1=${P1.from}..${P1.to}&p2=${P2.from}..${P2.to}&category=robo_transeunte`);
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'cuadrante', vintage: 2016, category: 'robo_transeunte', p1: P1, p2: P2 });
    const expected = expectedFor(ids, ['robo_transeunte']);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    for (const [i, item] of body.items.entries()) {
      const e = expected[i];
      expect(item).toMatchObject({ id: e.id, name: e.name, p1: e.p1, p2: e.p2, diff: e.diff, population: e.population });
      for (const k of ['pct', 'rate_p1', 'rate_p2'] as const) {
        if (e[k] === null) expect(item[k]).toBeNull();
        else expect(item[k]).toBeCloseTo(e[k]!, 9);
      }
    }
    expect(body.items.at(-1).pct).toBeNull();
  });

  it('without ids lists every area of the kind and vintage (847 cuadrantes in 2016)', async () => {
    const { app, sample } = ctx();
    const { body } = await getJson(app, `/api/compare?kind=cuadrante&vintage=2016&p1=${P1.from}..${P1.to}&p2=${P2.from}..${P2.to}`);
    expect(body.items).toHaveLength(847);
    const total = (k: 'p1' | 'p2') => body.items.reduce((s: number, i: Record<string, number>) => s + i[k], 0);
    // every sample row names a 2016 cuadrante that is in the boundary set?  count those that are
    const known = new Set(body.items.map((i: { id: string }) => i.id));
    expect(total('p2')).toBe(rowsWhere(sample.rows, P2).filter((r) => known.has(r.cuadrante)).length);
  });

  it('rates are null where the population is unknown, and pct null where p1 is 0', async () => {
    const { app } = ctx();
    const { body } = await getJson(app, `/api/compare?kind=sector&vintage=2023&p1=2014-01-01..2014-02-01&p2=${P2.from}..${P2.to}`);
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
