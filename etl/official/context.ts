/**
 * The lookups the row normaliser needs, built once per process: the reverse geocoder over the
 * bundled boundaries, the SSC 2016 cuadrante → sector/alcaldía lookup, and (only for formats that
 * state colonia/alcaldía names, i.e. FGJ) the structured geocoder of `reference/geocoder`.
 */
import { buildReverseGeocoder, type ReverseGeocoder } from '../../geo/areas/index.ts';
import { alcaldiaIdFor } from '../../geo/gazetteer/index.ts';
import { loadBoundarySets, loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import type { FormatMapping } from './mappings.ts';
import type { RowContext } from './rows.ts';

let reverse: ReverseGeocoder | undefined;
let geocoderReady = false;

/** The reverse geocoder (shared with the structured geocoder once that one is built). */
export function reverseGeocoder(): ReverseGeocoder {
  if (geocoderReady) return getGeocoder().reverse;
  return (reverse ??= buildReverseGeocoder(loadBoundarySets()));
}

export function rowContext(mapping: FormatMapping): RowContext {
  const needsNames = Boolean(mapping.stated?.colonia || mapping.stated?.alcaldia);
  const geocoder = needsNames ? getGeocoder() : null;
  if (geocoder) geocoderReady = true;
  const alcaldiaCache = new Map<string, string | null>();
  const coloniaCache = new Map<string, { coloniaId: string | null; alcaldiaId: string | null } | null>();
  return {
    reverse: geocoder ? geocoder.reverse : reverseGeocoder(),
    cuadrante2016: loadCuadrante2016Lookup(),
    alcaldiaId(name) {
      if (!geocoder) return null;
      let id = alcaldiaCache.get(name);
      if (id === undefined) alcaldiaCache.set(name, (id = alcaldiaIdFor(geocoder.gazetteer, name)));
      return id;
    },
    placeColonia(colonia, alcaldia) {
      if (!geocoder) return null;
      const key = `${colonia}\u0000${alcaldia ?? ''}`;
      let placed = coloniaCache.get(key);
      if (placed === undefined) {
        const r = geocoder.geocodeStructured({ colonia, alcaldia });
        // Only a confident answer places a record: an ambiguous colonia name stays unplaced.
        placed =
          r.status === 'ok'
            ? { coloniaId: r.precision === 'colonia' ? r.colonia_id : null, alcaldiaId: r.alcaldia_id }
            : null;
        coloniaCache.set(key, placed);
      }
      return placed;
    },
  };
}
