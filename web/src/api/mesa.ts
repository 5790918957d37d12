/**
 * The Mesa views' part of the API client (semáforo, trend, targets, patrol,
 * sources side by side): response types and calls.
 */
import type { AreaKind, PlaceKind, Vintage } from '../state/urlState.ts';
import type { ApiAnswer } from './contract.ts';
import { getJson, placeParams, sendJson, type Filters } from './http.ts';
import type { Comparison, Hotspots } from './aggregates.ts';

export type SourceKind = 'official' | 'news' | 'citizen' | 'chat';

export type Semaforo = ApiAnswer<'/api/semaforo'>;
export type SemaforoItem = Semaforo['items'][number];

export type Trend = ApiAnswer<'/api/trend'>;

export type Session = ApiAnswer<'/api/session'>;
export type SessionUser = NonNullable<Session['user']>;

export type Target = ApiAnswer<'/api/targets'>['items'][number];
export type TargetProgress = ApiAnswer<'/api/targets/{target_id}/progress'>;

export interface NewTarget {
  name: string;
  kind: AreaKind;
  area_id: string;
  vintage?: number;
  category: string;
  baseline_from: string;
  baseline_to: string;
  reduction_pct: number;
  due_month: string;
}

/** One article behind a news incident (`GET /api/news/incidents`, detail roles only). */
export type NewsIncidents = ApiAnswer<'/api/news/incidents'>;
export type NewsSource = NewsIncidents['incidents'][number]['sources'][number];

export type Patrol = ApiAnswer<'/api/patrol'>;

export const mesaApi = {
  semaforo: (
    kind: PlaceKind,
    ids: string[],
    month: string,
    vintage: Vintage,
    category: string | undefined,
    signal?: AbortSignal,
  ) => getJson<Semaforo>('/api/semaforo', { ...placeParams(kind, ids), month, vintage, category }, signal),
  trend: (kind: PlaceKind, id: string, vintage: Vintage, filters: Filters, signal?: AbortSignal) =>
    getJson<Trend>('/api/trend', { kind, id, vintage, ...filters }, signal),
  session: (signal?: AbortSignal) => getJson<Session>('/api/session', {}, signal),
  targets: (kind: AreaKind, ids: string[], vintage: Vintage | undefined, signal?: AbortSignal) =>
    getJson<{ items: Target[] }>('/api/targets', { kind, ids: ids.join(','), vintage }, signal),
  targetProgress: (id: string | number, signal?: AbortSignal) =>
    getJson<TargetProgress>(`/api/targets/${encodeURIComponent(String(id))}/progress`, {}, signal),
  createTarget: (target: NewTarget, csrfToken?: string) => sendJson<Target>('POST', '/api/targets', target, csrfToken),
  patrol: (cuadrante: string, filters: Filters & { vintage?: Vintage }, signal?: AbortSignal) =>
    getJson<Patrol>('/api/patrol', { cuadrante, ...filters }, signal),
  newsIncidents: (kind: AreaKind, id: string, vintage: Vintage, filters: Filters, signal?: AbortSignal) =>
    getJson<NewsIncidents>(
      '/api/news/incidents',
      { kind, id, vintage, from: filters.from, to: filters.to, category: filters.category },
      signal,
    ),
  hotspotsBySource: (res: number, filters: Filters, source: SourceKind[], signal?: AbortSignal) =>
    getJson<Hotspots>('/api/hotspots', { res: String(res), ...filters, source: source.join(',') }, signal),
  compareBySource: (
    kind: PlaceKind,
    ids: string[] | null,
    vintage: Vintage,
    p1: string,
    p2: string,
    category: string | undefined,
    source: SourceKind[],
    signal?: AbortSignal,
  ) =>
    getJson<Comparison>(
      '/api/compare',
      { ...placeParams(kind, ids ?? []), vintage, p1, p2, category, source: source.join(',') },
      signal,
    ),
};
