import { afterEach, describe, expect, it, vi } from 'vitest';
import { getJson } from './api/http.ts';
import { startEarlyRequests } from './early.ts';

/**
 * A fetch that records URLs; /api/health answers as it does to the public — months only — data up to
 * September 2016 (a hand-written example).
 */
function recordingFetch(): string[] {
  const urls: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    urls.push(url);
    const body = url.startsWith('/api/health')
      ? { ok: true, db: 'pglite', incidents: 3, data_until: null, data_until_month: '2016-09', sources: [] }
      : url.startsWith('/api/categories')
        ? { groups: [] }
        : url.startsWith('/api/basemap')
          ? { pmtiles: null }
          : { res: 7, cells: [] };
    return { ok: true, status: 200, json: async () => body } as unknown as Response;
  });
  return urls;
}

describe('startEarlyRequests', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('on the default view asks for the facts and the basemap, then the hexagons of the last 12 full months, and the map chunk', async () => {
    const urls = recordingFetch();
    const loadMapView = vi.fn(async () => ({}));
    await startEarlyRequests({ hash: '', search: '' }, loadMapView);
    expect(loadMapView).toHaveBeenCalledOnce();
    // default zoom 9.8 → resolution 7; data until September 2016 → October 2015 … September 2016, half-open
    expect(urls).toEqual([
      '/api/health',
      '/api/categories',
      '/api/basemap',
      '/api/hotspots?res=7&from=2015-10-01&to=2016-10-01',
    ]);
    // the map's own identical request takes that answer instead of asking again
    await getJson('/api/hotspots', { res: '7', from: '2015-10-01', to: '2016-10-01' });
    expect(urls).toHaveLength(4);
  });

  it('follows the zoom and period of a shared URL', async () => {
    const urls = recordingFetch();
    await startEarlyRequests({ hash: '', search: '?z=11&p=2014-01..2014-03' }, async () => ({}));
    expect(urls.at(-1)).toBe('/api/hotspots?res=8&from=2014-01-01&to=2014-04-01');
  });

  it('starts nothing on the report form or the login page', () => {
    const urls = recordingFetch();
    const loadMapView = vi.fn(async () => ({}));
    expect(startEarlyRequests({ hash: '#reportar', search: '' }, loadMapView)).toBeUndefined();
    expect(startEarlyRequests({ hash: '#entrar', search: '' }, loadMapView)).toBeUndefined();
    expect(loadMapView).not.toHaveBeenCalled();
    expect(urls).toEqual([]);
  });
});
