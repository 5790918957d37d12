/** Context through which the map-concept components reach the one MapLibre map. */
import { getContext, setContext } from 'svelte';
import type { Map as MapLibreMap } from 'maplibre-gl';

const MAP_KEY = Symbol('maplibre-map');

export interface MapHandle {
  map: MapLibreMap;
  /** The element holding the canvas; layers write their status attributes on it (tests read them). */
  container: HTMLElement;
  /** A street basemap paints the ground: layers drawn under MapLibre's canvas would be hidden by it. */
  opaqueBasemap: boolean;
}

export function provideMap(handle: MapHandle): void {
  setContext(MAP_KEY, handle);
}

export function useMap(): MapHandle {
  const handle = getContext<MapHandle | undefined>(MAP_KEY);
  if (!handle) throw new Error('useMap() outside <BaseMap>');
  return handle;
}
