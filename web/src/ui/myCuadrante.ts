/**
 * "Mi cuadrante": which cuadrante holds a point. The API has no point-lookup endpoint yet, so this
 * runs client-side over the cuadrante boundaries the map already uses (turf's
 * booleanPointInPolygon, ray casting). The displayed boundaries are simplified, so a point within a
 * few metres of an edge may land in the neighbour: good enough for "where am I", not for counting.
 */
import { booleanPointInPolygon } from '@turf/turf';

export function findContainingFeature(
  collection: GeoJSON.FeatureCollection,
  lng: number,
  lat: number,
): GeoJSON.Feature | null {
  const point: [number, number] = [lng, lat];
  for (const feature of collection.features) {
    const geometry = feature.geometry;
    if (geometry?.type !== 'Polygon' && geometry?.type !== 'MultiPolygon') continue;
    if (booleanPointInPolygon(point, geometry)) return feature;
  }
  return null;
}
