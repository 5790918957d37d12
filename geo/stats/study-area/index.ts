/**
 * The H3 study area of a hotspot analysis and its neighbourhood structure.
 *
 * - `cellsCoveringPolygons`: every cell of a resolution whose centre lies in the given polygons
 *   (h3-js `polygonToCells`, whose containment rule is exactly "cell centre inside the polygon";
 *   Uber H3 v4 API). The union over polygons is deduplicated and sorted, so the same city always
 *   gives the same cell order.
 * - `buildNeighbourhood`: for each cell, the indices of the cells of its k-ring (`gridDisk`, the cell
 *   itself included) that belong to the study area, in a compressed-row layout (offsets + one
 *   Int32Array). Neighbours outside the study area are dropped, which is what a study-area-bounded
 *   Gi* needs. Built once per study area and reused for every month of an analysis.
 */
import { getResolution, gridDisk, isValidCell, polygonToCells } from 'h3-js';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { StatsInputError } from '../errors.ts';

export type PolygonalInput =
  | Polygon
  | MultiPolygon
  | Feature<Polygon | MultiPolygon>
  | FeatureCollection<Polygon | MultiPolygon>
  | ReadonlyArray<Polygon | MultiPolygon | Feature<Polygon | MultiPolygon>>;

function polygonsOf(input: PolygonalInput): number[][][][] {
  const out: number[][][][] = [];
  const visit = (g: PolygonalInput | null | undefined): void => {
    if (!g) return;
    if (Array.isArray(g)) return g.forEach(visit);
    const obj = g as Polygon | MultiPolygon | Feature | FeatureCollection;
    if (obj.type === 'FeatureCollection') return obj.features.forEach((f) => visit(f as Feature<Polygon>));
    if (obj.type === 'Feature') return visit(obj.geometry as Polygon | MultiPolygon);
    if (obj.type === 'Polygon') out.push(obj.coordinates);
    else if (obj.type === 'MultiPolygon') out.push(...obj.coordinates);
    else
      throw new StatsInputError(`cellsCoveringPolygons: unsupported geometry type ${(obj as { type: string }).type}`);
  };
  visit(input);
  return out;
}

export function assertResolution(res: number): void {
  if (!Number.isInteger(res) || res < 0 || res > 15) {
    throw new StatsInputError(`H3 resolution must be an integer 0–15 (got ${res})`);
  }
}

/** Cells of resolution `res` whose centre lies in any of the polygons (GeoJSON [lon, lat] order), sorted. */
export function cellsCoveringPolygons(polygons: PolygonalInput, res: number): string[] {
  assertResolution(res);
  const cells = new Set<string>();
  for (const rings of polygonsOf(polygons)) {
    for (const c of polygonToCells(rings, res, true)) cells.add(c);
  }
  return [...cells].sort();
}

export interface Neighbourhood {
  /** index → cell */
  readonly cells: readonly string[];
  /** cell → index */
  readonly indexOf: ReadonlyMap<string, number>;
  /** neighbours of cell i are `neighbours[offsets[i] … offsets[i+1])` (cell i itself included) */
  readonly offsets: Int32Array;
  readonly neighbours: Int32Array;
  readonly k: number;
}

/** The k-ring neighbourhood of every cell, restricted to the study area. Cells must share one resolution. */
export function buildNeighbourhood(cells: readonly string[], k = 1): Neighbourhood {
  if (!Number.isInteger(k) || k < 0) throw new StatsInputError(`ring size k must be an integer ≥ 0 (got ${k})`);
  const indexOf = new Map<string, number>();
  let res = -1;
  cells.forEach((c, i) => {
    if (typeof c !== 'string' || !isValidCell(c)) throw new StatsInputError(`not an H3 cell: ${String(c)}`);
    const r = getResolution(c);
    if (res === -1) res = r;
    else if (r !== res) throw new StatsInputError(`cells of different resolutions (${res} and ${r}: ${c})`);
    if (indexOf.has(c)) throw new StatsInputError(`cell listed twice: ${c}`);
    indexOf.set(c, i);
  });
  const offsets = new Int32Array(cells.length + 1);
  const ringSize = 3 * k * (k + 1) + 1;
  let buffer = new Int32Array(Math.max(1, cells.length * ringSize));
  let used = 0;
  for (let i = 0; i < cells.length; i++) {
    offsets[i] = used;
    for (const d of gridDisk(cells[i], k)) {
      const j = indexOf.get(d);
      if (j === undefined) continue;
      if (used === buffer.length) {
        const grown = new Int32Array(buffer.length * 2);
        grown.set(buffer);
        buffer = grown;
      }
      buffer[used++] = j;
    }
  }
  offsets[cells.length] = used;
  return { cells, indexOf, offsets, neighbours: buffer.slice(0, used), k };
}

/**
 * Places per-cell counts on the study area's index: cells missing from `counts` are 0; counts of cells
 * outside the study area are left out and summed in `outside` (so a caller can report them).
 */
export function valuesOnStudyArea(
  nb: Neighbourhood,
  counts: ReadonlyMap<string, number> | Iterable<readonly [string, number]>,
): { values: Float64Array; outside: number } {
  const values = new Float64Array(nb.cells.length);
  let outside = 0;
  for (const [cell, count] of counts) {
    if (typeof count !== 'number' || !Number.isFinite(count)) {
      throw new StatsInputError(`count of ${cell} is not a finite number (${String(count)})`);
    }
    const i = nb.indexOf.get(cell);
    if (i === undefined) outside += count;
    else values[i] += count;
  }
  return { values, outside };
}
