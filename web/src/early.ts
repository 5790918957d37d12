/**
 * The first thing the entry script runs. A visitor landing on the map (no hash: the default view)
 * waits for three things in a row otherwise: the map's code (MapLibre and deck.gl, its own chunk),
 * the server facts (the default period comes from the data's last month) and only then the hexagons.
 * Here all three start at once: the map's chunk is requested, and the server facts and the hexagons
 * of the view in the URL are asked for through the API client's `prefetch`, so the map's own first
 * requests (the same URLs, built by the same client) take these answers. When the map ends up asking
 * something else (another zoom after fitting the window, a logged-in view), it simply asks again.
 */
import { api, defaultPeriodEnd, prefetch } from './api/client.ts';
import { publicResolutionForZoom } from './lib/h3Resolution.ts';
import { defaultPeriod } from './lib/months.ts';
import { MapState } from './state/mapState.svelte.ts';

/** Returns the hexagon request's answer when one was started (for tests), else undefined. */
export function startEarlyRequests(
  location: Pick<Location, 'hash' | 'search'>,
  loadMapView: () => Promise<unknown> = () => import('./map/MapView.svelte'),
): Promise<unknown> | undefined {
  if (location.hash !== '' && location.hash !== '#') return undefined;
  loadMapView().catch(() => {}); // App imports it again and reports a failure
  const health = prefetch(() => api.health());
  prefetch(() => api.categories());
  prefetch(() => api.basemap());
  const hexagons = health.then((facts) => {
    const view = MapState.fromUrl(location.search);
    const until = defaultPeriodEnd(facts);
    if (!view.period && until) view.period = defaultPeriod(until);
    if (!view.period || view.hexMode !== 'count' || view.coloring.areas) return undefined;
    return prefetch(() => api.hotspots(publicResolutionForZoom(view.zoom), view.filters));
  });
  hexagons.catch(() => {}); // the app asks again and shows the error
  return hexagons;
}
