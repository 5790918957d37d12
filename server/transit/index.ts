/**
 * `GET /api/transit`: the Metro, Metrobús, Cablebús, Trolebús and Tren Ligero lines (through their stations
 * in travel order, in their GTFS colours) and stations with their names, as GeoJSON for the map's orientation
 * layer. Public reference data (no incidents): built once from the bundled extract, cached a day by clients;
 * the response cache adds gzip.
 */
import { transitMapFeatures } from '../../reference/transit/map.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';

export function registerTransit(app: ApiApp, { reference }: Services): void {
  let body: string | undefined;
  app.get('/api/transit', (c) => {
    body ??= JSON.stringify(transitMapFeatures(reference.transit()));
    c.set('cacheControl', 'public, max-age=86400');
    return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
