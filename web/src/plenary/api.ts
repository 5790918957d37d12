/**
 * The Mesa endpoints the slides read (semáforo, trend, targets), through the app's `getJson`
 * (same Spanish `ApiError`s) and with the contract types declared in api/client.ts.
 */
import {
  ApiError,
  getJson,
  type Semaforo,
  type SemaforoItem,
  type Target,
  type TargetProgress,
  type Trend,
} from '../api/client.ts';
import type { AreaKind, Vintage } from '../state/urlState.ts';

export type { Semaforo, Target, TargetProgress, Trend } from '../api/client.ts';
export type SemaforoRow = SemaforoItem;

export const plenaryApi = {
  semaforo: (kind: AreaKind, ids: string[], month: string, category: string, vintage: Vintage, signal?: AbortSignal) =>
    getJson<Semaforo>('/api/semaforo', { kind, ids: ids.join(','), month, category, vintage }, signal),
  trend: (
    kind: AreaKind,
    id: string,
    range: { from: string; to: string },
    category: string,
    vintage: Vintage,
    signal?: AbortSignal,
  ) => getJson<Trend>('/api/trend', { kind, id, ...range, category, vintage }, signal),
  /**
   * The targets of some areas; an empty list when the targets API is absent (404) — the slide then
   * says "Sin metas definidas" instead of failing the whole session.
   */
  targets: async (kind: AreaKind, ids: string[], vintage: Vintage, signal?: AbortSignal): Promise<Target[]> => {
    try {
      return (
        (await getJson<{ items: Target[] }>('/api/targets', { kind, ids: ids.join(','), vintage }, signal)).items ?? []
      );
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return [];
      throw error;
    }
  },
  targetProgress: (id: string | number, signal?: AbortSignal) =>
    getJson<TargetProgress>(`/api/targets/${encodeURIComponent(String(id))}/progress`, {}, signal),
};
