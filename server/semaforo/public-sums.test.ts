/**
 * The public semáforo sums its baseline in the database (`publicData.areaTotals`). The independent
 * check: the month-by-month computation — `stats.monthlyCountsByArea` per place and month, each month
 * published by `publishMonth`, the rule of geo/stats `semaforo` on the published values — on the
 * full bundled import, for whole-city tables and with an embargo inside the baseline.
 */
import { expect, it } from 'vitest';
import { addMonths, monthsBetween, semaforo, SEMAFORO_BASELINE_MONTHS } from '../../geo/stats/index.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createApp } from '../app.ts';
import { publicCategories, publishMonth, type PolicyOptions } from '../policy/index.ts';
import { createPublicData } from '../policy/public.ts';
import { coverageOf } from '../shared/months.ts';
import { describeCell } from '../shared/places.ts';
import type { PlaceLevel } from '../services/ports.ts';

// hand-picked requests: whole-city tables of three kinds, cells, and a sensitive category by alcaldía
// whose embargo (90 days before the data's end) falls inside the baseline and on the month itself
const cases: { level: PlaceLevel; query: string; month: string; category?: string }[] = [
  { level: { kind: 'colonia', vintage: 2016 }, query: 'kind=colonia&vintage=2016', month: '2016-06' },
  {
    level: { kind: 'cuadrante', vintage: 2023 },
    query: 'kind=cuadrante&vintage=2023',
    month: '2015-12',
    category: 'robo_transeunte',
  },
  { level: { kind: 'h3', res: 8 }, query: 'kind=h3&res=8', month: '2016-03', category: 'robo_vehiculo' },
  {
    level: { kind: 'alcaldia', vintage: 2016 },
    query: 'kind=alcaldia&vintage=2016',
    month: '2022-06',
    category: 'violacion',
  },
];
const options: PolicyOptions = { minCount: 3, disclosure: 'cell-key', sensitiveDelayDays: 90 };

describeEachBackend('public semáforo summed in the database', (getStore) => {
  it('equals the month-by-month publication of the same counts', async () => {
    const store = getStore();
    const app = createApp({ store, policy: options, cache: { maxEntries: 0 } });
    const { incidents, stats, published } = createRepositories(store);
    const publicData = createPublicData({ repo: incidents, stats, published, options });
    for (const c of cases) {
      const res = await app.request(
        `/api/semaforo?${c.query}&month=${c.month}${c.category ? `&category=${c.category}` : ''}`,
      );
      expect(res.status, c.query).toBe(200);
      const body = (await res.json()) as { items: { id: string }[] };

      const { categories, sensitive } = publicCategories(
        c.category ? [c.category] : null,
        c.level.kind === 'h3' ? 'hexagon' : c.level.kind,
      );
      const pub = await publicData.publication({ sensitive });
      const from = addMonths(c.month, -SEMAFORO_BASELINE_MONTHS);
      const counts = await stats.monthlyCountsByArea({
        ...c.level,
        categories,
        fromMonth: from,
        toMonth: addMonths(c.month, 1),
      });
      const coverage = coverageOf(await stats.sourceMonths(c.level));
      const places =
        c.level.kind === 'h3'
          ? [...counts.keys()].sort().map(describeCell)
          : await incidents.areas(c.level.kind, c.level.vintage);
      const expected = places.map((a) => {
        const months = counts.get(a.id);
        const values = new Map<string, number>();
        let partial = false;
        for (const m of monthsBetween(from, addMonths(c.month, 1))) {
          const v = publishMonth(m, months?.get(m), pub);
          if (v === null) partial ||= m !== c.month;
          else values.set(m, v);
        }
        const result = semaforo({ month: c.month, counts: values, coverage });
        const withheld = !values.has(c.month);
        return withheld
          ? { id: a.id, name: a.name, ...result, count: null, pct_change: null, color: null, partial }
          : { id: a.id, name: a.name, ...result, partial };
      });
      // the requests must reach real data and, for the sensitive one, the embargo, or the comparison proves little
      expect(
        expected.some((e) => (e.count ?? 0) > 0 || (e.baseline_mean ?? 0) > 0),
        c.query,
      ).toBe(true);
      if (c.category === 'violacion')
        expect(
          expected.every((e) => e.count === null && e.partial),
          c.query,
        ).toBe(true);
      expect(body.items, c.query).toEqual(expected);
    }
  });
});
