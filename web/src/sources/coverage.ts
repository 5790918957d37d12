/**
 * Per-source dates for a line of text ("SSC: datos de ene 2013 a sep 2016"), from `/api/sources`.
 * Sources end at very different dates; one overall "datos al …" would make a source that stopped
 * years ago look current, so the map and every slide name each source on screen with its months. Pure.
 */
import type { ApiAnswer } from '../api/contract.ts';
import type { SourceKind } from '../api/client.ts';
import { formatMonthShort } from '../lib/format.ts';
import { monthsBetween, type Month } from '../lib/months.ts';

export type SourcesAnswer = ApiAnswer<'/api/sources'>;
export type SourceStatus = SourcesAnswer['sources'][number];

/** The sources that hold incidents of the given kinds (all kinds when null), earliest first. */
export function sourcesOnScreen(sources: readonly SourceStatus[], kinds: readonly SourceKind[] | null): SourceStatus[] {
  return sources
    .filter((s) => s.first_month && (!kinds || kinds.includes(s.kind)))
    .sort((a, b) => a.first_month!.localeCompare(b.first_month!) || a.label.localeCompare(b.label, 'es'));
}

/** `SSC: datos de ene 2013 a sep 2016`, `FGJ (Milpa Alta): datos de ene 2016 a jun 2022`. */
export function sourceSpanText(s: SourceStatus): string {
  const name = s.scope ? `${s.label} (${s.scope})` : s.label;
  if (!s.first_month || !s.last_month) return `${name}: sin datos`;
  return s.first_month === s.last_month
    ? `${name}: datos de ${formatMonthShort(s.first_month)}`
    : `${name}: datos de ${formatMonthShort(s.first_month)} a ${formatMonthShort(s.last_month)}`;
}

/** One line for the sources on screen, joined with " · "; a fallback when none holds data. */
export function coverageLine(sources: readonly SourceStatus[] | null, kinds: readonly SourceKind[] | null): string {
  const shown = sourcesOnScreen(sources ?? [], kinds);
  return shown.length ? shown.map(sourceSpanText).join(' · ') : 'Sin datos de las fuentes elegidas';
}

/**
 * The months of `first … last` that no source holding data covers (a month after every source's
 * last month is no data, not zero): a comparison or a semáforo over them would read a drop to zero.
 * Empty while `/api/sources` has not answered.
 */
export function uncoveredMonths(sources: readonly SourceStatus[] | null, first: Month, last: Month): Month[] {
  if (!sources) return [];
  const spans = sourcesOnScreen(sources, null);
  return monthsBetween(first, last).filter((m) => !spans.some((s) => s.first_month! <= m && m <= s.last_month!));
}
