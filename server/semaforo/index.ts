/**
 * `GET /api/semaforo?kind&ids&month&category&vintage`: the Semáforo Delictivo of each area — or H3
 * cell, with `kind=h3&res` (server/shared/places.ts) — for one month — its count against the mean monthly count of the 36 months before it.
 * The rule (thresholds, zero baseline, incomplete baseline) is `semaforo` in geo/stats; this module
 * only gathers its inputs.
 *
 * Data coverage (which months "exist in the data"): every source that places incidents at the
 * requested level (areas of the kind and vintage, or cells of the resolution) covers the months from its first to its last incident month; the
 * coverage is the union of those ranges. A month outside it is not a month without crime, so it
 * neither counts as a zero in the baseline (`baseline_months` < 36 → `color` null) nor gets a colour
 * itself. With the bundled data (SSC 2013-01 … 2016-09, FGJ Milpa Alta 2016-01 … 2022-06) the
 * coverage starts in 2013-01: month=2016-01 has 36 baseline months, 2015-12 has 35. The store does
 * not know a source's geographic extent, so a source covering one alcaldía makes its months count
 * as covered city-wide.
 */
import {
  addMonths,
  semaforo,
  semaforoFromSums,
  SEMAFORO_BASELINE_MONTHS,
  type MonthCoverage,
  type SemaforoResult,
} from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { parseParams } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { exactCounts, type PublishedFigure } from '../policy/index.ts';
import { emptyFigure } from '../policy/public.ts';
import { levelFields, parsePlaces, placePlan, placesOf, resolvePlaces } from '../shared/places.ts';
import { publicDatedSources } from '../policy/sources.ts';

import { coverageOf, parseMonth } from '../shared/months.ts';

export { coverageOf, parseMonth };

export interface SemaforoItem extends SemaforoResult {
  id: string;
  name: string;
}

export interface PublicSemaforoItem extends Omit<SemaforoItem, 'count'> {
  count: number | null;
  /** some baseline month was withheld: the baseline is the sum of the published months only */
  partial: boolean;
}

/**
 * The public semáforo of one area: the rule run on published monthly values (withheld months
 * count 0 in the baseline, as in every public sum); a withheld month itself gets no count and no colour.
 * `baseline` and `judged` are the published figures of the 36 months before and of the month.
 */
export function publicSemaforo(
  month: string,
  baseline: PublishedFigure,
  judged: PublishedFigure,
  coverage: MonthCoverage,
): Omit<PublicSemaforoItem, 'id' | 'name'> {
  // months outside the coverage hold no incidents, so the baseline's sum over every month is its covered sum
  const result = semaforoFromSums({ month, count: judged.count ?? 0, baselineSum: baseline.count ?? 0, coverage });
  // a one-month figure is withheld exactly when that month is
  if (judged.count === null)
    return { ...result, count: null, pct_change: null, color: null, partial: baseline.partial };
  return { ...result, partial: baseline.partial };
}

export function registerSemaforo(
  app: ApiApp,
  { repositories: { incidents: repo, stats }, publicData, healthAt, dataVersion }: Services,
): void {
  app.get('/api/semaforo', async (c) => {
    const query = c.req.query();
    const req = parsePlaces(query);
    const categories = parseParams(query, ['category']).category ?? null;
    const month = parseMonth(query.month);

    // without ids: every area of the kind (the whole-city table), or every cell with incidents in the 37 months
    const sel = await resolvePlaces(repo, req);
    const plan = placePlan(principalOf(c), sel, categories, []);
    const from = addMonths(month, -SEMAFORO_BASELINE_MONTHS);
    const head = { ...levelFields(sel.level), category: query.category || null, month };
    if (!plan.exact) {
      // summed in the database: every area of a kind × 37 months would otherwise be parsed row by row here
      const pub = await publicData.publication(plan);
      const periods = [
        { from: `${from}-01`, to: `${month}-01` },
        { from: `${month}-01`, to: `${addMonths(month, 1)}-01` },
      ];
      const [sources, totals] = await Promise.all([
        stats.sourceMonths(sel.level),
        publicData.areaTotals({ ...sel.level, categories: plan.categories, ids: sel.ids, periods }, pub),
      ]);
      // a public answer's months are covered only by the sources the public may date (server/policy/sources.ts)
      const health = await healthAt(await dataVersion.current());
      const coverage = coverageOf(publicDatedSources(sources, health, publicData.options.minCount));
      const none = periods.map((p) => emptyFigure(pub, p));
      const items = placesOf(sel, totals.keys()).map((a) => {
        const [baseline, judged] = totals.get(a.id) ?? none;
        return { id: a.id, name: a.name, ...publicSemaforo(month, baseline, judged, coverage) };
      });
      return c.json({ ...head, access: 'public', min_count: pub.k, items });
    }
    const [sources, counts] = await Promise.all([
      stats.sourceMonths(sel.level),
      stats.monthlyCountsByArea({
        ...sel.level,
        categories: plan.categories,
        ids: sel.ids,
        fromMonth: from,
        toMonth: addMonths(month, 1),
      }),
    ]);
    const coverage = coverageOf(sources);
    const items: SemaforoItem[] = placesOf(sel, counts.keys()).map((a) => ({
      id: a.id,
      name: a.name,
      ...semaforo({ month, counts: exactCounts(counts.get(a.id)), coverage }),
    }));
    return c.json({ ...head, items });
  });
}
