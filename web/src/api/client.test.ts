import { describe, expect, it } from 'vitest';
import { defaultPeriodEnd, normalizeCategories, normalizeSearch } from './client.ts';

describe('API response normalisers', () => {
  it('groups categories by their group, in server order, and keeps ungrouped ones alone', () => {
    const groups = normalizeCategories({
      categories: [
        { id: 'robo_metro', label: 'Robo en Metro', group: 'robo_transporte_publico', sensitive: false },
        { id: 'secuestro', label: 'Secuestro', group: null, sensitive: true },
        { id: 'robo_taxi', label: 'Robo en taxi', group: 'robo_transporte_publico', sensitive: false },
      ],
      groups: [{ id: 'robo_transporte_publico', label: 'Robo en transporte público' }],
    });
    expect(groups.map((g) => [g.id, g.label, g.categories.map((c) => c.id)])).toEqual([
      ['robo_transporte_publico', 'Robo en transporte público', ['robo_metro', 'robo_taxi']],
      ['secuestro', 'Secuestro', ['secuestro']],
    ]);
    expect(groups[1].categories[0].sensitive).toBe(true);
  });

  it('turns areas into selectable results and stations into places', () => {
    const [area, station] = normalizeSearch({
      q: 'x',
      results: [
        { type: 'cuadrante', id: 'P-1.3.8', name: 'P-1.3.8', vintage: 2016, alcaldia_id: '09010' },
        { type: 'station', system: 'metro', id: 'm1', name: 'Zócalo', lines: ['2'], lat: 19.4326, lon: -99.1332 },
      ],
    });
    expect(area).toMatchObject({ areaKind: 'cuadrante', id: 'P-1.3.8', vintage: '2016', detail: 'versión 2016' });
    expect(station).toMatchObject({ areaKind: null, kind: 'metro', center: [-99.1332, 19.4326], detail: 'Línea 2' });
  });

  it('says what kind of place a landmark is, and places corners by their point', () => {
    // hand-written answers in the shape server/search returns
    const [landmark, corner] = normalizeSearch({
      results: [
        {
          type: 'landmark',
          id: 'l1',
          name: 'Mercado de Jamaica',
          kind: 'mercado',
          lat: 19.409,
          lon: -99.122,
          alcaldia_id: '09017',
        },
        {
          type: 'corner',
          id: 'esquina:09014:x',
          name: 'Eje Central y Xola',
          lat: 19.3953,
          lon: -99.1444,
          alcaldia_id: '09014',
        },
      ],
    });
    expect(landmark).toMatchObject({ kind: 'landmark', areaKind: null, center: [-99.122, 19.409], detail: 'mercado' });
    expect(corner).toMatchObject({ kind: 'corner', areaKind: null, center: [-99.1444, 19.3953], detail: undefined });
  });
});

describe('defaultPeriodEnd', () => {
  // hand-written /api/health answers (only the fields read)
  const source = (fields: Record<string, unknown>) =>
    ({
      sources: [{ source: 'ssc_points', until: null, last_month: null, last_month_complete: null, ...fields }],
    }) as never;
  it('is the largest source’s last day when the caller may see days', () => {
    expect(defaultPeriodEnd(source({ until: '2016-09-25', last_month: '2016-09', last_month_complete: false }))).toBe(
      '2016-09-25',
    );
  });
  it('is its last month for the public, or the month before when that month is only partly loaded', () => {
    expect(defaultPeriodEnd(source({ last_month: '2016-09', last_month_complete: true }))).toBe('2016-09');
    expect(defaultPeriodEnd(source({ last_month: '2016-09', last_month_complete: false }))).toBe('2016-08');
    expect(defaultPeriodEnd(source({ last_month: '2016-01', last_month_complete: false }))).toBe('2015-12');
  });
});
