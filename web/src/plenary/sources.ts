/**
 * "Datos al …" and the sources line every slide carries: each source on screen with its months
 * (`/api/sources`), else the publishers from `/api/health`. Pure.
 */
import { mainDataUntil, type Health } from '../api/client.ts';
import { formatDataUntil } from '../lib/format.ts';
import { coverageLine, type SourceStatus } from '../sources/coverage.ts';

/** Publishers by source id prefix (the ids are the importers' names, e.g. `ssc_points`). */
const PUBLISHERS: [prefix: string, label: string][] = [
  ['ssc', 'SSC/SSP-DF (datos abiertos)'],
  ['fgj', 'FGJ-CDMX (datos abiertos)'],
  ['citizen', 'reportes ciudadanos moderados'],
  ['chat', 'chats vecinales moderados'],
  ['news', 'notas de prensa'],
];

export function sourceLabel(source: string, sourceKind = ''): string {
  const key = source.toLowerCase();
  return PUBLISHERS.find(([prefix]) => key.startsWith(prefix) || sourceKind === prefix)?.[1] ?? source;
}

/**
 * "Fuentes: SSC: datos de ene 2013 a sep 2016 · FGJ (Milpa Alta): datos de ene 2016 a jun 2022" from
 * `/api/sources`; without it, the distinct publishers, largest source first.
 */
export function sourcesLine(health: Health | null, sources: readonly SourceStatus[] | null = null): string {
  if (sources?.some((s) => s.first_month !== null)) return `Fuentes: ${coverageLine(sources, null)}`;
  const labels = [...new Set((health?.sources ?? []).map((s) => sourceLabel(s.source, s.source_kind)))];
  return labels.length ? `Fuentes: ${labels.join('; ')}` : 'Fuentes: SSC/SSP-DF y FGJ-CDMX (datos abiertos)';
}

/**
 * The last date of the largest source (a small source running years past it would mislead): its day
 * for callers with detail, its month for the public.
 */
export function dataUntilLine(health: Health | null): string {
  const until = health ? mainDataUntil(health) : null;
  return until ? `Datos al ${formatDataUntil(until)}` : 'Datos al —';
}
