/**
 * The shareable part of the map state, and its URL query form. Pure: `parse` and `serialize`
 * round-trip, and anything malformed in a hand-edited URL falls back to the default rather than
 * breaking the map.
 *
 *   ?c=-99.1332,19.4326&z=10.5&cat=robo_transeunte,homicidio_doloso&p=2015-10..2016-09
 *    &layer=cuadrante&v=2016&sel=P-1.3.8
 */
import { isMonth, monthIndex, type Month } from '../lib/months.ts';
import type { HexMode } from '../lib/hotspotClasses.ts';

export const HEX_MODES: readonly HexMode[] = ['count', 'gistar', 'emerging'];

export const AREA_KINDS = ['alcaldia', 'colonia', 'sector', 'cuadrante'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];
/** What a click on the map selects: areas of a kind, or H3 hexagons (`h3`). */
export const MAP_LAYERS = [...AREA_KINDS, 'h3'] as const;
export type MapLayer = (typeof MAP_LAYERS)[number];
/** An area kind or `h3`: what the API's compare, semáforo, trend and series take as `kind`. */
export type PlaceKind = MapLayer;
/** An H3 cell index as the API writes it (15 lower-case hex digits). */
const CELL_RE = /^8[0-9a-f]{14}$/;
export const VINTAGES = ['2016', '2023'] as const;
export type Vintage = (typeof VINTAGES)[number];

/** Mexico City's Zócalo, and a zoom that shows the whole city on a laptop. */
export const DEFAULT_CENTER: [number, number] = [-99.1332, 19.3526];
export const DEFAULT_ZOOM = 9.8;

export interface ShareableState {
  center: [lng: number, lat: number];
  zoom: number;
  categories: string[];
  /** Inclusive month range; null until known (then the default comes from `data_until`). */
  period: { first: Month; last: Month } | null;
  layer: MapLayer;
  vintage: Vintage;
  /** Selected area id, of kind `layer` (an H3 cell when `layer` is h3). */
  selected: string | null;
  /** What the hexagons show: counts, Gi* hot/cold spots, or emerging hot spot categories (`hx`). */
  hexMode: HexMode;
  /** What colours the map: hexagons, or the areas of the boundary layer as a choropleth (`color=areas`). */
  colorBy: ColorBy;
}

export const COLOR_BY = ['hexagons', 'areas'] as const;
export type ColorBy = (typeof COLOR_BY)[number];

export function defaultShareableState(): ShareableState {
  return {
    center: [...DEFAULT_CENTER],
    zoom: DEFAULT_ZOOM,
    categories: [],
    period: null,
    layer: 'cuadrante',
    vintage: '2023',
    selected: null,
    hexMode: 'count',
    colorBy: 'hexagons',
  };
}

function parseCenter(value: string | null): [number, number] | null {
  if (!value) return null;
  const parts = value.split(',').map(Number);
  if (parts.length !== 2 || !parts.every(Number.isFinite)) return null;
  const [lng, lat] = parts;
  return Math.abs(lng) <= 180 && Math.abs(lat) <= 85 ? [lng, lat] : null;
}

function parsePeriod(value: string | null): ShareableState['period'] {
  const [first, last] = (value ?? '').split('..');
  if (!first || !last || !isMonth(first) || !isMonth(last)) return null;
  return monthIndex(first) <= monthIndex(last) ? { first, last } : null;
}

export function parseUrlState(search: string): ShareableState {
  const params = new URLSearchParams(search);
  const state = defaultShareableState();
  state.center = parseCenter(params.get('c')) ?? state.center;
  const zoom = Number(params.get('z'));
  if (params.has('z') && Number.isFinite(zoom) && zoom >= 0 && zoom <= 22) state.zoom = zoom;
  const categories = params.get('cat');
  if (categories) state.categories = categories.split(',').filter((id) => /^[a-z0-9_]+$/.test(id));
  state.period = parsePeriod(params.get('p'));
  const layer = params.get('layer');
  if ((MAP_LAYERS as readonly string[]).includes(layer ?? '')) state.layer = layer as MapLayer;
  const vintage = params.get('v');
  if ((VINTAGES as readonly string[]).includes(vintage ?? '')) state.vintage = vintage as Vintage;
  const selected = params.get('sel');
  if (selected && (state.layer !== 'h3' || CELL_RE.test(selected))) state.selected = selected;
  const hexMode = params.get('hx');
  if ((HEX_MODES as readonly string[]).includes(hexMode ?? '')) state.hexMode = hexMode as HexMode;
  if (params.get('color') === 'areas') state.colorBy = 'areas';
  return state;
}

export function serializeUrlState(state: ShareableState): string {
  const params = new URLSearchParams();
  params.set('c', `${state.center[0].toFixed(4)},${state.center[1].toFixed(4)}`);
  params.set('z', state.zoom.toFixed(2));
  if (state.categories.length) params.set('cat', state.categories.join(','));
  if (state.period) params.set('p', `${state.period.first}..${state.period.last}`);
  params.set('layer', state.layer);
  params.set('v', state.vintage);
  if (state.selected) params.set('sel', state.selected);
  if (state.hexMode !== 'count') params.set('hx', state.hexMode);
  if (state.colorBy !== 'hexagons') params.set('color', state.colorBy);
  // URLSearchParams escapes ',' and ':' that are safe in a query; keep the URL readable.
  return params.toString().replaceAll('%2C', ',').replaceAll('%3A', ':');
}
