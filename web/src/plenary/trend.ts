/**
 * The Mann-Kendall result in words for the trend slide. The test itself runs on the server
 * (`/api/trend`, geo/stats); this only phrases its `direction` and p-value. Pure.
 */
import type { Trend } from './api.ts';

export interface TrendVerdict {
  icon: string;
  headline: string;
  explanation: string;
  /** p as shown: three decimals, or "< 0.001" */
  p: string;
}

export function formatP(p: number): string {
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function trendVerdict(trend: Pick<Trend, 'direction' | 'p' | 'n'>): TrendVerdict {
  const p = formatP(trend.p);
  switch (trend.direction) {
    case 'up':
      return {
        icon: '▲',
        headline: 'Tendencia al alza',
        explanation: `Significativa (Mann-Kendall, p = ${p} < 0.05, ${trend.n} meses).`,
        p,
      };
    case 'down':
      return {
        icon: '▼',
        headline: 'Tendencia a la baja',
        explanation: `Significativa (Mann-Kendall, p = ${p} < 0.05, ${trend.n} meses).`,
        p,
      };
    default:
      return {
        icon: '=',
        headline: 'Sin tendencia significativa',
        explanation: `Mann-Kendall: p = ${p} ≥ 0.05 en ${trend.n} meses.`,
        p,
      };
  }
}
