/**
 * `GET /api/transit`: the Metro, Metrobús, Cablebús, Trolebús and Tren Ligero lines (through their stations
 * in travel order, in their GTFS colours) and stations with their names, as GeoJSON for the map's orientation
 * layer. Public reference data (no incidents): built once from the transit extract (the newest synced GTFS
 * feed's, else the bundled one), cached a day by clients;
 * the response cache adds gzip.
 */
import { transitMapFeatures } from '../../reference/transit/map.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';

export function registerTransit(app: ApiApp, { reference }: Services): void {
  // built once per extract: a GTFS sync replaces the extract (and bumps the data version the response cache keys on)
  let built: { from: unknown; body: string } | undefined;
  app.get('/api/transit', (c) => {
    const extract = reference.transit();
    if (built?.from !== extract) built = { from: extract, body: JSON.stringify(transitMapFeatures(extract)) };
    const body = built.body;
    c.set('cacheControl', 'public, max-age=86400');
    return c.body(body, 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
