/**
 * `GET /api/trend?kind&id&from&to&category&vintage`: Mann-Kendall trend test on one area's monthly
 * counts — or one H3 cell's, with `kind=h3&id=<cell>`. The series is the dense one of `/api/areas/{kind}/{id}/series` (every
 * month overlapping [from, to), zero months included — n counts them — except months no requested
 * source covers, which are data missing, not zeros); the test is `mannKendall`
 * from geo/stats (Var(S) corrected for ties, continuity correction ±1 in z, two-sided p,
 * tau = S / (n(n−1)/2), direction by p < 0.05). Without from/to the range spans the data, as the
 * series endpoint does. A range that does not start and end on the first of a month has partial
 * first/last months (only the days inside the range are counted), exactly as in the series.
 */
import { AppError } from '../../core/errors/index.ts';
import { mannKendall, type MannKendallResult } from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { visibleSeries } from '../shared/series.ts';
import { levelFields, parsePlaceKind, requirePlace } from '../shared/places.ts';
import { principalOf } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams } from '../params/index.ts';

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
  /** areas only */
  vintage?: number;
  /** H3 cells only */
  res?: number;
  category: string | null;
  from: string | null;
  to: string | null;
}

export function registerTrend(app: ApiApp, services: Services): void {
  const repo = services.repositories.incidents;
  app.get('/api/trend', async (c) => {
    const query = c.req.query();
    const kind = parsePlaceKind(query.kind);
    const vintage = parseParams(query, ['vintage']).vintage ?? DEFAULT_VINTAGE;
    const filter = parseFilter(query);
    const { level, place } = await requirePlace(repo, kind, vintage, parseAreaId(query.id));

    const v = await visibleSeries(services, principalOf(c), {
      level,
      place,
      from: filter.from,
      to: filter.to,
      categories: filter.categories,
      sources: filter.sources,
    });
    // the test runs on the months a requested source covers (after a source's last month there is no
    // data, not zero crime) and, for the public, on the published ones (withheld months are left out)
    const covered = v.series.filter((s) => s.coverage !== 'none');
    const counts = covered.flatMap((s) => (s.count === null || s.count === undefined ? [] : [s.count]));
    const withheld = covered.length - counts.length;
    const body: TrendBody = {
      ...levelFields(level),
      id: place.id,
      name: place.name,
      category: filter.category,
      from: v.from,
      to: v.to,
      ...mannKendall(counts),
    };
    return c.json(v.access === 'public' ? { ...body, access: 'public', withheld_months: withheld } : body);
  });
}
