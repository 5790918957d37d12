/**
 * The patrol sheet's small map: the cuadrante's outline and its top H3 cells drawn as SVG paths,
 * so it prints crisply and needs no WebGL. Pure. Projection: equirectangular with the longitude
 * scaled by cos(latitude) at the centre (locally conformal enough for a 1–2 km cuadrante).
 */
export type LngLat = [number, number];

export interface Projection {
  project(point: LngLat): [number, number];
  width: number;
  height: number;
}

/** Fits `rings` (lng/lat) into a `width`-wide box with `margin` px around; the height follows. */
export function fitProjection(rings: readonly (readonly LngLat[])[], width: number, margin = 8): Projection {
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  for (const ring of rings)
    for (const [lng, lat] of ring) {
      minX = Math.min(minX, lng);
      maxX = Math.max(maxX, lng);
      minY = Math.min(minY, lat);
      maxY = Math.max(maxY, lat);
    }
  if (!Number.isFinite(minX)) return { project: () => [0, 0], width, height: width };
  const kx = Math.cos((((minY + maxY) / 2) * Math.PI) / 180);
  const spanX = Math.max((maxX - minX) * kx, 1e-9);
  const spanY = Math.max(maxY - minY, 1e-9);
  const scale = (width - 2 * margin) / Math.max(spanX, spanY);
  const height = Math.round(spanY * scale + 2 * margin);
  const offsetX = (width - spanX * scale) / 2;
  return {
    width,
    height,
    // y grows downwards in SVG: north at the top
    project: ([lng, lat]) => [offsetX + (lng - minX) * kx * scale, margin + (maxY - lat) * scale],
  };
}

/** An SVG path (`M … L … Z` per ring) for the rings under the projection. */
export function ringsToPath(rings: readonly (readonly LngLat[])[], projection: Projection): string {
  return rings
    .map(
      (ring) =>
        ring
          .map(
            (p, i) =>
              `${i ? 'L' : 'M'}${projection
                .project(p)
                .map((v) => v.toFixed(1))
                .join(' ')}`,
          )
          .join('') + 'Z',
    )
    .join('');
}

/** The outer rings of a Polygon or MultiPolygon geometry. */
export function outerRings(geometry: GeoJSON.Geometry | null | undefined): LngLat[][] {
  if (!geometry) return [];
  if (geometry.type === 'Polygon') return [geometry.coordinates[0] as LngLat[]];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates.map((polygon) => polygon[0] as LngLat[]);
  return [];
}
