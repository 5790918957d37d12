/**
 * Which months each source covers, and what that means for a monthly series. Sources end at very
 * different dates (the SSC points in September 2016, FGJ's Milpa Alta file in June 2022, news and
 * reports whenever they arrive): a month after a source's last record is "no data from this
 * source", not "no crime". A series marks such months with `coverage: 'none'` and no count — never
 * `null` (which means withheld by the privacy rule) and never 0 — and months that only some of the
 * requested sources cover with `coverage: 'partial'`.
 *
 * Coverage is a source's first … last month over the part of the city it publishes: the whole city,
 * or the one alcaldía its catalogue entry names (FGJ's víctimas file covers Milpa Alta only, so a
 * Cuauhtémoc series after the SSC's last month is "no data", not zeros). The public sees those dates
 * and scopes in `/api/sources`, so marking them costs no privacy; a source too small for the public
 * to see its months (server/policy/sources.ts) marks no month of a public series. (Per-area first and last months
 * would say when a small source first reported in a colonia; the Mesa targets use those behind the
 * policy.)
 */
import type { Health, IncidentRepository } from '../services/ports.ts';
import { sourceScopeAlcaldia } from './source-catalogue.ts';

export type MonthCoverage = 'full' | 'partial' | 'none';

/** A source's months as a series lists them: first and last `YYYY-MM`. */
export interface SourceSpan {
  source: string;
  kind: string;
  first_month: string;
  last_month: string;
}

/** A source's months as the caller may see them (server/policy/sources.ts): null when withheld. */
export interface SourceMonthsSeen {
  source: string;
  source_kind: string;
  first_month: string | null;
  last_month: string | null;
}

/**
 * The spans of the requested source kinds (all when `kinds` is null) that can cover a place in
 * `alcaldiaId`: a source limited to another alcaldía is left out. Without an alcaldía (a place the
 * reference data does not put in one), every source counts. A source whose months the caller may
 * not see covers nothing for that caller: its months would date its few incidents.
 */
export function sourceSpans(
  sources: readonly SourceMonthsSeen[],
  kinds: readonly string[] | null,
  alcaldiaId: string | null = null,
): SourceSpan[] {
  return sources
    .filter((s) => !kinds || kinds.includes(s.source_kind))
    .filter((s) => {
      const scope = sourceScopeAlcaldia(s.source);
      return !scope || !alcaldiaId || scope === alcaldiaId;
    })
    .flatMap((s) =>
      s.first_month && s.last_month
        ? [{ source: s.source, kind: s.source_kind, first_month: s.first_month, last_month: s.last_month }]
        : [],
    )
    .sort((a, b) => a.first_month.localeCompare(b.first_month) || a.source.localeCompare(b.source));
}

/** How many of `spans` cover `month` (`YYYY-MM`): all of them, some, or none. */
export function monthCoverage(month: string, spans: readonly SourceSpan[]): MonthCoverage {
  let covering = 0;
  for (const s of spans) if (s.first_month <= month && month <= s.last_month) covering++;
  return covering === 0 ? 'none' : covering === spans.length ? 'full' : 'partial';
}

export type CoveredPoint = { period: string; count?: number | null; coverage?: 'partial' | 'none' };

/**
 * A dense series with each month's coverage: months no requested source covers lose their count
 * (whatever the store or the perturbation gave: it is not a measurement), partly covered months say so.
 */
export function markCoverage(
  series: readonly { period: string; count: number | null }[],
  spans: readonly SourceSpan[],
): CoveredPoint[] {
  return series.map((p) => {
    const coverage = monthCoverage(p.period.slice(0, 7), spans);
    if (coverage === 'none') return { period: p.period, coverage };
    return coverage === 'partial' ? { ...p, coverage } : p;
  });
}

/**
 * The store's per-source counts and dates (`IncidentRepository.health`: two scans of `incidents`),
 * recomputed only when the data version changed — every import and approved report bumps it. A
 * failed read is forgotten, so the next call tries again.
 */
export function healthByVersion(repo: Pick<IncidentRepository, 'health'>): (version: string) => Promise<Health> {
  let memo: { version: string; health: Promise<Health> } | undefined;
  return (version) => {
    if (memo?.version !== version) {
      const health = repo.health();
      memo = { version, health };
      health.catch(() => {
        if (memo?.health === health) memo = undefined;
      });
    }
    return memo.health;
  };
}
