/**
 * `GET /api/tiles/hotspots/{z}/{x}/{y}.pbf?from&to&category`: the hotspot hexagons of one web
 * mercator tile as a Mapbox Vector Tile (layer `hotspots`, properties `h3`, `count`); the H3
 * resolution follows the zoom (`geo/h3` `resolutionForZoom`).
 *
 * Which cells: the encoder (`geo/tiles/hexagon-mvt.ts`, direct from cell boundaries) draws every
 * hexagon that reaches into the tile or its render buffer. Their counts must be whole, yet the SQL
 * prefilter selects incidents by point: every incident of such a cell lies within one circumradius
 * (≈ one edge, up to 1.3 average edges) of its centre, which lies within one more of the buffered
 * tile, so the SQL box is the buffered tile padded by 3 generous edges and every drawn cell's count is complete.
 *
 * Callers without full access get the public hexagons (server/policy): the resolution is capped
 * at 8 (zooming further keeps resolution 8), whole-month windows, and a withheld cell carries no
 * `count` property (vector tiles have no null). Whether a sum is partial is in `/api/hotspots`.
 */
import { getHexagonEdgeLengthAvg, UNITS } from 'h3-js';
import { AppError } from '../../core/errors/index.ts';
import type { Bbox } from '../services/ports.ts';
import { resolutionForZoom } from '../../geo/h3/index.ts';
import { tileBounds, TILE_BUFFER, TILE_EXTENT } from '../../geo/tiles/index.ts';
import { encodeHexagonTile } from '../../geo/tiles/hexagon-mvt.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { parseFilter } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { hexagonPlan, PUBLIC_MAX_RESOLUTION, seesEverything } from '../policy/index.ts';
import type { H3Resolution } from '../services/ports.ts';

export const MAX_TILE_ZOOM = 22;
const KM_PER_DEG_LAT = 110.574;
const KM_PER_DEG_LON_EQUATOR = 111.32;

/** z/x/y from the path, or AppError('invalid_tile'). */
export function parseTile(zs: string, xs: string, file: string): { z: number; x: number; y: number } {
  const m = /^(\d{1,8})\.pbf$/.exec(file);
  if (!/^\d{1,2}$/.test(zs) || !/^\d{1,8}$/.test(xs) || !m)
    throw new AppError('invalid_tile', `${zs}/${xs}/${file}`.slice(0, 60));
  const [z, x, y] = [Number(zs), Number(xs), Number(m[1])];
  const n = 2 ** z;
  if (z > MAX_TILE_ZOOM || x >= n || y >= n) throw new AppError('invalid_tile', `${z}/${x}/${y}`);
  return { z, x, y };
}

/** `bbox` grown by `km` on every side. */
export function padBbox([w, s, e, n]: Bbox, km: number): Bbox {
  const dLat = km / KM_PER_DEG_LAT;
  const maxAbsLat = Math.min(85, Math.max(Math.abs(s), Math.abs(n)) + dLat);
  const dLon = km / (KM_PER_DEG_LON_EQUATOR * Math.cos((maxAbsLat * Math.PI) / 180));
  return [w - dLon, s - dLat, e + dLon, n + dLat];
}

export function registerTiles(app: ApiApp, { repositories: { incidents: repo }, publicData }: Services): void {
  app.get('/api/tiles/hotspots/:z/:x/:file', async (c) => {
    const { z, x, y } = parseTile(c.req.param('z'), c.req.param('x'), c.req.param('file'));
    const filter = parseFilter(c.req.query());
    const principal = principalOf(c);
    const zoomRes = resolutionForZoom(z);
    const res = (seesEverything(principal) ? zoomRes : Math.min(zoomRes, PUBLIC_MAX_RESOLUTION)) as H3Resolution;
    const plan = hexagonPlan(principal, { res, categories: filter.categories, windows: [filter] });
    // a little over the largest edge of the resolution: H3 cells vary by about ±30 % in size
    const edgeKm = getHexagonEdgeLengthAvg(res, UNITS.km) * 1.3;
    const buffered = tileBounds(z, x, y, TILE_BUFFER / TILE_EXTENT) as Bbox;
    const bbox = padBbox(buffered, 3 * edgeKm);
    let candidates;
    if (plan.exact) candidates = await repo.hotspotsInBbox({ res, ...filter, bbox });
    else {
      const pub = await publicData.publication(plan);
      const cells = await publicData.hotspots(
        { res, from: filter.from, to: filter.to, categories: plan.categories, sources: filter.sources, bbox },
        pub,
      );
      // vector tiles have no null: a withheld cell is written without `count`
      candidates = cells;
    }
    const bytes = encodeHexagonTile(candidates, z, x, y);
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'Content-Type': 'application/vnd.mapbox-vector-tile' });
  });
}
