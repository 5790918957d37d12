/**
 * The input of the space-time statistics (emerging hot spots, the PAI back-test): every cell of the
 * city's study area at one resolution (`cityStudyArea`, zeros included) with its dense monthly
 * counts over whole months. Counts come through the policy: exact for admin and moderador, and for
 * everyone else the published monthly values (a withheld cell-month counts 0, as in the public
 * Gi*), at public resolutions only (`hexagonPlan`). Incidents in cells whose centre lies outside the
 * city are left out and counted in `outside`.
 */
import { AppError } from '../../core/errors/index.ts';
import type { H3Resolution } from '../services/ports.ts';
import { monthsBetween, type Neighbourhood } from '../../geo/stats/index.ts';
import type { Services } from '../services/types.ts';
import type { Principal } from '../auth/index.ts';
import { hexagonPlan, publishMonth } from '../policy/index.ts';
import { cityStudyArea } from './gistar.ts';

export interface CityMonthly {
  nb: Neighbourhood;
  /** `YYYY-MM`, oldest first */
  months: string[];
  /** every study-area cell → its counts, one per month */
  series: Map<string, Float64Array>;
  /** incidents in cells whose centre lies outside the city */
  outside: number;
  access: 'public' | 'detail';
}

/** `YYYY-MM-01` → `YYYY-MM`; the analyses step by whole months, so both ends must be first days. */
export function wholeMonth(date: string, label: string): string {
  if (!date.endsWith('-01'))
    throw new AppError('month_aligned_required', `${label}=${date}: el análisis es por meses completos`);
  return date.slice(0, 7);
}

export async function cityMonthly(
  { repositories: { stats }, publicData }: Pick<Services, 'repositories' | 'publicData'>,
  principal: Principal | null,
  q: {
    res: H3Resolution;
    fromMonth: string;
    toMonth: string;
    categories: readonly string[] | null;
    sources: readonly string[] | null;
  },
): Promise<CityMonthly> {
  const plan = hexagonPlan(principal, { res: q.res, categories: q.categories, windows: [] });
  const counts = await stats.monthlyCountsByArea({
    kind: 'h3',
    res: q.res,
    categories: plan.categories,
    sources: q.sources,
    fromMonth: q.fromMonth,
    toMonth: q.toMonth,
  });
  const pub = plan.exact ? null : await publicData.publication(plan);
  const months = monthsBetween(q.fromMonth, q.toMonth);
  const nb = cityStudyArea(q.res);
  const series = new Map<string, Float64Array>(nb.cells.map((cell) => [cell, new Float64Array(months.length)]));
  let outside = 0;
  for (const [cell, byMonth] of counts) {
    const target = series.get(cell);
    months.forEach((m, t) => {
      const cell = byMonth.get(m);
      const value = pub ? (publishMonth(m, cell, pub) ?? 0) : (cell?.count ?? 0);
      if (target) target[t] = value;
      else outside += value;
    });
  }
  return { nb, months, series, outside, access: plan.exact ? 'detail' : 'public' };
}
