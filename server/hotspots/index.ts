/** `GET /api/hotspots?res&from&to&category`: incident counts per H3 cell over the whole city. */
import type { ApiApp, ApiDeps } from '../app.ts';
import { parseFilter, parseParams, required } from '../params/index.ts';

export function registerHotspots(app: ApiApp, { repo }: ApiDeps): void {
  app.get('/api/hotspots', async (c) => {
    const query = c.req.query();
    const res = required(parseParams(query, ['res']).res, 'res');
    const filter = parseFilter(query);
    const cells = await repo.hotspots({ res, ...filter });
    return c.json({ res, from: filter.from ?? null, to: filter.to ?? null, category: filter.category, cells });
  });
}
