import { describe, expect, it } from 'vitest';
import { coverageLine, sourceSpanText, sourcesOnScreen, uncoveredMonths, type SourceStatus } from './coverage.ts';

// hand-written answers in the shape of /api/sources (the bundled sources' real months)
const base = { title: '', first_day: null, last_day: null, last_import: null, sync: null };
const ssc: SourceStatus = {
  ...base,
  id: 'ssc_points',
  kind: 'official',
  label: 'SSC',
  scope: null,
  incidents: 131141,
  first_month: '2013-01',
  last_month: '2016-09',
};
const fgj: SourceStatus = {
  ...base,
  id: 'fgj_victimas',
  kind: 'official',
  label: 'FGJ',
  scope: 'Milpa Alta',
  incidents: 7558,
  first_month: '2016-01',
  last_month: '2022-06',
};
const news: SourceStatus = {
  ...base,
  id: 'news',
  kind: 'news',
  label: 'Prensa',
  scope: null,
  incidents: 4,
  first_month: '2024-03',
  last_month: '2024-03',
};
const pending: SourceStatus = {
  ...base,
  id: 'fgj_carpetas',
  kind: 'official',
  label: 'FGJ',
  scope: null,
  incidents: 0,
  first_month: null,
  last_month: null,
};

describe('source coverage lines', () => {
  it('names each source with its first and last month, its scope when not the whole city', () => {
    expect(sourceSpanText(ssc)).toBe('SSC: datos de ene 2013 a sep 2016');
    expect(sourceSpanText(fgj)).toBe('FGJ (Milpa Alta): datos de ene 2016 a jun 2022');
    expect(sourceSpanText(news)).toBe('Prensa: datos de mar 2024');
    expect(sourceSpanText(pending)).toBe('FGJ: sin datos');
  });

  it('lists the sources of the kinds on screen that hold data, earliest first', () => {
    expect(sourcesOnScreen([news, fgj, pending, ssc], null).map((s) => s.id)).toEqual([
      'ssc_points',
      'fgj_victimas',
      'news',
    ]);
    expect(sourcesOnScreen([news, fgj, ssc], ['news']).map((s) => s.id)).toEqual(['news']);
    expect(coverageLine([fgj, ssc], ['official'])).toBe(
      'SSC: datos de ene 2013 a sep 2016 · FGJ (Milpa Alta): datos de ene 2016 a jun 2022',
    );
    expect(coverageLine([ssc], ['chat'])).toBe('Sin datos de las fuentes elegidas');
    expect(coverageLine(null, null)).toBe('Sin datos de las fuentes elegidas');
  });

  it('finds the months of a period that no source holding data covers', () => {
    // SSC 2013-01 … 2016-09, FGJ 2016-01 … 2022-06, news 2024-03: a gap from 2022-07 to 2024-02
    expect(uncoveredMonths([ssc, fgj, news, pending], '2022-05', '2022-08')).toEqual(['2022-07', '2022-08']);
    expect(uncoveredMonths([ssc, fgj, news], '2024-01', '2024-04')).toEqual(['2024-01', '2024-02', '2024-04']);
    expect(uncoveredMonths([ssc, fgj], '2016-09', '2016-10')).toEqual([]);
    expect(uncoveredMonths([ssc], '2012-11', '2013-01')).toEqual(['2012-11', '2012-12']);
    // a source without incidents covers nothing; an unanswered /api/sources marks nothing
    expect(uncoveredMonths([pending], '2020-01', '2020-01')).toEqual(['2020-01']);
    expect(uncoveredMonths(null, '2030-01', '2030-02')).toEqual([]);
  });
});
