/**
 * URL state of the comparison view: `#comparar?a=2015-01..2015-06&b=2016-01..2016-06&modo=diferencia`.
 * Without `b` the map's period is used; without `a`, the same months one year before `b` (the
 * usual "against the same months a year earlier" comparison, which avoids seasonal effects).
 */
import { addMonths } from '../lib/months.ts';
import { formatMonthPeriod, parseMonthPeriod, type MonthPeriod } from '../mesa/hashRoute.ts';

export const COMPARE_MODES = ['dividido', 'diferencia'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface CompareState {
  a: MonthPeriod;
  b: MonthPeriod;
  mode: CompareMode;
}

export function yearBefore(period: MonthPeriod): MonthPeriod {
  return { first: addMonths(period.first, -12), last: addMonths(period.last, -12) };
}

export function parseCompareState(params: URLSearchParams, mapPeriod: MonthPeriod | null): CompareState | null {
  const b = parseMonthPeriod(params.get('b')) ?? mapPeriod;
  if (!b) return null;
  const a = parseMonthPeriod(params.get('a')) ?? yearBefore(b);
  const modeParam = params.get('modo');
  const mode = (COMPARE_MODES as readonly string[]).includes(modeParam ?? '') ? (modeParam as CompareMode) : 'dividido';
  return { a, b, mode };
}

export function compareParams(state: CompareState): Record<string, string> {
  return { a: formatMonthPeriod(state.a), b: formatMonthPeriod(state.b), modo: state.mode };
}
