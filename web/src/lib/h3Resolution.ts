/**
 * The H3 resolution for a map zoom. Chosen so a hexagon stays roughly 15–40 px across on screen:
 * H3's average edge length shrinks by √7 ≈ 2.65 per resolution (res 8 ≈ 0.53 km, res 9 ≈ 0.20 km;
 * h3geo.org/docs/core-library/restable), while one zoom level halves the ground distance per pixel.
 */
const ZOOM_BREAKS: Array<[maxZoom: number, resolution: number]> = [
  [9.5, 6],
  [10.5, 7],
  [12, 8],
  [13.5, 9],
  [15, 10],
];

export const MIN_RESOLUTION = 6;
export const MAX_RESOLUTION = 11;

export function resolutionForZoom(zoom: number): number {
  for (const [maxZoom, resolution] of ZOOM_BREAKS) if (zoom < maxZoom) return resolution;
  return MAX_RESOLUTION;
}

/** The finest resolution the API serves without a token (server/policy): zooming further keeps it. */
export const PUBLIC_MAX_RESOLUTION = 8;

/** The resolution the public map asks for: the zoom's, capped at `PUBLIC_MAX_RESOLUTION`. */
export function publicResolutionForZoom(zoom: number): number {
  return Math.min(resolutionForZoom(zoom), PUBLIC_MAX_RESOLUTION);
}
