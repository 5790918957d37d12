/**
 * The ONE map state: a Svelte 5 runes class shared through context. Every component reads and
 * writes it; the shareable part is mirrored into the URL (see `urlState.ts`), so reloading or
 * sending the link restores the view.
 */
import { getContext, setContext } from 'svelte';
import { monthsToPeriod, monthsToRange, previousPeriod, type Month } from '../lib/months.ts';
import {
  parseUrlState,
  serializeUrlState,
  type AreaKind,
  type ColorBy,
  type MapLayer,
  type PlaceKind,
  type ShareableState,
  type Vintage,
} from './urlState.ts';
import type { CategoryGroup, Health } from '../api/client.ts';
import type { ApiAnswer } from '../api/contract.ts';
import type { HexClass, HexMode } from '../lib/hotspotClasses.ts';
import { areaColoring, sensitiveChosen, type AreaColoring } from '../lib/areaColoring.ts';
import type { ColorClass } from '../lib/colorScale.ts';

/** What the area choropleth drew, for its legend (set by the interactive BoundaryLayer). */
export interface AreaFigures {
  kind: AreaKind;
  state: 'loading' | 'ready' | 'error';
  error: string | null;
  classes: ColorClass[];
  /** areas published as 0, withheld (null) and with a figure */
  zero: number;
  withheld: number;
  shown: number;
  /** publication threshold of a public answer (null: exact figures) */
  minCount: number | null;
  /** a sensitive category: months from this one on are withheld */
  embargoFrom: string | null;
  delayDays: number | null;
}

/** Area kinds that have a boundary vintage of their own; the others have one set of shapes. */
export const KINDS_WITH_VINTAGE: readonly PlaceKind[] = ['cuadrante', 'sector'];

export const AREA_KIND_LABELS: Record<MapLayer, string> = {
  alcaldia: 'Alcaldías',
  colonia: 'Colonias',
  sector: 'Sectores',
  cuadrante: 'Cuadrantes',
  h3: 'Hexágonos',
};

export const AREA_KIND_SINGULAR: Record<PlaceKind, string> = {
  alcaldia: 'Alcaldía',
  colonia: 'Colonia',
  sector: 'Sector',
  cuadrante: 'Cuadrante',
  h3: 'Hexágono H3',
};

/** A selected area, or a selected H3 hexagon (`kind: 'h3'`, id = the cell). */
export interface SelectedArea {
  kind: PlaceKind;
  id: string;
  /** Display name when known (from the boundary feature or the search result). */
  name: string | null;
}

/** A selection that is an area, not a hexagon (targets and patrol sheets are per area). */
export type SelectedAreaOnly = SelectedArea & { kind: AreaKind };

export function isAreaSelection(selected: SelectedArea | null): selected is SelectedAreaOnly {
  return selected !== null && selected.kind !== 'h3';
}

export class MapState {
  center = $state<[number, number]>([0, 0]);
  zoom = $state(10);
  categories = $state<string[]>([]);
  period = $state<{ first: Month; last: Month } | null>(null);
  layer = $state<MapLayer>('cuadrante');
  vintage = $state<Vintage>('2023');
  selected = $state<SelectedArea | null>(null);
  hexMode = $state<HexMode>('count');
  colorBy = $state<ColorBy>('hexagons');
  /** The signed-in role (null: the public); decides whether sensitive categories can be drawn finer than alcaldías. */
  viewerRole = $state<string | null>(null);
  /** Set by the interactive BoundaryLayer while areas are coloured. */
  areaFigures = $state<AreaFigures | null>(null);

  /** Server facts, loaded once. */
  health = $state<Health | null>(null);
  /** `/api/sources`: each source's months (null until loaded, or when the server is older) */
  sources = $state<ApiAnswer<'/api/sources'>['sources'] | null>(null);
  categoryGroups = $state<CategoryGroup[]>([]);
  /** First month with data (the month slider's lower end). */
  firstDataMonth: Month = '2013-01';

  /** Set by the HotspotLayer: loading flag, last error, and the numbers behind the legend. */
  hotspotsLoading = $state(false);
  hotspotsError = $state<string | null>(null);
  hotspotCounts = $state<number[]>([]);
  /** hexagons withheld by the privacy rule in the last public answer, and its threshold (null: full access) */
  hotspotWithheld = $state<{ cells: number; minCount: number | null }>({ cells: 0, minCount: null });
  hotspotResolution = $state<number | null>(null);
  /** With an analysed hexagon map (Gi*, emerging): the classes drawn and their cell counts, for the legend. */
  hotspotClasses = $state<(HexClass & { count: number })[]>([]);
  /** Months the emerging analysis used (its reliability grows with them). */
  hotspotMonths = $state<number | null>(null);

