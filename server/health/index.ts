/**
 * `GET /api/health`: is the store reachable, which backend, how many incidents, data until when —
 * overall and per source (the map defaults to the period of the largest source, since a small
 * source such as FGJ Milpa Alta may run years past the citywide SSC data).
 */
import type { ApiApp, ApiDeps } from '../app.ts';
import { errorBody } from '../errors/index.ts';

export function registerHealth(app: ApiApp, { repo }: ApiDeps): void {
  app.get('/api/health', async (c) => {
    // the answer must reflect this moment: revalidate every time, never serve it from the LRU
    c.set('skipLru', true);
    c.set('cacheControl', 'no-cache');
    try {
      const h = await repo.health();
      return c.json({ ok: true, db: repo.backend, incidents: h.incidents, data_until: h.dataUntil, sources: h.sources });
    } catch (err) {
      console.error('[api] health check failed:', err);
      c.header('Cache-Control', 'no-store');
      return c.json({ ok: false, db: repo.backend, incidents: null, data_until: null, ...errorBody('db_unavailable') }, 503);
    }
  });
}
