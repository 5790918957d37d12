// Hand-written expected URLs (the export route's shape is server/export's).
import { describe, expect, it } from 'vitest';
import { exportHref } from './exportLink.ts';

describe('export links', () => {
  it('keeps the view query, drops empty parameters, keeps commas readable', () => {
    expect(
      exportHref('rank', 'csv', {
        kind: 'colonia',
        from: '2016-01-01',
        to: '2016-07-01',
        category: undefined,
        ids: 'A,B',
        by: '',
      }),
    ).toBe('/api/export/rank.csv?kind=colonia&from=2016-01-01&to=2016-07-01&ids=A,B');
    expect(exportHref('hotspots', 'geojson', {})).toBe('/api/export/hotspots.geojson');
  });
});
