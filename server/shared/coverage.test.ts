import { describe, expect, it } from 'vitest';
import { markCoverage, monthCoverage, sourceSpans } from './coverage.ts';
import { describeSource } from './source-catalogue.ts';

// hand-written sources as a caller sees them (months like the bundled sources')
const held = [
  { source: 'fgj_victimas', source_kind: 'official', first_month: '2016-01', last_month: '2022-06' },
  { source: 'ssc_points', source_kind: 'official', first_month: '2013-01', last_month: '2016-09' },
  { source: 'news', source_kind: 'news', first_month: '2024-03', last_month: '2024-03' },
  // a source whose months the caller may not see (server/policy/sources.ts) covers nothing
  { source: 'chat', source_kind: 'chat', first_month: null, last_month: null },
];

describe('source coverage of a monthly series', () => {
  it('lists the requested kinds of sources as first … last month, earliest first', () => {
    expect(sourceSpans(held, null)).toEqual([
      { source: 'ssc_points', kind: 'official', first_month: '2013-01', last_month: '2016-09' },
      { source: 'fgj_victimas', kind: 'official', first_month: '2016-01', last_month: '2022-06' },
      { source: 'news', kind: 'news', first_month: '2024-03', last_month: '2024-03' },
    ]);
    expect(sourceSpans(held, ['news']).map((s) => s.source)).toEqual(['news']);
    expect(sourceSpans(held, ['chat'])).toEqual([]);
  });

  it('a source limited to one alcaldía (FGJ víctimas: Milpa Alta, 09009) spans no place elsewhere', () => {
    expect(sourceSpans(held, null, '09015').map((s) => s.source)).toEqual(['ssc_points', 'news']);
    expect(sourceSpans(held, null, '09009').map((s) => s.source)).toEqual(['ssc_points', 'fgj_victimas', 'news']);
    // a place in no known alcaldía: every source may cover it
    expect(sourceSpans(held, null, null)).toHaveLength(3);
  });

  it("the portal's city-wide víctimas file (its own source id) spans every alcaldía, unlike the Milpa Alta file", () => {
    // hand-written: both víctimas sources over the same months
    const victimas = [
      { source: 'fgj_victimas', source_kind: 'official', first_month: '2016-01', last_month: '2022-06' },
      { source: 'fgj_victimas_cdmx', source_kind: 'official', first_month: '2016-01', last_month: '2022-06' },
    ];
    expect(sourceSpans(victimas, null, '09015').map((s) => s.source)).toEqual(['fgj_victimas_cdmx']);
    expect(sourceSpans(victimas, null, '09009').map((s) => s.source)).toEqual(['fgj_victimas', 'fgj_victimas_cdmx']);
    expect(describeSource('fgj_victimas_cdmx', 'official')).toMatchObject({ label: 'FGJ víctimas', scope: null });
    expect(describeSource('fgj_victimas', 'official')).toMatchObject({ scope: 'Milpa Alta', scopeAlcaldia: '09009' });
    // the sync's own label and title do not bring back the Milpa Alta scope
    expect(describeSource('fgj_victimas_cdmx', 'official', { label: 'FGJ', title: 'x' }).scope).toBeNull();
  });

  it('a month is covered by all, some or none of the sources; first and last months count as covered', () => {
    const official = sourceSpans(held, ['official']);
    expect(monthCoverage('2012-12', official)).toBe('none');
    expect(monthCoverage('2013-01', official)).toBe('partial'); // SSC only
    expect(monthCoverage('2016-01', official)).toBe('full'); // both overlap Jan … Sep 2016
    expect(monthCoverage('2016-09', official)).toBe('full');
    expect(monthCoverage('2016-10', official)).toBe('partial'); // FGJ only
    expect(monthCoverage('2022-06', official)).toBe('partial');
    expect(monthCoverage('2022-07', official)).toBe('none');
    // no source of the requested kinds holds data: nothing is covered
    expect(monthCoverage('2016-01', [])).toBe('none');
  });

  it('drops the count of an uncovered month (zero or withheld alike) and marks partly covered months', () => {
    const spans = sourceSpans(held, ['official']);
    const series = [
      { period: '2012-12', count: 0 },
      { period: '2013-01', count: 5 },
      { period: '2016-05', count: null },
      { period: '2022-07', count: null },
      { period: '2022-08', count: 3 },
    ];
    expect(markCoverage(series, spans)).toEqual([
      { period: '2012-12', coverage: 'none' },
      { period: '2013-01', count: 5, coverage: 'partial' },
      { period: '2016-05', count: null },
      { period: '2022-07', coverage: 'none' },
      { period: '2022-08', coverage: 'none' },
    ]);
  });
});
