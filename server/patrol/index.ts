/**
 * `GET /api/patrol?cuadrante&vintage&from&to&category&source&res`: the patrol-planning sheet of one
 * cuadrante — incidents by day of week × local hour (a 7 × 24 heat table, row 0 =
 * lunes … 6 = domingo), incidents without an hour, the busiest H3 cells inside the cuadrante and the
 * mix of categories. Each top cell is named by the nearest station or street corner (geo/nearby).
 *
 * Detail-level data (hours and fine cells of one cuadrante): server/policy `requireDetail` — admin
 * and moderador, or mesa/enlace whose territory holds the cuadrante (its alcaldía, its sector or
 * itself); everyone else 403 `forbidden`. Top cells count only the incidents of the cuadrante: a
 * cell straddling its border shows the part inside.
 */
import { AppError } from '../../core/errors/index.ts';
import { DAY_LABELS } from '../shared/days.ts';
import type { H3Resolution } from '../services/ports.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { requireArea } from '../shared/places.ts';
import { sectorOfCuadrante, territoryArea } from '../shared/territory.ts';
import { principalOf } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams } from '../params/index.ts';
import { requireDetail } from '../policy/index.ts';
import { cellToLatLng } from 'h3-js';
import { nearbyPlace } from '../../geo/nearby/index.ts';
import { patrolPlaces } from './places.ts';

export const PATROL_DEFAULT_RES: H3Resolution = 9;
export const PATROL_MIN_RES = 8;
export const PATROL_MAX_RES = 10;
export const PATROL_TOP_CELLS = 10;
export { DAY_LABELS } from '../shared/days.ts';

/** The `res` of the top cells: 8–10, default 9; `invalid_resolution` otherwise. */
export function parsePatrolRes(raw: string | undefined): H3Resolution {
  if (raw === undefined || raw === '') return PATROL_DEFAULT_RES;
  const n = /^\d{1,2}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= PATROL_MIN_RES && n <= PATROL_MAX_RES))
    throw new AppError('invalid_resolution', `res=${raw.slice(0, 40)} (use ${PATROL_MIN_RES} a ${PATROL_MAX_RES})`);
  return n as H3Resolution;
}

/** The `cuadrante` parameter: one cuadrante id (required). */
export function parseCuadrante(raw: string | undefined): string {
  const id = raw?.trim();
  if (!id) throw new AppError('invalid_parameter', 'falta el parámetro cuadrante');
  if (id.length > 200) throw new AppError('invalid_parameter', `cuadrante=${id.slice(0, 40)}… (demasiado largo)`);
  return id;
}

export function registerPatrol(app: ApiApp, { repositories, reference }: Services): void {
  const repo = repositories.incidents;
  const places = patrolPlaces(reference);
  app.get('/api/patrol', async (c) => {
    const query = c.req.query();
    const vintage = parseParams(query, ['vintage']).vintage ?? DEFAULT_VINTAGE;
    const filter = parseFilter(query);
    const res = parsePatrolRes(query.res);
    const area = await requireArea(repo, 'cuadrante', vintage, parseCuadrante(query.cuadrante));
    const where = territoryArea('cuadrante', vintage, area);
    requireDetail(principalOf(c), [where]);

    const [counts, alcaldia] = await Promise.all([
      repositories.patrol.counts({
        vintage,
        cuadrante: area.id,
        res,
        top: PATROL_TOP_CELLS,
        from: filter.from,
        to: filter.to,
        categories: filter.categories,
        sources: filter.sources,
      }),
      area.alcaldia_id ? repo.area('alcaldia', vintage, area.alcaldia_id) : Promise.resolve(undefined),
    ]);
    return c.json({
      cuadrante: {
        id: area.id,
        name: area.name,
        sector: sectorOfCuadrante(vintage, area.id),
        alcaldia: alcaldia?.name ?? null,
        alcaldia_id: area.alcaldia_id,
      },
      vintage,
      from: filter.from ?? null,
      to: filter.to ?? null,
      category: filter.category,
      total: counts.total,
      heat: { rows: 7, cols: 24, row_labels: DAY_LABELS, counts: counts.counts },
      unknown_hour: counts.unknownHour,
      unlocated: counts.unlocated,
      res,
      // named by the nearest station or street corner to the cell's centre (null when none within 1.5 km)
      top_cells: counts.topCells.map((t) => ({
        h3: t.h3,
        res,
        count: t.count,
        place: nearbyPlace(...cellToLatLng(t.h3), places()),
      })),
      by_category: counts.byCategory,
    });
  });
}
