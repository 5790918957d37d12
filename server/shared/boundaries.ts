/**
 * Display boundaries: the bundled area polygons simplified for the map. Shared by the boundaries
 * route and the services object (which holds the loader), so neither imports the other.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { simplifyForDisplay, DEFAULT_DISPLAY_TOLERANCE_DEG } from '../../geo/simplify/index.ts';
import { loadBoundarySets, type BoundarySet } from '../../reference/boundaries/index.ts';
import type { AreaKind, Vintage } from '../services/ports.ts';

export interface BoundaryProperties {
  id: string;
  name: string;
  kind: AreaKind;
  /** the vintage asked for; alcaldías and colonias have one polygon set for both */
  vintage: Vintage;
  alcaldia_id: string | null;
  population: number | null;
  sector_id?: string | null;
}
export type BoundaryCollection = FeatureCollection<Polygon | MultiPolygon, BoundaryProperties>;
export type BoundaryLoader = (kind: AreaKind, vintage: Vintage) => BoundaryCollection | Promise<BoundaryCollection>;

/** Display copy of a boundary set (Douglas–Peucker at ≈ 11 m, 5 decimals: `geo/simplify`). */
export function simplifiedCollection(
  set: BoundarySet,
  vintage: Vintage,
  tolerance = DEFAULT_DISPLAY_TOLERANCE_DEG,
): BoundaryCollection {
  const features: Feature<Polygon | MultiPolygon, BoundaryProperties>[] = set.features.map((a) => ({
    type: 'Feature',
    properties: {
      id: a.id,
      name: a.name,
      kind: set.kind,
      vintage,
      alcaldia_id: a.alcaldiaId,
      population: a.population,
      ...(a.sectorId !== undefined ? { sector_id: a.sectorId } : {}),
    },
    geometry: a.geometry,
  }));
  // simplifyForDisplay copies: the exact geometry used for joins is untouched
  return simplifyForDisplay({ type: 'FeatureCollection', features }, tolerance) as BoundaryCollection;
}

/** The bundled boundary files, simplified. */
export function defaultBoundaryLoader(): BoundaryLoader {
  return (kind, vintage) => {
    const sets = loadBoundarySets().filter((s) => s.kind === kind);
    const set = sets.find((s) => s.vintage === vintage) ?? sets.find((s) => s.vintage === null);
    if (!set) return { type: 'FeatureCollection', features: [] };
    return simplifiedCollection(set, vintage);
  };
}
