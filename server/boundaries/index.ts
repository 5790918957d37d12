/**
 * `GET /api/boundaries/{kind}?vintage`: area polygons simplified for display (the exact geometry
 * stays server-side for point-in-polygon joins). Each kind/vintage is simplified and serialised
 * once, at its first request, and kept; the response cache adds gzip.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { simplifyForDisplay, DEFAULT_DISPLAY_TOLERANCE_DEG } from '../../geo/simplify/index.ts';
import type { AreaKind, Vintage } from '../../db/schema.ts';
import { loadBoundarySets, type BoundarySet } from '../../reference/boundaries/index.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { DEFAULT_VINTAGE, parseParams, required } from '../params/index.ts';

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
export function simplifiedCollection(set: BoundarySet, vintage: Vintage, tolerance = DEFAULT_DISPLAY_TOLERANCE_DEG): BoundaryCollection {
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

export function registerBoundaries(app: ApiApp, { boundaries }: ApiDeps): void {
  const bodies = new Map<string, Promise<string>>();
  const bodyFor = (kind: AreaKind, vintage: Vintage) => {
    const key = `${kind}/${vintage}`;
    let body = bodies.get(key);
    if (!body) {
      body = Promise.resolve()
        .then(() => boundaries(kind, vintage))
        .then((fc) => JSON.stringify(fc));
      body.catch(() => bodies.delete(key)); // a failed build is retried on the next request
      bodies.set(key, body);
    }
    return body;
  };

  app.get('/api/boundaries/:kind', async (c) => {
    const kind = required(parseParams({ kind: c.req.param('kind') }, ['kind']).kind, 'kind');
    const vintage = parseParams(c.req.query(), ['vintage']).vintage ?? DEFAULT_VINTAGE;
    c.set('cacheControl', 'public, max-age=86400');
    return c.body(await bodyFor(kind, vintage), 200, { 'Content-Type': 'application/geo+json; charset=utf-8' });
  });
}
