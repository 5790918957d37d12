/**
 * Month parameters and source coverage, shared by the Mesa statistics (semáforo, targets, PAI,
 * the plenary agenda).
 */
import { AppError } from '../../core/errors/index.ts';
import { PLAUSIBLE_FROM, plausibleEnd, todayUtc } from '../../core/time/calendar.ts';
import { addMonths, monthsBetween } from '../../geo/stats/index.ts';
import type { SourceMonths } from '../services/ports.ts';

const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * The `month` parameter (`YYYY-MM`, required); `invalid_date` when malformed, like every date
 * parameter, and `range_too_long` outside the plausible range of dates (server/params `checkRange`).
 */
export function parseMonth(raw: string | undefined, today = todayUtc()): string {
  if (raw === undefined || raw === '') throw new AppError('invalid_date', 'falta el parámetro month (AAAA-MM)');
  if (!MONTH_RE.test(raw)) throw new AppError('invalid_date', `month=${raw.slice(0, 40)} (use AAAA-MM)`);
  const end = plausibleEnd(today);
  if (`${raw}-01` < PLAUSIBLE_FROM || `${raw}-01` >= end)
    throw new AppError(
      'range_too_long',
      `month=${raw} (use meses de ${PLAUSIBLE_FROM.slice(0, 7)} a antes de ${end.slice(0, 7)})`,
    );
  return raw;
}

/** The months the data covers: the union of each source's first … last month. */
export function coverageOf(sources: readonly SourceMonths[]): Set<string> {
  const covered = new Set<string>();
  for (const s of sources) for (const m of monthsBetween(s.first, addMonths(s.last, 1))) covered.add(m);
  return covered;
}
