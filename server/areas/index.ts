/**
 * `GET /api/areas/{kind}/{id}/series`: the dense monthly series of one area, or of one H3 cell with
 * `kind` = h3 (`/api/areas/h3/884995b847fffff/series`). Callers who may not see the place in detail
 * (server/policy `areaPlan`, `hexagonPlan`) get the public series: whole-month windows, months with
 * 1 … k−1 incidents as null, sensitive categories only for alcaldías after the delay. Months that
 * no requested source covers carry `coverage: 'none'` and no count; `sources` lists each requested
 * source's first and last month (server/shared/coverage.ts).
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams } from '../params/index.ts';
import { levelFields, parsePlaceKind, requirePlace } from '../shared/places.ts';
import { visibleSeries } from '../shared/series.ts';

export { requireArea } from '../shared/places.ts';
export { seriesRange, visibleSeries, type VisibleSeries } from '../shared/series.ts';

export function registerAreas(app: ApiApp, services: Services): void {
  app.get('/api/areas/:kind/:id/series', async (c) => {
    const query = c.req.query();
    const kind = parsePlaceKind(c.req.param('kind'));
    const { vintage = DEFAULT_VINTAGE } = parseParams(query, ['vintage', 'interval']);
    const filter = parseFilter(query);
    const { level, place } = await requirePlace(services.repositories.incidents, kind, vintage, c.req.param('id'));
    const v = await visibleSeries(services, principalOf(c), {
      level,
      place,
      from: filter.from,
      to: filter.to,
      categories: filter.categories,
      sources: filter.sources,
    });
    const body = {
      ...levelFields(level),
      id: place.id,
      name: place.name,
      category: filter.category,
      from: v.from,
      to: v.to,
      interval: 'month',
      series: v.series,
      sources: v.sources,
    };
    return c.json(v.access === 'public' ? { ...body, access: 'public' } : body);
  });
}
