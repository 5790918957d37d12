import { describe, expect, it } from 'vitest';
import { coverageLine, sourceSpanText, sourcesOnScreen, type SourceStatus } from './coverage.ts';

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
});
