/**
 * `GET /api/semaforo?kind&ids&month&category&vintage`: the Semáforo Delictivo of each area — or H3
 * cell, with `kind=h3&res` (server/shared/places.ts) — for one month — its count against the mean monthly count of the 36 months before it.
 * The rule (thresholds, zero baseline, incomplete baseline) is `semaforo` in geo/stats; this module
 * only gathers its inputs.
 *
 * Data coverage (which months "exist in the data"): every source that places incidents at the
 * requested level (areas of the kind and vintage, or cells of the resolution) covers the months from its first to its last incident month; the
 * coverage is the union of those ranges (for a public answer, of the sources the public may date:
 * server/policy/sources.ts). A month outside it is not a month without crime, so it
 * neither counts as a zero in the baseline (`baseline_months` < 36 → `color` null) nor gets a colour
 * itself. With the bundled data (SSC 2013-01 … 2016-09, FGJ Milpa Alta 2016-01 … 2022-06) the
 * coverage starts in 2013-01: month=2016-01 has 36 baseline months, 2015-12 has 35. The store does
 * not know a source's geographic extent, so a source covering one alcaldía makes its months count
 * as covered city-wide.
 */
import {
  addMonths,
  monthsBetween,
  semaforo,
  SEMAFORO_BASELINE_MONTHS,
  type SemaforoResult,
} from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { parseParams } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { exactCounts, publishMonth, type Publication } from '../policy/index.ts';
import type { CellCount } from '../services/ports.ts';
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
 */
export function publicSemaforo(
  month: string,
  counts: ReadonlyMap<string, CellCount>,
  coverage: ReadonlySet<string>,
  pub: Publication,
): Omit<PublicSemaforoItem, 'id' | 'name'> {
  const published = new Map<string, number>();
  let partial = false;
  for (const m of monthsBetween(addMonths(month, -SEMAFORO_BASELINE_MONTHS), addMonths(month, 1))) {
    const v = publishMonth(m, counts.get(m), pub);
    if (v === null) {
      if (m !== month) partial = true;
    } else published.set(m, v);
  }
  const result = semaforo({ month, counts: published, coverage });
  if (!published.has(month)) return { ...result, count: null, pct_change: null, color: null, partial };
  return { ...result, partial };
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
    const [sources, counts] = await Promise.all([
      stats.sourceMonths(sel.level),
      stats.monthlyCountsByArea({
        ...sel.level,
        categories: plan.categories,
        ids: sel.ids,
        fromMonth: addMonths(month, -SEMAFORO_BASELINE_MONTHS),
        toMonth: addMonths(month, 1),
      }),
    ]);
    // a public answer's months are covered only by the sources the public may date (server/policy/sources.ts)
    const coverage = coverageOf(
      plan.exact
        ? sources
        : publicDatedSources(sources, await healthAt(await dataVersion.current()), publicData.options.minCount),
    );
    const none = new Map<string, CellCount>();
    const places = placesOf(sel, counts.keys());
    const head = { ...levelFields(sel.level), category: query.category || null, month };
    if (!plan.exact) {
      const pub = await publicData.publication(plan);
      const items = places.map((a) => ({
        id: a.id,
        name: a.name,
        ...publicSemaforo(month, counts.get(a.id) ?? none, coverage, pub),
      }));
      return c.json({ ...head, access: 'public', min_count: pub.k, items });
    }
    const items: SemaforoItem[] = places.map((a) => ({
      id: a.id,
      name: a.name,
      ...semaforo({ month, counts: exactCounts(counts.get(a.id)), coverage }),
    }));
    return c.json({ ...head, items });
  });
}
