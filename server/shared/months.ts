/**
 * Month parameters and source coverage, shared by the Mesa statistics (semáforo, targets, PAI,
 * the plenary agenda).
 */
import { AppError } from '../../core/errors/index.ts';
import { addMonths, monthsBetween } from '../../geo/stats/index.ts';
import type { SourceMonths } from '../services/ports.ts';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** The `month` parameter (`YYYY-MM`, required); `invalid_date` otherwise, like every date parameter. */
export function parseMonth(raw: string | undefined): string {
  if (raw === undefined || raw === '') throw new AppError('invalid_date', 'falta el parámetro month (AAAA-MM)');
  if (!MONTH_RE.test(raw) || raw < '1900-01') throw new AppError('invalid_date', `month=${raw.slice(0, 40)} (use AAAA-MM)`);
  return raw;
}

/** The months the data covers: the union of each source's first … last month. */
export function coverageOf(sources: readonly SourceMonths[]): Set<string> {
  const covered = new Set<string>();
  for (const s of sources) for (const m of monthsBetween(s.first, addMonths(s.last, 1))) covered.add(m);
  return covered;
}
