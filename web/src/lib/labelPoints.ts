/**
 * One label point per area. MapLibre places polygon labels per tile, so a big area gets its name
 * repeated (or cut) at tile edges; a point source with one point per area, at the polygon's pole
 * of inaccessibility (the interior point farthest from the edges: Garcia-Castellanos & Lombardo
 * 2007, via mapbox/polylabel), gives one well-placed label. Multipolygons use their largest part.
 */
import polylabel from 'polylabel';

type Ring = number[][];

/** Shoelace area of a ring, in squared degrees (only compared, so units do not matter). */
function ringArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum / 2);
}

/** Label precision in degrees (≈ 50 m): finer is invisible at label zooms and slower. */
const PRECISION_DEG = 0.0005;

export function labelPoint(geometry: GeoJSON.Geometry): [number, number] | null {
  let rings: Ring[] | null = null;
  if (geometry.type === 'Polygon') rings = geometry.coordinates;
  else if (geometry.type === 'MultiPolygon' && geometry.coordinates.length) {
    rings = geometry.coordinates.reduce((best, polygon) => (ringArea(polygon[0]) > ringArea(best[0]) ? polygon : best));
  }
  if (!rings || rings.length === 0 || rings[0].length < 4) return null;
  const [x, y] = polylabel(rings, PRECISION_DEG);
  return Number.isFinite(x) && Number.isFinite(y) ? [x, y] : null;
}

export function labelPoints(collection: GeoJSON.FeatureCollection): GeoJSON.FeatureCollection<GeoJSON.Point> {
  const features: GeoJSON.Feature<GeoJSON.Point>[] = [];
  for (const feature of collection.features) {
    const point = feature.geometry ? labelPoint(feature.geometry) : null;
    if (!point) continue;
    features.push({
      type: 'Feature',
      properties: { id: feature.properties?.id, name: feature.properties?.name },
      geometry: { type: 'Point', coordinates: point },
    });
  }
  return { type: 'FeatureCollection', features };
}
