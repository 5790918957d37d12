/**
 * A point guaranteed to lie inside a polygon, for placing an area on the map or geocoding to an area.
 * A centroid can fall outside a concave or multi-part polygon (and turf's pointOnFeature then falls
 * back to a vertex, which sits on the boundary). We use the pole of inaccessibility — the interior
 * point farthest from the boundary — computed by mapbox/polylabel (Garcia-Castellanos & Lombardo 2007,
 * "Poles of inaccessibility: a calculation algorithm for the remotest places on earth").
 */
import polylabel from 'polylabel';
import type { MultiPolygon, Polygon, Position } from 'geojson';

/** Planar shoelace area of a ring, in squared degrees (only used to compare parts of one area). */
function ringArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
  }
  return Math.abs(sum) / 2;
}

function polygonArea(rings: Position[][]): number {
  return rings.reduce((acc, ring, i) => acc + (i === 0 ? ringArea(ring) : -ringArea(ring)), 0);
}

/**
 * [lon, lat] inside the geometry: polylabel on its largest part, then checked with `isInside`
 * (the caller's exact test, so the point is inside under the same boundary rule as its lookups).
 * Falls back to a point just inside the first edge of the largest part if the check fails.
 */
export function representativePointOf(
  geometry: Polygon | MultiPolygon,
  isInside: (lon: number, lat: number) => boolean,
): [number, number] {
  const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  const ranked = [...parts].sort((a, b) => polygonArea(b) - polygonArea(a));
  for (const rings of ranked) {
    // ~1 m precision in degrees: far below any area's size, and cheap.
    const [lon, lat] = polylabel(rings as number[][][], 1e-5);
    if (!Number.isFinite(lon) || !Number.isFinite(lat)) continue;
    const rounded: [number, number] = [round7(lon), round7(lat)];
    if (isInside(rounded[0], rounded[1])) return rounded;
    if (isInside(lon, lat)) return [lon, lat];
  }
  // Degenerate shapes: nudge from an edge midpoint along its normal, both ways, until inside.
  for (const rings of ranked) {
    const ring = rings[0];
    for (let i = 0; i + 1 < ring.length; i++) {
      const [ax, ay] = ring[i];
      const [bx, by] = ring[i + 1];
      const mx = (ax + bx) / 2,
        my = (ay + by) / 2;
      const len = Math.hypot(bx - ax, by - ay) || 1;
      for (const step of [1e-6, 1e-5, 1e-4]) {
        for (const sign of [1, -1]) {
          const x = mx - (sign * step * (by - ay)) / len,
            y = my + (sign * step * (bx - ax)) / len;
          if (isInside(x, y)) return [x, y];
        }
      }
    }
  }
  throw new Error('representativePointOf: no interior point found (empty geometry?)');
}

/** 7 decimals ≈ 1 cm: enough for a map point, and short in JSON. */
function round7(v: number): number {
  return Math.round(v * 1e7) / 1e7;
}
