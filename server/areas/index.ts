/**
 * `GET /api/areas/{kind}/{id}/series`: the dense monthly series of one area. Callers who may not
 * see the area in detail (server/policy `areaPlan`) get the public series: whole-month windows,
 * months with 1 … k−1 incidents as null, sensitive categories only for alcaldías after the delay.
 */
import { AppError } from '../../core/errors/index.ts';
import type { Area, IncidentRepository } from '../../db/queries/index.ts';
import { nextMonthStart } from '../../db/queries/months.ts';
import type { AreaKind, Vintage } from '../../db/schema.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { principalOf, type Principal } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams, required } from '../params/index.ts';
import { areaPlan, publishSeries } from '../policy/index.ts';
import { territoryArea } from './territory.ts';

/** The area, or a 404 `unknown_area`. */
export async function requireArea(repo: IncidentRepository, kind: AreaKind, vintage: Vintage, id: string) {
  const area = await repo.area(kind, vintage, id);
  if (!area) throw new AppError('unknown_area', `${kind} ${id} (${vintage})`);
  return area;
}

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

/** The series of `area` as `principal` may see it (the range as `seriesRange`). */
export async function visibleSeries(
  { repo, publicData }: Pick<ApiDeps, 'repo' | 'publicData'>,
  principal: Principal | null,
  q: { kind: AreaKind; vintage: Vintage; area: Area; from?: string; to?: string; categories: readonly string[] | null; sources?: readonly string[] | null },
): Promise<VisibleSeries> {
  const plan = areaPlan(principal, { kind: q.kind, areas: [territoryArea(q.kind, q.vintage, q.area)], categories: q.categories, windows: [q] });
  const { from, to } = await seriesRange(repo, q);
  const base = { from: from ?? null, to: to ?? null, access: plan.exact ? ('detail' as const) : ('public' as const) };
  if (!(from && to && from < to)) return { ...base, series: [] };
  const series = await repo.areaSeries({ kind: q.kind, vintage: q.vintage, id: q.area.id, from, to, categories: plan.categories, sources: q.sources });
  if (plan.exact) return { ...base, series };
  return { ...base, series: publishSeries(series, await publicData.publication(plan)) };
}

export function registerAreas(app: ApiApp, deps: ApiDeps): void {
  app.get('/api/areas/:kind/:id/series', async (c) => {
    const query = c.req.query();
    const kind = required(parseParams({ kind: c.req.param('kind') }, ['kind']).kind, 'kind');
    const { vintage = DEFAULT_VINTAGE } = parseParams(query, ['vintage', 'interval']);
    const filter = parseFilter(query);
    const area = await requireArea(deps.repo, kind, vintage, c.req.param('id'));
    const v = await visibleSeries(deps, principalOf(c), { kind, vintage, area, from: filter.from, to: filter.to, categories: filter.categories, sources: filter.sources });
    const body = { kind, id: area.id, name: area.name, vintage, category: filter.category, from: v.from, to: v.to, interval: 'month', series: v.series };
    return c.json(v.access === 'public' ? { ...body, access: 'public' } : body);
  });
}
