/**
 * `GET /api/hotspots/pai?res&month&training&top&months&rank_by&category&source`: how well hot spot
 * maps would have predicted crime — the Predictive Accuracy Index back-test
 * (Chainey, Tompson & Uhlig 2008; `paiBacktest` in geo/stats). For each test month t (the `months`
 * months ending at `month`), the hot spots are the `top` cells of the city at `res` ranked over
 * months t−training … t−1 (by the Gi* z-score of the summed counts, or by the count), and they are
 * scored against month t: PAI = (hits / total) / (hot spot area / city area), areas in km².
 * Public callers get the back-test of the published monthly values at resolution ≤ 8.
 */
import { AppError } from '../../core/errors/index.ts';
import { addMonths, paiBacktest } from '../../geo/stats/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf } from '../auth/index.ts';
import { checkGiStarResolution } from '../shared/gistar.ts';
import { cityMonthly } from '../shared/city-monthly.ts';
import { parseParams, required } from '../params/index.ts';
import { parseMonth } from '../shared/months.ts';

export const PAI_DEFAULTS = { training: 3, top: 20, months: 1, rank_by: 'gistar' } as const;

export function registerPai(app: ApiApp, services: Services): void {
  app.get('/api/hotspots/pai', async (c) => {
    const query = c.req.query();
    const p = parseParams(query, ['res', 'training', 'top', 'months', 'rank_by', 'category', 'source']);
    const res = required(p.res, 'res');
    checkGiStarResolution(res);
    const month = parseMonth(query.month);
    const training = p.training ?? PAI_DEFAULTS.training;
    const top = p.top ?? PAI_DEFAULTS.top;
    const months = p.months ?? PAI_DEFAULTS.months;
    const rankBy = p.rank_by ?? PAI_DEFAULTS.rank_by;
    const firstTest = addMonths(month, -(months - 1));
    const data = await cityMonthly(services, principalOf(c), {
      res,
      fromMonth: addMonths(firstTest, -training),
      toMonth: addMonths(month, 1),
      categories: p.category ?? null,
      sources: p.source ?? null,
    });
    if (top > data.nb.cells.length)
      throw new AppError(
        'invalid_parameter',
        `top=${top}: la ciudad tiene ${data.nb.cells.length} celdas de resolución ${res}`,
      );
    const items = data.months.slice(training).map((testMonth, i) => {
      const r = paiBacktest({
        monthly: data.series,
        testMonth: training + i,
        trainingMonths: training,
        topN: top,
        rankBy: rankBy,
        neighbourhood: data.nb,
      });
      return {
        month: testMonth,
        pai: r.pai,
        hit_rate: r.hit_rate,
        area_share: r.area_share,
        hits: r.hits,
        total: r.total,
        hotspot_area_km2: r.hotspot_area,
        study_area_km2: r.study_area,
        cells: r.cells,
      };
    });
    const scored = items.flatMap((item) => (item.pai === null ? [] : [item.pai]));
    return c.json({
      res,
      month,
      months,
      training,
      top,
      rank_by: rankBy,
      category: query.category || null,
      ...(data.access === 'public' ? { access: 'public' } : {}),
      mean_pai: scored.length ? scored.reduce((a, b) => a + b, 0) / scored.length : null,
      items,
    });
  });
}
