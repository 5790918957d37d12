/**
 * Typed client for the Mapa Común API. Every failure becomes an `ApiError` whose `message` is
 * Spanish and fit to show as is: the server's own `{error: {code, message}}` when it sent one,
 * "No se pudo conectar con el servidor" when it could not be reached.
 */
import type { AreaKind, PlaceKind, Vintage } from '../state/urlState.ts';
import { PUBLIC_MAX_RESOLUTION } from '../lib/h3Resolution.ts';

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export const OFFLINE_MESSAGE = 'No se pudo conectar con el servidor';

/**
 * The CSRF token of a logged-in browser session (web/src/account sets it after login or a session
 * check, clears it on logout). The session cookie itself goes with every same-origin request; a
 * state-changing request must also carry this token in `X-CSRF-Token`.
 */
let sessionCsrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  sessionCsrfToken = token;
}
/** `{x-csrf-token}` when logged in, else nothing: spread it into POST/PUT/PATCH/DELETE headers. */
export function csrfHeaders(): Record<string, string> {
  return sessionCsrfToken ? { 'x-csrf-token': sessionCsrfToken } : {};
}

export async function getJson<T>(path: string, params: Record<string, string | undefined> = {}, signal?: AbortSignal): Promise<T> {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') query.set(key, value);
  const url = query.size ? `${path}?${query.toString().replaceAll('%2C', ',')}` : path;
  let response: Response;
  try {
    response = await fetch(url, { signal, headers: { accept: 'application/json' } });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(OFFLINE_MESSAGE, 'network', 0);
  }
  const body = await response.json().catch(() => null);
  if (!response.ok) {
    const apiError = body?.error;
    throw new ApiError(
      apiError?.message ?? (response.status >= 500 ? OFFLINE_MESSAGE : `Error ${response.status}`),
      apiError?.code ?? 'http',
      response.status,
    );
  }
  if (body === null) throw new ApiError('Respuesta no válida del servidor', 'invalid_json', response.status);
  return body as T;
}

export interface Health {
  ok: boolean;
  db: 'pglite' | 'postgres';
  incidents: number;
  data_until: string | null;
  /** per source, largest first */
  sources?: { source: string; source_kind: string; incidents: number; from: string; until: string }[];
}

/**
 * The date the default period ends at: the end of the largest source. The overall `data_until` can
 * be years later when a small source (FGJ Milpa Alta) runs on past the citywide data.
 */
export function mainDataUntil(health: Health): string | null {
  return health.sources?.[0]?.until ?? health.data_until;
}

export interface Category {
  id: string;
  label: string;
  group: string | null;
  sensitive: boolean;
}

export interface CategoryGroup {
  id: string;
  label: string;
  categories: Category[];
}

/** Public answers (no token) withhold small counts: `count` null = "menos de k" (dato reservado). */
export interface HotspotCell {
  h3: string;
  count: number | null;
  /** some month of the period was withheld: the count is the sum of the published months */
  partial?: boolean;
}

export interface Hotspots {
  res: number;
  /** k of the public view (counts 1 … k−1 are withheld); absent for detailed answers */
  min_count?: number;
  cells: HotspotCell[];
}

export interface SeriesPoint {
  period: string;
  count: number | null;
}

export interface AreaSeries {
  kind: PlaceKind;
  id: string;
  /** the area's or cell's display name (a cell: the colonia and alcaldía at its centre) */
  name?: string;
  vintage?: Vintage;
  series: SeriesPoint[];
}

export interface CompareItem {
  id: string;
  name: string;
  p1: number | null;
  p2: number | null;
  diff: number | null;
  partial_p1?: boolean;
  partial_p2?: boolean;
  pct: number | null;
  population: number | null;
  rate_p1: number | null;
  rate_p2: number | null;
}

export interface Comparison {
  items: CompareItem[];
}

export interface SearchResult {
  kind: string;
  id: string;
  name: string;
  /** Area kind to select, when the result is an area; stations only move the map. */
  areaKind: AreaKind | null;
  vintage?: string;
  center?: [number, number];
  bbox?: [number, number, number, number];
  detail?: string;
}

export interface Filters {
  from?: string;
  to?: string;
  category?: string;
}

/**
 * `kind` and `ids` for the place endpoints; H3 cells without ids need `res`: the public map's
 * finest resolution (every cell with incidents at the resolution the public may see).
 */
export function placeParams(kind: PlaceKind, ids: readonly string[]): Record<string, string | undefined> {
  return { kind, ids: ids.join(','), res: kind === 'h3' && ids.length === 0 ? String(PUBLIC_MAX_RESOLUTION) : undefined };
}

