/**
 * The public area totals are summed in the database (`stats.windowSumsByArea` with the policy's
 * `publicationTable`). The independent check: the same figures computed the other way, month by
 * month — `stats.monthlyCountsByArea` read per place and month, each month published by
 * `publishTotal` — on the full bundled import, over long windows and every area of a kind. The
 * public hexagons of the whole city are checked the same way against `published.cellMonthCounts`.
 */
import { expect, it } from 'vitest';
import { createRepositories } from '../../db/repositories/index.ts';
import { monthsInRange } from '../../core/time/calendar.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { publishTotal, type Publication, type PublishedFigure } from './index.ts';
import { createPublicData } from './public.ts';
import type { Period, PlaceLevel } from '../services/ports.ts';

const NON_SENSITIVE = ['robo_transeunte', 'robo_vehiculo', 'robo_casa_habitacion', 'homicidio_doloso'];

// hand-picked queries: long and overlapping windows, every area of a kind or a few, cells, and a sensitive embargo
const cases: { level: PlaceLevel; categories: string[]; periods: Period[]; ids?: string[]; pub: Publication }[] = [
  {
    level: { kind: 'colonia', vintage: 2016 },
    categories: NON_SENSITIVE,
    periods: [
      { from: '2007-01-01', to: '2015-01-01' },
      { from: '2015-01-01', to: '2017-01-01' },
    ],
    pub: { k: 3, rule: 'cell-key' },
  },
  {
    level: { kind: 'cuadrante', vintage: 2023 },
    categories: ['robo_transeunte'],
    periods: [
      { from: '2014-03-01', to: '2016-03-01' },
      { from: '2013-03-01', to: '2014-03-01' },
    ],
    pub: { k: 3, rule: 'suppression' },
  },
  {
    level: { kind: 'h3', res: 8 },
    categories: ['robo_vehiculo'],
    periods: [
      { from: '2015-01-01', to: '2016-01-01' },
      { from: '2015-06-01', to: '2015-09-01' },
    ],
    pub: { k: 5 },
  },
  {
    level: { kind: 'alcaldia', vintage: 2016 },
    categories: ['violacion', 'robo_transeunte'],
    periods: [
      { from: '2019-01-01', to: '2022-01-01' },
      { from: '2016-01-01', to: '2019-01-01' },
    ],
    pub: { k: 3, embargoFrom: '2021-05' },
  },
  {
    level: { kind: 'sector', vintage: 2016 },
    categories: NON_SENSITIVE,
    ids: ['ASTURIAS', 'OASIS', 'TECOMITL'],
    periods: [
      { from: '2013-01-01', to: '2023-01-01' },
      { from: '2016-01-01', to: '2016-02-01' },
    ],
    pub: { k: 3, rule: 'suppression', embargoFrom: '2016-01' },
  },
];

describeEachBackend('public area totals summed in the database', (getStore) => {
  it('equal the month-by-month publication of the same counts', async () => {
    const { incidents, stats, published } = createRepositories(getStore());
    const options = { minCount: 3, disclosure: 'cell-key' as const, sensitiveDelayDays: 30 };
    const publicData = createPublicData({ repo: incidents, stats, published, options });
    for (const c of cases) {
      const label = JSON.stringify({ level: c.level, pub: c.pub });
      const actual = await publicData.areaTotals(
        { ...c.level, categories: c.categories, ids: c.ids, periods: c.periods },
        c.pub,
      );

      const from = c.periods.reduce((m, p) => (p.from < m ? p.from : m), c.periods[0].from);
      const to = c.periods.reduce((m, p) => (p.to > m ? p.to : m), c.periods[0].to);
      const monthly = await stats.monthlyCountsByArea({
        ...c.level,
        categories: c.categories,
        ids: c.ids,
        fromMonth: from.slice(0, 7),
        toMonth: to.slice(0, 7),
      });
      const expected = new Map<string, PublishedFigure[]>();
      for (const [id, months] of monthly)
        expected.set(
          id,
          c.periods.map((p) => publishTotal(months, c.pub, monthsInRange(p.from, p.to))),
        );

      // the queries must reach real data, or the comparison proves nothing
      expect(expected.size, label).toBeGreaterThan(0);
      const sorted = (m: Map<string, PublishedFigure[]>) => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(sorted(actual), label).toEqual(sorted(expected));
    }
  });

  it('public hexagons, of the whole city or of a tile’s box, equal the month-by-month publication of each cell', async () => {
    const { incidents, stats, published } = createRepositories(getStore());
    const options = { minCount: 3, disclosure: 'cell-key' as const, sensitiveDelayDays: 30 };
    const publicData = createPublicData({ repo: incidents, stats, published, options });
    const queries = [
      {
        res: 8 as const,
        from: '2007-01-01',
        to: '2017-01-01',
        categories: NON_SENSITIVE,
        pub: { k: 3, rule: 'cell-key' as const },
      },
      { res: 7 as const, from: '2015-10-01', to: '2016-10-01', categories: ['robo_transeunte'], pub: { k: 5 } },
      {
        res: 6 as const,
        from: '2016-01-01',
        to: '2016-02-01',
        categories: NON_SENSITIVE,
        pub: { k: 3, rule: 'suppression' as const },
      },
      // a tile's box around the Centro Histórico (cells listed by key), and one over the whole city (centres tested)
      {
        res: 8 as const,
        from: '2015-01-01',
        to: '2016-01-01',
        categories: NON_SENSITIVE,
        bbox: [-99.15, 19.42, -99.12, 19.44] as const,
        pub: { k: 3, rule: 'cell-key' as const },
      },
      {
        res: 8 as const,
        from: '2015-01-01',
        to: '2016-01-01',
        categories: NON_SENSITIVE,
        bbox: [-99.4, 19.1, -98.9, 19.6] as const,
        pub: { k: 3, rule: 'cell-key' as const },
      },
    ];
    for (const { pub, ...q } of queries) {
      const actual = await publicData.hotspots(q, pub);
      const expected = [];
      for (const [h3, months] of await published.cellMonthCounts(q)) {
        const figure = publishTotal(months, pub);
        if (figure.count !== 0 || figure.partial) expected.push({ h3, ...figure });
      }
      expected.sort((a, b) => (a.h3 < b.h3 ? -1 : 1));
      expect(expected.length, JSON.stringify(q.res)).toBeGreaterThan(0);
      expect(actual, JSON.stringify({ res: q.res, pub, bbox: 'bbox' in q ? q.bbox : null })).toEqual(expected);
    }
  });
});
