/**
 * Residents of an H3 cell by areal weighting — Goodchild, M. F. & Lam, N. S.-N. (1980), "Areal
 * interpolation: a variant of the traditional spatial problem", Geo-Processing 1: 297–312. Each
 * source zone (an IECM colonia with its census population) is taken to have a uniform density, and
 * a target zone (the cell) receives Σ density(z) × area(cell ∩ z) over the source zones z.
 *
 * The intersection areas are integrated numerically rather than by clipping polygons: the cell is
 * split into its H3 children `depth` resolutions finer, and each child contributes its own area ×
 * the density of the zone holding its centre. Clipping 1,800 colonia polygons against thousands of
 * hexagons per request would cost seconds; 49 point lookups per cell cost microseconds, and at
 * depth 2 a child is 1/49 of the cell, so the error is bounded by the zone boundaries that cut it.
 */
import { area } from '@turf/turf';
import { cellArea, cellToChildren, cellToLatLng, getResolution } from 'h3-js';
import type { AreaFeature } from './types.ts';

/** Residents per m² at a point (0 outside every zone). */
export type DensityAt = (lat: number, lon: number) => number;

/** H3's finest resolution: children cannot go deeper. */
const MAX_H3_RES = 15;

/** Residents per m² of each zone with a known population (zones without one are absent: density 0). */
export function zoneDensities(zones: readonly AreaFeature[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const z of zones) {
    if (z.population === null) continue;
    const m2 = area(z.geometry);
    if (m2 > 0) out.set(z.id, z.population / m2);
  }
  return out;
}

/** The estimated residents of `cell` (see the module comment); `depth` ≥ 0 resolutions of children. */
export function cellPopulation(cell: string, densityAt: DensityAt, depth = 2): number {
  const res = getResolution(cell);
  const childRes = Math.min(MAX_H3_RES, res + Math.max(0, Math.trunc(depth)));
  let sum = 0;
  for (const child of cellToChildren(cell, childRes)) {
    const [lat, lon] = cellToLatLng(child);
    const density = densityAt(lat, lon);
    if (density > 0) sum += density * cellArea(child, 'm2');
  }
  return sum;
}