export const api = {
  health: (signal?: AbortSignal) => getJson<Health>('/api/health', {}, signal),
  categories: async (signal?: AbortSignal) =>
    normalizeCategories(await getJson<unknown>('/api/categories', {}, signal)),
  hotspots: (res: number, filters: Filters, signal?: AbortSignal) =>
    getJson<Hotspots>('/api/hotspots', { res: String(res), ...filters }, signal),
  gistar: (res: number, filters: Filters, signal?: AbortSignal) =>
    getJson<GiStar>('/api/hotspots/gistar', { res: String(res), ...filters }, signal),
  emerging: (res: number, filters: Filters, signal?: AbortSignal) =>
    getJson<Emerging>('/api/hotspots/emerging', { res: String(res), ...filters }, signal),
  pai: (res: number, month: string, category: string | undefined, signal?: AbortSignal) =>
    getJson<Pai>('/api/hotspots/pai', { res: String(res), month, category }, signal),
  series: (kind: PlaceKind, id: string, vintage: Vintage, filters: Filters, signal?: AbortSignal) =>
    getJson<AreaSeries>(
      `/api/areas/${kind}/${encodeURIComponent(id)}/series`,
      { interval: 'month', vintage, ...filters },
      signal,
    ),
  compare: (
    kind: PlaceKind,
    ids: string[],
    vintage: Vintage,
    p1: string,
    p2: string,
    category: string | undefined,
    signal?: AbortSignal,
  ) => getJson<Comparison>('/api/compare', { ...placeParams(kind, ids), vintage, p1, p2, category }, signal),
  boundaries: (kind: AreaKind, vintage: Vintage, signal?: AbortSignal) =>
    getJson<GeoJSON.FeatureCollection>(`/api/boundaries/${kind}`, { vintage }, signal),
  search: async (q: string, signal?: AbortSignal) =>
    normalizeSearch(await getJson<unknown>('/api/search', { q }, signal)),
};

const GROUP_LABELS: Record<string, string> = {
  robo_transporte_publico: 'Robo en transporte público',
};

/**
 * Accepts `/api/categories` either as `{categories: [...], groups: [...]}` or as a bare array, and
 * returns display groups in the server's order; categories without a group stand alone.
 */
export function normalizeCategories(body: unknown): CategoryGroup[] {
  const record = (body ?? {}) as Record<string, unknown>;
  const list = (Array.isArray(body) ? body : (record.categories ?? record.items ?? [])) as Array<Record<string, unknown>>;
  const groupList = (Array.isArray(record.groups) ? record.groups : []) as Array<Record<string, unknown>>;
  const groupLabel = new Map<string, string>();
  for (const group of groupList) groupLabel.set(String(group.id), String(group.label ?? group.id));
  const groups: CategoryGroup[] = [];
  const byId = new Map<string, CategoryGroup>();
  for (const raw of list) {
    const category: Category = {
      id: String(raw.id),
      label: String(raw.label ?? raw.id),
      group: raw.group ? String(raw.group) : null,
      sensitive: Boolean(raw.sensitive),
    };
    const key = category.group ?? category.id;
    let group = byId.get(key);
    if (!group) {
      group = {
        id: key,
        label: category.group ? (groupLabel.get(key) ?? GROUP_LABELS[key] ?? key) : category.label,
        categories: [],
      };
      byId.set(key, group);
      groups.push(group);
    }
    group.categories.push(category);
  }
  return groups;
}

const KIND_ALIASES: Record<string, AreaKind> = {
  alcaldia: 'alcaldia',
  colonia: 'colonia',
  sector: 'sector',
  cuadrante: 'cuadrante',
};

/**
 * Accepts `/api/search` as `{results: [...]}`, `{items: [...]}` or a bare array. Areas carry
 * `type` (their kind) and `vintage`; stations carry `type: "station"`, `system`, `lines`, `lat`, `lon`.
 */
export function normalizeSearch(body: unknown): SearchResult[] {
  const record = (body ?? {}) as Record<string, unknown>;
  const list = (Array.isArray(body) ? body : (record.results ?? record.items ?? [])) as Array<Record<string, unknown>>;
  return list.map((raw) => {
    const type = String(raw.type ?? raw.kind ?? '');
    const kind = type === 'station' && raw.system ? String(raw.system) : type;
    const lng = Number(raw.lon ?? raw.lng ?? (raw.center as number[] | undefined)?.[0]);
    const lat = Number(raw.lat ?? (raw.center as number[] | undefined)?.[1]);
    const lines = Array.isArray(raw.lines) ? (raw.lines as unknown[]).map(String) : [];
    return {
      kind,
      id: String(raw.id ?? raw.name),
      name: String(raw.name ?? raw.label ?? raw.id),
      areaKind: KIND_ALIASES[type] ?? null,
      vintage: raw.vintage ? String(raw.vintage) : undefined,
      center: Number.isFinite(lng) && Number.isFinite(lat) ? [lng, lat] : undefined,
      bbox: Array.isArray(raw.bbox) && raw.bbox.length === 4 ? (raw.bbox as [number, number, number, number]) : undefined,
      detail: lines.length
        ? `${lines.length > 1 ? 'Líneas' : 'Línea'} ${lines.join(', ')}`
        : raw.vintage && (type === 'cuadrante' || type === 'sector')
          ? `versión ${raw.vintage}`
          : undefined,
    };
  });
}

