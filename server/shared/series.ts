/**
 * The monthly series of one place as a caller may see it: the exact series for detail access, the
 * published one (whole months, small counts withheld) otherwise. Shared by the series and trend routes.
 */
import { monthsInRange, nextMonthStart } from '../../core/time/calendar.ts';
import type { Principal } from '../auth/index.ts';
import { publishSeries } from '../policy/index.ts';
import { exactHealth, publicHealth, type PublishedHealth } from '../policy/sources.ts';
import type { Services } from '../services/types.ts';
import type { PlaceLevel } from '../services/ports.ts';
import { placePlan, type Place } from './places.ts';
import { markCoverage, sourceSpans, type CoveredPoint, type SourceSpan } from './coverage.ts';

export interface VisibleSeries {
  from: string | null;
  to: string | null;
  /** 'public' when the policy's public rules applied, 'detail' otherwise */
  access: 'public' | 'detail';
  /** months no requested source covers have `coverage: 'none'` and no count (server/shared/coverage.ts) */
  series: CoveredPoint[];
  /** the requested sources' first and last months */
  sources: SourceSpan[];
}

/**
 * Without a range a series spans the data as the caller sees it: first month of the oldest incident
 * … last month (for the public, over the sources whose months are published).
 */
export function seriesRange(
  h: Pick<PublishedHealth, 'firstMonth' | 'lastMonth'>,
  filter: { from?: string; to?: string },
): { from?: string; to?: string } {
  return {
    from: filter.from ?? (h.firstMonth ? `${h.firstMonth}-01` : undefined),
    to: filter.to ?? (h.lastMonth ? nextMonthStart(h.lastMonth) : undefined),
  };
}

/** The series of a place (area or H3 cell) as `principal` may see it (the range as `seriesRange`). */
export async function visibleSeries(
  {
    repositories,
    publicData,
    dataVersion,
    healthAt,
  }: Pick<Services, 'repositories' | 'publicData' | 'dataVersion' | 'healthAt'>,
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
  const stored = await healthAt(await dataVersion.current());
  // an exact plan sees every source's months; a public one only those the policy publishes
  const health = plan.exact ? exactHealth(stored) : publicHealth(stored, publicData.options.minCount);
  const { from, to } = seriesRange(health, q);
  const alcaldia = q.place.alcaldia_id ?? (q.level.kind === 'alcaldia' ? q.place.id : null);
  const spans = sourceSpans(health.sources, q.sources ?? null, alcaldia);
  const base = {
    from: from ?? null,
    to: to ?? null,
    access: plan.exact ? ('detail' as const) : ('public' as const),
    sources: spans,
  };
  if (!(from && to && from < to)) return { ...base, series: [] };
  if (plan.exact)
    return {
      ...base,
      series: markCoverage(
        await repo.areaSeries({
          ...q.level,
          id: q.place.id,
          from,
          to,
          categories: plan.categories,
          sources: q.sources,
        }),
        spans,
      ),
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
    series: markCoverage(
      publishSeries(monthsInRange(from, to), monthly.get(q.place.id), await publicData.publication(plan)),
      spans,
    ),
  };
}
