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
import { nextMonthStart } from '../../db/queries/months.ts';
import { mannKendall, type MannKendallResult } from '../../geo/stats/index.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { requireArea } from '../areas/index.ts';
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

export function registerTrend(app: ApiApp, { repo }: ApiDeps): void {
  app.get('/api/trend', async (c) => {
    const query = c.req.query();
    const p = parseParams(query, ['kind', 'vintage']);
    const kind = required(p.kind, 'kind');
    const vintage = p.vintage ?? DEFAULT_VINTAGE;
    const filter = parseFilter(query);
    const area = await requireArea(repo, kind, vintage, parseAreaId(query.id));

    let { from, to } = filter;
    if (from === undefined || to === undefined) {
      const h = await repo.health();
      from ??= h.dataFrom ? `${h.dataFrom.slice(0, 7)}-01` : undefined;
      to ??= h.dataUntil ? nextMonthStart(h.dataUntil) : undefined;
    }
    const series = from && to && from < to ? await repo.areaSeries({ kind, vintage, id: area.id, from, to, categories: filter.categories }) : [];
    const body: TrendBody = {
      kind,
      id: area.id,
      name: area.name,
      vintage,
      category: filter.category,
      from: from ?? null,
      to: to ?? null,
      ...mannKendall(series.map((s) => s.count)),
    };
    return c.json(body);
  });
}
