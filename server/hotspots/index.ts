/**
 * `GET /api/hotspots?res&from&to&category`: incident counts per H3 cell over the whole city.
 * Callers without full access get the public hexagons of server/policy (res ≤ 8, whole months,
 * per-cell-month suppression, `partial` when a month was withheld, no sensitive categories).
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf } from '../auth/index.ts';
import { parseFilter, parseParams, required } from '../params/index.ts';
import { hexagonPlan } from '../policy/index.ts';

export function registerHotspots(app: ApiApp, { repositories: { incidents: repo }, publicData }: Services): void {
  app.get('/api/hotspots', async (c) => {
    const query = c.req.query();
    const res = required(parseParams(query, ['res']).res, 'res');
    const filter = parseFilter(query);
    const plan = hexagonPlan(principalOf(c), { res, categories: filter.categories, windows: [filter] });
    const head = {
      res,
      from: filter.from ?? null,
      to: filter.to ?? null,
      category: filter.category,
      ...(filter.sources ? { source: filter.sources } : {}),
    };
    if (plan.exact) return c.json({ ...head, cells: await repo.hotspots({ res, ...filter }) });
    const pub = await publicData.publication(plan);
    const cells = await publicData.hotspots(
      { res, from: filter.from, to: filter.to, categories: plan.categories, sources: filter.sources },
      pub,
    );
    return c.json({ ...head, access: 'public', min_count: pub.k, cells });
  });
}
