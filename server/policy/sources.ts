/**
 * What a caller may know about each source of incidents as a whole (`/api/health`, `/api/sources`,
 * the source months a public series is marked with): the policy's rule for city-wide facts.
 *
 * A source can be tiny: one approved citizen report, one chat import. Its exact count (1) and its
 * first and last day would then say "one report, on this day" to anyone. So, for callers without
 * city-wide detail (everyone but admin and moderador — a territory never holds the whole city):
 * - a source's count below k is withheld (null); counts of k or more are published exactly;
 * - dates are months, never days; and a source of at most k incidents gets no months at all: with
 *   n ≤ k incidents spread over two months, each of them holds at most n − 1 < k, so its first and
 *   last months would tell that a month of that source had 1 … k−1 incidents (n = k in one month
 *   would be exact, and is withheld with the rest);
 * - the overall count is the SUM of the published per-source counts (withheld ones add nothing),
 *   as every public total is a sum of published figures (docs/privacy.md): overall minus the
 *   published sources is then always 0, never a withheld count;
 * - the overall first and last months are those of the sources whose months are published, so a
 *   lone report newer than every other source does not move them.
 * Admin and moderador keep the exact counts and days.
 */
import type { Health } from '../services/ports.ts';
import { seesEverything, type Caller } from './index.ts';

export interface PublishedSource {
  source: string;
  source_kind: string;
  /** null: withheld (fewer than k incidents) */
  incidents: number | null;
  /** first and last month (`YYYY-MM`); null when withheld */
  first_month: string | null;
  last_month: string | null;
  /**
   * whether the source's last day is its last month's last day — a default period may end with that
   * month without showing a partly loaded month as a drop. The public gets it for official files
   * only (the authorities publish every day of them in their own open data); for citizen reports,
   * chats and news it would say whether one of them fell on a month's last day: null, as when the
   * months are withheld
   */
  last_month_complete: boolean | null;
  /** first and last day (`YYYY-MM-DD`): callers with city-wide detail only, else null */
  from: string | null;
  until: string | null;
  /** its dates are withheld from this caller (so is anything that dates it, such as its last import) */
  withheld: boolean;
}

export interface PublishedHealth {
  access: 'detail' | 'public';
  /** exact with detail; otherwise the sum of the published per-source counts */
  incidents: number;
  /** first and last day of the data: detail only, else null */
  dataFrom: string | null;
  dataUntil: string | null;
  /** first and last month over the sources whose months are published */
  firstMonth: string | null;
  lastMonth: string | null;
  /** largest first, as the store lists them */
  sources: PublishedSource[];
}

/** Whether the public may see the months of a source of `incidents` incidents (more than k). */
export function datedForPublic(incidents: number, k: number): boolean {
  return incidents > k;
}

/**
 * Of `sources` (any listing keyed by source id: the months a source covers at some level or in an
 * area), those whose months the public may see: a source the public may not date covers nothing
 * for the public — marking its months as covered would date its few incidents.
 */
export function publicDatedSources<T extends { source: string }>(sources: readonly T[], h: Health, k: number): T[] {
  const dated = new Set(h.sources.filter((s) => datedForPublic(s.incidents, k)).map((s) => s.source));
  return sources.filter((s) => dated.has(s.source));
}

/**
 * The day public rules count from (the sensitive embargo): the latest last day among the sources
 * whose months the public sees — never the day of a lone report newer than every other source.
 */
export function publicReferenceDay(h: Health, k: number): string | null {
  const days = h.sources.filter((s) => datedForPublic(s.incidents, k)).map((s) => s.until);
  return days.sort().at(-1) ?? null;
}

/** Whether the day `YYYY-MM-DD` is the last of its month. */
export function endsItsMonth(day: string): boolean {
  const next = new Date(`${day.slice(0, 10)}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return next.getUTCDate() === 1;
}

/** The city-wide facts of the store as `p` may see them (k = `PUBLIC_MIN_COUNT`). */
export function publishHealth(h: Health, p: Caller, k: number): PublishedHealth {
  return seesEverything(p) ? exactHealth(h) : publicHealth(h, k);
}

/** Every fact as the store holds it (admin, moderador; a series whose plan is exact). */
export function exactHealth(h: Health): PublishedHealth {
  return {
    access: 'detail',
    incidents: h.incidents,
    dataFrom: h.dataFrom,
    dataUntil: h.dataUntil,
    firstMonth: h.dataFrom?.slice(0, 7) ?? null,
    lastMonth: h.dataUntil?.slice(0, 7) ?? null,
    sources: h.sources.map((s) => ({
      source: s.source,
      source_kind: s.source_kind,
      incidents: s.incidents,
      first_month: s.from.slice(0, 7),
      last_month: s.until.slice(0, 7),
      last_month_complete: endsItsMonth(s.until),
      from: s.from,
      until: s.until,
      withheld: false,
    })),
  };
}

/** The public facts: months, counts of k or more, an overall count that adds up the published ones. */
export function publicHealth(h: Health, k: number): PublishedHealth {
  const sources = h.sources.map((s): PublishedSource => {
    const dated = datedForPublic(s.incidents, k);
    return {
      source: s.source,
      source_kind: s.source_kind,
      incidents: s.incidents >= k ? s.incidents : null,
      first_month: dated ? s.from.slice(0, 7) : null,
      last_month: dated ? s.until.slice(0, 7) : null,
      last_month_complete: dated && s.source_kind === 'official' ? endsItsMonth(s.until) : null,
      from: null,
      until: null,
      withheld: !dated,
    };
  });
  const firsts = sources.flatMap((s) => (s.first_month ? [s.first_month] : [])).sort();
  const lasts = sources.flatMap((s) => (s.last_month ? [s.last_month] : [])).sort();
  return {
    access: 'public',
    incidents: sources.reduce((sum, s) => sum + (s.incidents ?? 0), 0),
    dataFrom: null,
    dataUntil: null,
    firstMonth: firsts[0] ?? null,
    lastMonth: lasts.at(-1) ?? null,
    sources,
  };
}