  /** Set by the interactive BoundaryLayer. */
  boundariesLoading = $state(false);
  boundariesError = $state<string | null>(null);

  /** An area the map should fly to once its shape is loaded (search, "mi cuadrante"). */
  focusRequest = $state<{ kind: PlaceKind; id: string } | null>(null);

  constructor(initial: ShareableState) {
    this.center = initial.center;
    this.zoom = initial.zoom;
    this.categories = initial.categories;
    this.period = initial.period;
    this.layer = initial.layer;
    this.vintage = initial.vintage;
    this.selected = initial.selected ? { kind: initial.layer, id: initial.selected, name: null } : null;
    this.hexMode = initial.hexMode;
    this.colorBy = initial.colorBy;
  }

  static fromUrl(search: string): MapState {
    return new MapState(parseUrlState(search));
  }

  /** The vintage that applies to the current layer (alcaldías and colonias have only one). */
  get effectiveVintage(): Vintage {
    return KINDS_WITH_VINTAGE.includes(this.coloring.kind) ? this.vintage : '2023';
  }

  /** The sensitive categories ticked. */
  get sensitiveCategories() {
    return sensitiveChosen(this.categories, this.categoryGroups);
  }

  /** What the map draws: hexagons or coloured areas, and which boundary layer (lib/areaColoring). */
  get coloring(): AreaColoring {
    return areaColoring({
      colorBy: this.colorBy,
      layer: this.layer,
      sensitive: this.sensitiveCategories,
      role: this.viewerRole,
    });
  }

  /** "Áreas": colour the boundary layer; hexagons as a layer have no areas, so alcaldías are taken. */
  setColorBy(colorBy: ColorBy): void {
    this.colorBy = colorBy;
    if (colorBy === 'areas' && this.layer === 'h3') this.setLayer('alcaldia');
  }

  /** The API's date/category filters for the current period and categories. */
  get filters(): { from?: string; to?: string; category?: string } {
    const range = this.period ? monthsToRange(this.period.first, this.period.last) : {};
    return { ...range, category: this.categories.length ? this.categories.join(',') : undefined };
  }

  /** `p1` (the same-length period before) and `p2` (the chosen period) for `/api/compare`. */
  get comparePeriods(): { p1: string; p2: string } | null {
    if (!this.period) return null;
    const before = previousPeriod(this.period.first, this.period.last);
    return { p1: monthsToPeriod(before.first, before.last), p2: monthsToPeriod(this.period.first, this.period.last) };
  }

  get shareable(): ShareableState {
    return {
      center: this.center,
      zoom: this.zoom,
      categories: this.categories,
      period: this.period,
      layer: this.layer,
      vintage: this.vintage,
      selected: this.selected && this.selected.kind === this.layer ? this.selected.id : null,
      hexMode: this.hexMode,
      colorBy: this.colorBy,
    };
  }

  toQuery(): string {
    return serializeUrlState(this.shareable);
  }

  select(area: SelectedArea | null): void {
    if (area && area.kind !== this.layer) this.layer = area.kind;
    this.selected = area;
  }

  /** Selects an area and asks the map to frame it. */
  selectAndFocus(area: SelectedArea): void {
    this.select(area);
    this.focusRequest = { kind: area.kind, id: area.id };
  }

  setLayer(kind: MapLayer): void {
    if (kind === this.layer) return;
    this.layer = kind;
    this.selected = null;
  }

  setVintage(vintage: Vintage): void {
    if (vintage === this.vintage) return;
    this.vintage = vintage;
    if (this.selected && KINDS_WITH_VINTAGE.includes(this.selected.kind)) this.selected = null;
  }
}

const CONTEXT_KEY = Symbol('map-state');

export function provideMapState(state: MapState): MapState {
  return setContext(CONTEXT_KEY, state);
}

export function useMapState(): MapState {
  const state = getContext<MapState | undefined>(CONTEXT_KEY);
  if (!state) throw new Error('useMapState() outside <App>: no MapState in context');
  return state;
}
