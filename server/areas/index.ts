/**
 * `GET /api/areas/{kind}/{id}/series`: the dense monthly series of one area, or of one H3 cell with
 * `kind` = h3 (`/api/areas/h3/884995b847fffff/series`). Callers who may not see the place in detail
 * (server/policy `areaPlan`, `hexagonPlan`) get the public series: whole-month windows, months with
 * 1 … k−1 incidents as null, sensitive categories only for alcaldías after the delay.
 */
import type { IncidentRepository } from '../services/ports.ts';
import { nextMonthStart } from '../../core/time/calendar.ts';
import type { PlaceLevel } from '../services/ports.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf, type Principal } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams } from '../params/index.ts';
import { publishSeries } from '../policy/index.ts';
import { levelFields, parsePlaceKind, placePlan, requirePlace, type Place } from './places.ts';

export { requireArea } from './places.ts';

export interface VisibleSeries {
  from: string | null;
  to: string | null;
  /** 'public' when the policy's public rules applied, 'detail' otherwise */
  access: 'public' | 'detail';
  series: { period: string; count: number | null }[];
}

/** Without a range a series spans the data: first month of the oldest incident … last month. */
export async function seriesRange(repo: IncidentRepository, filter: { from?: string; to?: string }): Promise<{ from?: string; to?: string }> {
  let { from, to } = filter;
  if (from === undefined || to === undefined) {
    const h = await repo.health();
    from ??= h.dataFrom ? `${h.dataFrom.slice(0, 7)}-01` : undefined;
    to ??= h.dataUntil ? nextMonthStart(h.dataUntil) : undefined;
  }
  return { from, to };
}

/** The series of a place (area or H3 cell) as `principal` may see it (the range as `seriesRange`). */
export async function visibleSeries(
  { repositories, publicData }: Pick<Services, 'repositories' | 'publicData'>,
  principal: Principal | null,
  q: { level: PlaceLevel; place: Place; from?: string; to?: string; categories: readonly string[] | null; sources?: readonly string[] | null },
): Promise<VisibleSeries> {
  const repo = repositories.incidents;
  const plan = placePlan(principal, { level: q.level, ids: [q.place.id], places: [q.place] }, q.categories, [q]);
  const { from, to } = await seriesRange(repo, q);
  const base = { from: from ?? null, to: to ?? null, access: plan.exact ? ('detail' as const) : ('public' as const) };
  if (!(from && to && from < to)) return { ...base, series: [] };
  const series = await repo.areaSeries({ ...q.level, id: q.place.id, from, to, categories: plan.categories, sources: q.sources });
  if (plan.exact) return { ...base, series };
  return { ...base, series: publishSeries(series, await publicData.publication(plan)) };
}

export function registerAreas(app: ApiApp, services: Services): void {
  app.get('/api/areas/:kind/:id/series', async (c) => {
    const query = c.req.query();
    const kind = parsePlaceKind(c.req.param('kind'));
    const { vintage = DEFAULT_VINTAGE } = parseParams(query, ['vintage', 'interval']);
    const filter = parseFilter(query);
    const { level, place } = await requirePlace(services.repositories.incidents, kind, vintage, c.req.param('id'));
    const v = await visibleSeries(services, principalOf(c), { level, place, from: filter.from, to: filter.to, categories: filter.categories, sources: filter.sources });
    const body = { ...levelFields(level), id: place.id, name: place.name, category: filter.category, from: v.from, to: v.to, interval: 'month', series: v.series };
    return c.json(v.access === 'public' ? { ...body, access: 'public' } : body);
  });
}
