/**
 * `GET /api/hotspots/emerging?res&from&to&category&source`: emerging hot spot analysis
 * — Esri's categories (new, consecutive, intensifying, persistent, diminishing, sporadic,
 * oscillating, historical; hot and cold) from monthly Gi* maps and the Mann-Kendall trend of each
 * cell's z-scores, computed by `emergingHotSpots` in geo/stats over every cell of the city at `res`
 * (the study area of `/api/hotspots/gistar`), one time step per month of [from, to).
 *
 * The answer lists the cells with a pattern (`no_pattern` cells are only counted in `summary`), so
 * a city-wide map at resolution 9 stays small. Public callers get the analysis of the published
 * monthly values at resolution ≤ 8 (server/shared/city-monthly.ts).
 */
import { AppError } from '../../core/errors/index.ts';
import {
  EMERGING_CATEGORIES,
  EMERGING_LABELS_ES,
  emergingHotSpots,
  type EmergingCategory,
} from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf } from '../auth/index.ts';
import { checkGiStarResolution, GISTAR_FDR_Q } from '../shared/gistar.ts';
import { cityMonthly, wholeMonth } from '../shared/city-monthly.ts';
import { parseFilter, parseParams, required } from '../params/index.ts';

/** At least two time steps for a trend; Esri advises ten or more (the answer says how many were used). */
export const EMERGING_MIN_MONTHS = 2;
export const EMERGING_MAX_MONTHS = 120;

export function registerEmerging(app: ApiApp, services: Services): void {
  app.get('/api/hotspots/emerging', async (c) => {
    const query = c.req.query();
    const res = required(parseParams(query, ['res']).res, 'res');
    checkGiStarResolution(res);
    const filter = parseFilter(query);
    const fromMonth = wholeMonth(required(filter.from, 'from'), 'from');
    const toMonth = wholeMonth(required(filter.to, 'to'), 'to');
    const data = await cityMonthly(services, principalOf(c), {
      res,
      fromMonth,
      toMonth,
      categories: filter.categories,
      sources: filter.sources,
    });
    const steps = data.months.length;
    if (steps < EMERGING_MIN_MONTHS || steps > EMERGING_MAX_MONTHS) {
      throw new AppError(
        'invalid_range',
        `from/to: ${steps} meses (use de ${EMERGING_MIN_MONTHS} a ${EMERGING_MAX_MONTHS})`,
      );
    }
    const cells = emergingHotSpots(data.series, { neighbourhood: data.nb, q: GISTAR_FDR_Q });
    const summary = Object.fromEntries(EMERGING_CATEGORIES.map((k) => [k, 0])) as Record<EmergingCategory, number>;
    for (const cell of cells) summary[cell.category]++;
    const total = (h3: string) => data.series.get(h3)!.reduce((a, b) => a + b, 0);
    return c.json({
      res,
      from: filter.from,
      to: filter.to,
      category: filter.category,
      months: steps,
      ...(data.access === 'public' ? { access: 'public' } : {}),
      outside: data.outside,
      study_cells: cells.length,
      summary,
      cells: cells
        .filter((cell) => cell.category !== 'no_pattern')
        .map(({ h3, category, hot_months, cold_months, trend }) => ({
          h3,
          category,
          label: EMERGING_LABELS_ES[category],
          count: total(h3),
          hot_months,
          cold_months,
          trend: { s: trend.s, z: trend.z, p: trend.p, tau: trend.tau, direction: trend.direction },
        })),
    });
  });
}