// --- Mesa views (issue 5: semáforo, trend, targets, patrol; issue 4: sources) -------------------

export type SourceKind = 'official' | 'news' | 'citizen' | 'chat';

export interface SemaforoItem {
  id: string;
  name: string;
  /** null = withheld (public view) */
  count: number | null;
  baseline_mean: number | null;
  baseline_months: number;
  pct_change: number | null;
  color: 'verde' | 'amarillo' | 'rojo' | null;
  partial?: boolean;
}

export interface Semaforo {
  kind: PlaceKind;
  vintage: number;
  category: string | null;
  month: string;
  min_count?: number;
  items: SemaforoItem[];
}

export interface Trend {
  n: number;
  s: number;
  var_s: number;
  z: number;
  p: number;
  tau: number;
  direction: 'up' | 'down' | 'none';
  from?: string | null;
  to?: string | null;
  withheld_months?: number;
}

export interface GiStarCell {
  h3: string;
  count: number;
  z: number;
  p: number;
  hot: boolean | null;
}

export interface GiStar {
  res: number;
  cells: GiStarCell[];
}

export interface EmergingCell {
  h3: string;
  category: string;
  label: string;
  count: number;
  hot_months: number;
  cold_months: number;
  trend: { s: number; z: number; p: number; tau: number; direction: 'up' | 'down' | 'none' };
}

export interface Emerging {
  res: number;
  months: number;
  study_cells: number;
  summary: Record<string, number>;
  cells: EmergingCell[];
}

export interface Pai {
  res: number;
  top: number;
  training: number;
  mean_pai: number | null;
  items: { month: string; pai: number | null; hit_rate: number | null; area_share: number; hits: number; total: number }[];
}

export interface SessionUser {
  id: string | number;
  email: string;
  name: string | null;
  role: 'mesa' | 'enlace' | 'moderador' | 'admin';
  territory: string[] | null;
}

export interface Session {
  user: SessionUser | null;
  csrf_token?: string;
}

export interface Target {
  id: string | number;
  name: string;
  kind: AreaKind;
  area_id: string;
  area_name?: string;
  vintage: number | null;
  category: string;
  baseline_from: string;
  baseline_to: string;
  reduction_pct: number;
  due_month: string;
  created_at?: string;
  created_by?: string;
}

export interface TargetProgress {
  target: Target;
  baseline_monthly_mean: number | null;
  goal_monthly: number | null;
  items: { month: string; count: number | null; goal: number | null; met: boolean | null; partial?: boolean }[];
  status: 'cumplida' | 'en_curso' | 'no_cumplida' | null;
}

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

export interface Patrol {
  cuadrante: { id: string; name: string; sector?: string | null; alcaldia?: string | null };
  from: string | null;
  to: string | null;
  total: number;
  heat: { rows: number; cols: number; counts: number[][] };
  unknown_hour: number;
  top_cells: { h3: string; res: number; count: number }[];
  by_category: { category: string; count: number }[];
}

/** POST/DELETE with JSON; a session (cookie) caller must send its CSRF token. */
async function sendJson<T>(method: 'POST' | 'DELETE', path: string, body: unknown, csrfToken?: string): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const csrf = csrfToken ?? sessionCsrfToken; // the logged-in session's, unless given
  if (csrf) headers['x-csrf-token'] = csrf;
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  } catch {
    throw new ApiError(OFFLINE_MESSAGE, 'network', 0);
  }
  const parsed = await response.json().catch(() => null);
  if (!response.ok) {
    const apiError = parsed?.error;
    throw new ApiError(apiError?.message ?? `Error ${response.status}`, apiError?.code ?? 'http', response.status);
  }
  return parsed as T;
}

export const mesaApi = {
  semaforo: (kind: PlaceKind, ids: string[], month: string, vintage: Vintage, category: string | undefined, signal?: AbortSignal) =>
    getJson<Semaforo>('/api/semaforo', { ...placeParams(kind, ids), month, vintage, category }, signal),
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
    getJson<Comparison>('/api/compare', { ...placeParams(kind, ids ?? []), vintage, p1, p2, category, source: source.join(',') }, signal),
};
