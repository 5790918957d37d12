/**
 * The news sources' run status for admins (`GET /api/news/sources`, server/news/sources.ts), and
 * how the screen words it: a source is "al día", "falló" (with the reason), "sin ejecutar",
 * "desactivada" or "ya no configurada".
 */
import { getJson } from '../api/http.ts';
import type { ApiAnswer } from '../api/contract.ts';

export type NewsSourcesAnswer = ApiAnswer<'/api/news/sources'>;
export type NewsSourceStatus = NewsSourcesAnswer['sources'][number];

export const fetchNewsSources = (): Promise<NewsSourcesAnswer> => getJson<NewsSourcesAnswer>('/api/news/sources');

export type SourceHealth = 'ok' | 'failed' | 'never' | 'disabled' | 'removed';

export function sourceHealth(s: NewsSourceStatus): SourceHealth {
  if (!s.configured) return 'removed';
  if (!s.enabled) return 'disabled';
  if (!s.last_run) return 'never';
  return s.last_run.status;
}

export const HEALTH_LABELS: Record<SourceHealth, string> = {
  ok: 'al día',
  failed: 'falló',
  never: 'sin ejecutar',
  disabled: 'desactivada',
  removed: 'ya no configurada',
};

const dateTime = new Intl.DateTimeFormat('es-MX', {
  dateStyle: 'medium',
  timeStyle: 'short',
  timeZone: 'America/Mexico_City',
});

/** A timestamp in Mexico City time, or a dash. */
export function formatRunTime(iso: string | null | undefined): string {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

/** "12 notas, 3 incidentes" from a pass's counts (the keys `news --once` prints). */
export function describePass(counts: Record<string, number> | null | undefined): string {
  if (!counts) return '—';
  const parts: string[] = [];
  const plural = (n: number, one: string, many: string) => `${n.toLocaleString('es-MX')} ${n === 1 ? one : many}`;
  if (counts.articles !== undefined) parts.push(plural(counts.articles, 'nota', 'notas'));
  if (counts.incidents !== undefined) parts.push(plural(counts.incidents, 'incidente', 'incidentes'));
  if (counts.duplicates) parts.push(plural(counts.duplicates, 'duplicada', 'duplicadas'));
  if (counts.errors) parts.push(plural(counts.errors, 'error', 'errores'));
  return parts.length ? parts.join(', ') : '—';
}
