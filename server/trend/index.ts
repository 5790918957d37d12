/**
 * `GET /api/trend?kind&id&from&to&category&vintage`: Mann-Kendall trend test on one area's monthly
 * counts (issue 5, item 7). The series is the dense one of `/api/areas/{kind}/{id}/series` (every
 * month overlapping [from, to), zero months included — n counts them); the test is `mannKendall`
 * from geo/stats (Var(S) corrected for ties, continuity correction ±1 in z, two-sided p,
 * tau = S / (n(n−1)/2), direction by p < 0.05). Without from/to the range spans the data, as the
 * series endpoint does. A range that does not start and end on the first of a month has partial
 * first/last months (only the days inside the range are counted), exactly as in the series.
 */
import { AppError } from '../../core/errors/index.ts';
import { mannKendall, type MannKendallResult } from '../../geo/stats/index.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { requireArea, visibleSeries } from '../areas/index.ts';
import { principalOf } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams, required } from '../params/index.ts';

/** The `id` query parameter: one area id (required); `invalid_parameter` otherwise. */
export function parseAreaId(raw: string | undefined): string {
  const id = raw?.trim();
  if (!id) throw new AppError('invalid_parameter', 'falta el parámetro id');
  if (id.length > 200) throw new AppError('invalid_parameter', `id=${id.slice(0, 40)}… (demasiado largo)`);
  return id;
}

export interface TrendBody extends MannKendallResult {
  kind: string;
  id: string;
  name: string;
  vintage: number;
  category: string | null;
  from: string | null;
  to: string | null;
}

export function registerTrend(app: ApiApp, deps: ApiDeps): void {
  const { repo } = deps;
  app.get('/api/trend', async (c) => {
    const query = c.req.query();
    const p = parseParams(query, ['kind', 'vintage']);
    const kind = required(p.kind, 'kind');
    const vintage = p.vintage ?? DEFAULT_VINTAGE;
    const filter = parseFilter(query);
    const area = await requireArea(repo, kind, vintage, parseAreaId(query.id));

    const v = await visibleSeries(deps, principalOf(c), { kind, vintage, area, from: filter.from, to: filter.to, categories: filter.categories, sources: filter.sources });
    // public: the test runs on the published months only (withheld months are left out, n counts the rest)
    const counts = v.series.flatMap((s) => (s.count === null ? [] : [s.count]));
    const withheld = v.series.length - counts.length;
    const body: TrendBody = {
      kind,
      id: area.id,
      name: area.name,
      vintage,
      category: filter.category,
      from: v.from,
      to: v.to,
      ...mannKendall(counts),
    };
    return c.json(v.access === 'public' ? { ...body, access: 'public', withheld_months: withheld } : body);
  });
}
