/**
 * Typed client for the Mapa Común API: the map's calls and types here, the Mesa views' in
 * `./mesa.ts`, the transport (errors, CSRF, query helpers) in `./http.ts`, the aggregate answers' types in
 * `./aggregates.ts`. All are re-exported,
 * so callers import everything from this module.
 */
import type { AreaKind, PlaceKind, Vintage } from '../state/urlState.ts';
import type { ApiAnswer } from './contract.ts';
import { getJson, placeParams, type Filters } from './http.ts';
import type { Comparison, Hotspots } from './aggregates.ts';
import { addMonths } from '../lib/months.ts';

export * from './http.ts';
export * from './mesa.ts';
export * from './aggregates.ts';

/** `/api/health`: the store's facts (per source, largest first). */
export type Health = ApiAnswer<'/api/health'>;

/**
 * Where the data ends: the end of the largest source. The overall end can be years later when a
 * small source (FGJ Milpa Alta) runs on past the citywide data. A day (`YYYY-MM-DD`) for callers
 * with detail; the public gets only months (`YYYY-MM`), as the privacy policy publishes them.
 */
export function mainDataUntil(health: Health): string | null {
  const largest = health.sources?.[0];
  return largest?.until ?? largest?.last_month ?? health.data_until ?? health.data_until_month ?? null;
}

/**
 * Where the default period may end: the largest source's last day (detail), else its last month —
 * or the month before when the API says that month is only partly loaded, so the default view never
 * shows a partial month as a drop. `defaultPeriod` takes either form.
 */
export function defaultPeriodEnd(health: Health): string | null {
  const largest = health.sources?.[0];
  if (largest?.until) return largest.until;
  if (largest?.last_month)
    return largest.last_month_complete === false ? addMonths(largest.last_month, -1) : largest.last_month;
  return health.data_until ?? health.data_until_month ?? null;
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

/** `/api/areas/{kind}/{id}/series`: a place's monthly series with each source's months (`sources`). */
export type AreaSeries = ApiAnswer<'/api/areas/{kind}/{id}/series'>;
/** `count` null: withheld by the privacy rule; absent with `coverage: 'none'` (no requested source covers the month). */
export type SeriesPoint = AreaSeries['series'][number];

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

/** The analysed hexagon maps (`/api/hotspots/gistar`, `/emerging`, `/pai`), as the contract describes them. */
export type GiStar = ApiAnswer<'/api/hotspots/gistar'>;
export type GiStarCell = GiStar['cells'][number];
export type Emerging = ApiAnswer<'/api/hotspots/emerging'>;
export type EmergingCell = Emerging['cells'][number];
export type Pai = ApiAnswer<'/api/hotspots/pai'>;

export const api = {
  health: (signal?: AbortSignal) => getJson<Health>('/api/health', {}, signal),
  /** every source with the months it covers, its last import and sync */
  sources: (signal?: AbortSignal) => getJson<ApiAnswer<'/api/sources'>>('/api/sources', {}, signal),
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
  transit: (signal?: AbortSignal) => getJson<GeoJSON.FeatureCollection>('/api/transit', {}, signal),
  basemap: () => getJson<ApiAnswer<'/api/basemap'>>('/api/basemap'),
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
  const list = (Array.isArray(body) ? body : (record.categories ?? record.items ?? [])) as Array<
    Record<string, unknown>
  >;
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

/** What kind of place a landmark is, as a neighbour would say it (the gazetteer's `kind`). */
export const LANDMARK_KIND_LABELS: Readonly<Record<string, string>> = {
  monumento: 'monumento',
  parque: 'parque',
  universidad: 'universidad',
  plaza: 'plaza',
  hospital: 'hospital',
  escuela: 'escuela',
  mercado: 'mercado',
  deportivo: 'deportivo',
  espectaculos: 'centro de espectáculos',
  centro_comercial: 'centro comercial',
  gobierno: 'oficina de gobierno',
  panteon: 'panteón',
  estadio: 'estadio',
  transporte: 'terminal de transporte',
  museo: 'museo',
};

/**
 * Accepts `/api/search` as `{results: [...]}`, `{items: [...]}` or a bare array. Areas carry
 * `type` (their kind) and `vintage`; stations carry `type: "station"`, `system`, `lines`, `lat`, `lon`;
 * landmarks `type: "landmark"` and their `kind`; street corners `type: "corner"`.
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
      bbox:
        Array.isArray(raw.bbox) && raw.bbox.length === 4 ? (raw.bbox as [number, number, number, number]) : undefined,
      detail: lines.length
        ? `${lines.length > 1 ? 'Líneas' : 'Línea'} ${lines.join(', ')}`
        : raw.vintage && (type === 'cuadrante' || type === 'sector')
          ? `versión ${raw.vintage}`
          : type === 'landmark'
            ? (LANDMARK_KIND_LABELS[String(raw.kind)] ?? undefined)
            : undefined,
    };
  });
}
