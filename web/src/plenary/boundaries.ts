/**
 * Boundaries and names of the agenda's areas, fetched once per kind and vintage and shared by
 * every slide (a session may show the same sector on several slides).
 */
import { api } from '../api/client.ts';
import type { AreaKind, Vintage } from '../state/urlState.ts';

/** Alcaldías and colonias have one set of shapes (2023); cuadrantes and sectores have two. */
export function vintageFor(kind: AreaKind, vintage: Vintage): Vintage {
  return kind === 'cuadrante' || kind === 'sector' ? vintage : '2023';
}

const cache = new Map<string, Promise<GeoJSON.FeatureCollection>>();

export function boundariesOf(kind: AreaKind, vintage: Vintage): Promise<GeoJSON.FeatureCollection> {
  const key = `${kind}:${vintageFor(kind, vintage)}`;
  let pending = cache.get(key);
  if (!pending) {
    pending = api.boundaries(kind, vintageFor(kind, vintage));
    // a failed fetch is not kept: the next slide tries again
    pending.catch(() => cache.delete(key));
    cache.set(key, pending);
  }
  return pending;
}

export function featureOf(collection: GeoJSON.FeatureCollection, id: string): GeoJSON.Feature | undefined {
  return collection.features.find((f) => String(f.properties?.id) === id);
}
