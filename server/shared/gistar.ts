/**
 * Gi* settings and the city's study area, shared by the hot spot routes (Gi*, emerging hot spots,
 * the PAI back-test).
 */
import { AppError } from '../../core/errors/index.ts';
import { buildNeighbourhood, cellsCoveringPolygons, type Neighbourhood } from '../../geo/stats/index.ts';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import type { H3Resolution } from '../services/ports.ts';

export const GISTAR_MIN_RES = 6;
export const GISTAR_MAX_RES = 10;
/** FDR level of the Benjamini–Hochberg step. */
export const GISTAR_FDR_Q = 0.05;
/** Ring size of the binary weights (the cell and its 6 neighbours). */
export const GISTAR_RING = 1;

/** The city's cells of one resolution and their k = 1 neighbourhood, built once per resolution. */
const studyAreas = new Map<number, Neighbourhood>();

/**
 * The study area of resolution `res`, cached for the life of the process: it depends only on the
 * bundled alcaldía polygons, never on the incidents (≈ 0.1 s at res 8, a few seconds at res 10).
 */
export function cityStudyArea(res: number): Neighbourhood {
  let nb = studyAreas.get(res);
  if (!nb) {
    const alcaldias = loadBoundarySets().find((s) => s.kind === 'alcaldia');
    if (!alcaldias) throw new Error('gistar: the bundled boundary sets hold no alcaldías');
    const cells = cellsCoveringPolygons(
      alcaldias.features.map((f) => f.geometry),
      res,
    );
    studyAreas.set(res, (nb = buildNeighbourhood(cells, GISTAR_RING)));
  }
  return nb;
}

/** `res` within 6–10, with a message that says why 11 is refused. */
export function checkGiStarResolution(res: H3Resolution): void {
  if (res < GISTAR_MIN_RES || res > GISTAR_MAX_RES) {
    throw new AppError(
      'invalid_resolution',
      `res=${res}: Gi* admite resoluciones ${GISTAR_MIN_RES} a ${GISTAR_MAX_RES} (la resolución 11 tiene unas 600 000 celdas en la ciudad, demasiadas para calcularlas por solicitud)`,
    );
  }
}
