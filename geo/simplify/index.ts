/**
 * Boundary geometry for display (`/api/boundaries/{kind}`): Douglas–Peucker simplification (turf's
 * `simplify`, radial-distance pre-pass on, i.e. highQuality false) and coordinates rounded to 5 decimals
 * (≈ 1.1 m, below a pixel up to zoom 16). Exact geometry stays server-side for point-in-polygon joins.
 *
 * Topology: each ring is simplified on its own, so two areas' shared border can come out slightly
 * different on each side (hairline gaps/overlaps of at most `toleranceDeg`). At the default tolerance
 * that is ≈ 1 px at zoom 15 — invisible as a base map; a topology-preserving simplifier (TopoJSON)
 * would remove it at the cost of another dependency.
 */
import { simplify } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';

/** ≈ 11 m: keeps colonias recognisable at street zooms while cutting vertices about 5×. */
export const DEFAULT_DISPLAY_TOLERANCE_DEG = 0.0001;
const DECIMALS = 1e5;

function roundRing(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const [x, y] of ring) {
    const p = [Math.round(x * DECIMALS) / DECIMALS, Math.round(y * DECIMALS) / DECIMALS];
    const last = out[out.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
  }
  // Keep the ring closed after rounding merged points.
  const [first, last] = [out[0], out[out.length - 1]];
  if (first && (first[0] !== last[0] || first[1] !== last[1])) out.push([first[0], first[1]]);
  return out;
}

/**
 * Rounds a polygon's rings; holes that collapse below a triangle are dropped. A collapsed outer ring gives
 * null, unless `keepCollapsed` (the area's only part: never lose an area), when it stays unrounded.
 */
function roundPolygon(rings: Position[][], keepCollapsed: boolean): Position[][] | null {
  const out: Position[][] = [];
  for (const [i, ring] of rings.entries()) {
    const r = roundRing(ring);
    if (r.length >= 4) out.push(r);
    else if (i === 0) return keepCollapsed ? rings : null;
  }
  return out;
}

function roundGeometry(geometry: Polygon | MultiPolygon): Polygon | MultiPolygon {
  if (geometry.type === 'Polygon') return { type: 'Polygon', coordinates: roundPolygon(geometry.coordinates, true)! };
  // Sliver parts (a few source colonias carry metre-sized triangles) vanish at 5 decimals: drop them.
  const parts = geometry.coordinates.map((p) => roundPolygon(p, false)).filter((p): p is Position[][] => p !== null);
  return {
    type: 'MultiPolygon',
    coordinates: parts.length > 0 ? parts : [roundPolygon(geometry.coordinates[0], true)!],
  };
}

/**
 * Drops consecutive duplicate vertices and collapsed rings (fewer than 4 positions) — a few source
 * colonias have them, and turf's simplify rejects such rings. Returns null if the outer ring collapsed.
 */
function cleanPolygon(rings: Position[][]): Position[][] | null {
  const out: Position[][] = [];
  for (const ring of rings) {
    const r = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1][0] || p[1] !== ring[i - 1][1]);
    if (r.length >= 4) out.push(r);
    else if (out.length === 0) return null;
  }
  return out.length > 0 ? out : null;
}

/** Simplifies one polygon part; on failure (a ring turf rejects) the cleaned part is kept as it is. */
function simplifyPolygon(rings: Position[][], tolerance: number): Position[][] {
  try {
    const g = simplify(
      { type: 'Polygon', coordinates: rings },
      { tolerance, highQuality: false, mutate: false },
    ) as Polygon;
    return g.coordinates;
  } catch {
    return rings;
  }
}

/**
 * Simplified copy of a polygon FeatureCollection (the input is not modified). Properties are kept as
 * they are; non-polygon features pass through unchanged.
 */
export function simplifyForDisplay<P>(
  collection: FeatureCollection<Geometry, P>,
  toleranceDeg = DEFAULT_DISPLAY_TOLERANCE_DEG,
): FeatureCollection<Geometry, P> {
  if (!(toleranceDeg >= 0)) throw new RangeError(`simplifyForDisplay: invalid tolerance ${toleranceDeg}`);
  const features = collection.features.map((f): Feature<Geometry, P> => {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) return f;
    const parts = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates)
      .map(cleanPolygon)
      .filter((p): p is Position[][] => p !== null)
      .map((p) => simplifyPolygon(p, toleranceDeg));
    if (parts.length === 0) return f; // nothing drawable survived cleaning: pass the original through
    const simplified: Polygon | MultiPolygon =
      g.type === 'Polygon' ? { type: 'Polygon', coordinates: parts[0] } : { type: 'MultiPolygon', coordinates: parts };
    return { ...f, geometry: roundGeometry(simplified) };
  });
  return { type: 'FeatureCollection', features };
}
