/**
 * The monthly series of one place as a caller may see it: the exact series for detail access, the
 * published one (whole months, small counts withheld) otherwise. Shared by the series and trend routes.
 */
import { monthsInRange, nextMonthStart } from '../../core/time/calendar.ts';
import type { Principal } from '../auth/index.ts';
import { publishSeries } from '../policy/index.ts';
import type { Services } from '../services/types.ts';
import type { IncidentRepository, PlaceLevel } from '../services/ports.ts';
import { placePlan, type Place } from './places.ts';

export interface VisibleSeries {
  from: string | null;
  to: string | null;
  /** 'public' when the policy's public rules applied, 'detail' otherwise */
  access: 'public' | 'detail';
  series: { period: string; count: number | null }[];
}

/** Without a range a series spans the data: first month of the oldest incident … last month. */
export async function seriesRange(
  repo: IncidentRepository,
  filter: { from?: string; to?: string },
): Promise<{ from?: string; to?: string }> {
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
  q: {
    level: PlaceLevel;
    place: Place;
    from?: string;
    to?: string;
    categories: readonly string[] | null;
    sources?: readonly string[] | null;
  },
): Promise<VisibleSeries> {
  const repo = repositories.incidents;
  const plan = placePlan(principal, { level: q.level, ids: [q.place.id], places: [q.place] }, q.categories, [q]);
  const { from, to } = await seriesRange(repo, q);
  const base = { from: from ?? null, to: to ?? null, access: plan.exact ? ('detail' as const) : ('public' as const) };
  if (!(from && to && from < to)) return { ...base, series: [] };
  if (plan.exact)
    return {
      ...base,
      series: await repo.areaSeries({
        ...q.level,
        id: q.place.id,
        from,
        to,
        categories: plan.categories,
        sources: q.sources,
      }),
    };
  // public windows are whole months (the plan checked them); the cells carry the record-key sums the policy perturbs with
  const monthly = await repositories.stats.monthlyCountsByArea({
    ...q.level,
    ids: [q.place.id],
    categories: plan.categories,
    sources: q.sources,
    fromMonth: from.slice(0, 7),
    toMonth: to.slice(0, 7),
  });
  return {
    ...base,
    series: publishSeries(monthsInRange(from, to), monthly.get(q.place.id), await publicData.publication(plan)),
  };
}
