/**
 * "Datos al …" and the sources line every slide carries, from `/api/health`. Pure.
 */
import type { Health } from '../api/client.ts';
import { formatLongDate } from '../lib/format.ts';

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

/** The distinct publishers, largest source first. */
export function sourcesLine(health: Health | null): string {
  const labels = [...new Set((health?.sources ?? []).map((s) => sourceLabel(s.source, s.source_kind)))];
  return labels.length ? `Fuentes: ${labels.join('; ')}` : 'Fuentes: SSC/SSP-DF y FGJ-CDMX (datos abiertos)';
}

export function dataUntilLine(health: Health | null): string {
  return health?.data_until ? `Datos al ${formatLongDate(health.data_until)}` : 'Datos al —';
}
