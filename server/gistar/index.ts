/**
 * `GET /api/hotspots/gistar?res&from&to&category`: Getis-Ord Gi* hot and cold spots on H3.
 * The study area is every cell of resolution `res` whose centre lies in Mexico City (the
 * union of the 16 alcaldía polygons; `cellsCoveringPolygons`), zeros included; weights are binary
 * over the k = 1 ring including the cell itself, restricted to the study area; p is two-sided;
 * `hot` comes from Benjamini–Hochberg at q = 0.05 over all cells (`giStarOnStudyArea` in geo/stats).
 * Counts are those of `/api/hotspots`; incidents in cells whose centre lies outside the city are
 * left out of the statistic and reported in `outside`.
 *
 * Resolutions 6–10 only: resolution 11 has about 600 000 cells in the city, too many to build and
 * answer per request; it is refused with `invalid_resolution`.
 */
import { giStarOnStudyArea } from '../../geo/stats/index.ts';
import { cityStudyArea, checkGiStarResolution, GISTAR_FDR_Q } from '../shared/gistar.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { parseFilter, parseParams, required } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { hexagonPlan } from '../policy/index.ts';

export {
  checkGiStarResolution,
  cityStudyArea,
  GISTAR_FDR_Q,
  GISTAR_MAX_RES,
  GISTAR_MIN_RES,
  GISTAR_RING,
} from '../shared/gistar.ts';

export function registerGiStar(app: ApiApp, { repositories: { incidents: repo }, publicData }: Services): void {
  app.get('/api/hotspots/gistar', async (c) => {
    const query = c.req.query();
    const res = required(parseParams(query, ['res']).res, 'res');
    checkGiStarResolution(res);
    const filter = parseFilter(query);
    const plan = hexagonPlan(principalOf(c), { res, categories: filter.categories, windows: [filter] });
    // public: Gi* on the public hexagons' published sums (a withheld cell counts 0), never on exact counts
    const counts = plan.exact
      ? await repo.hotspots({ res, ...filter })
      : (
          await publicData.hotspots(
            { res, from: filter.from, to: filter.to, categories: plan.categories, sources: filter.sources },
            await publicData.publication(plan),
          )
        ).map((cell) => ({ h3: cell.h3, count: cell.count ?? 0 }));
    const nb = cityStudyArea(res);
    const { cells, outside } = giStarOnStudyArea(
      nb,
      counts.map((cell) => [cell.h3, cell.count] as const),
      GISTAR_FDR_Q,
    );
    return c.json({
      res,
      from: filter.from ?? null,
      to: filter.to ?? null,
      category: filter.category,
      ...(plan.exact ? {} : { access: 'public' }),
      outside,
      cells,
    });
  });
}
