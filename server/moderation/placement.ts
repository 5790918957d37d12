/**
 * Where an approved report is counted. A report that could not be placed (a chat message with no
 * place the geocoder understood: precision `none`) must not become an incident without a place —
 * it would count in no area and vanish from every map while looking "approved". So approval of such
 * a report is refused (409 `report_unplaced`) unless the moderator places it in the approve body:
 *
 * - `{"lat": 19.43, "lon": -99.13}` → a point (must lie inside the city: else 400 `outside_cdmx`);
 * - `{"area": {"kind": "colonia" | "alcaldia", "id": "03-144" | "09003"}}` → that area (unknown id:
 *   404 `unknown_area`); a colonia is placed at its representative point with the coarse H3 cells
 *   its size justifies, an alcaldía counts in the alcaldía only (etl/reports `reportIncident`).
 *
 * A location in the body also overrides the placement of a report that had one (a moderator's correction).
 */
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import type { ReverseGeocoder } from '../../geo/areas/index.ts';
import type { QueuedReport } from '../../etl/reports/index.ts';

export const ApproveBody = z.union([
  z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).strict(),
  z
    .object({
      area: z.object({ kind: z.enum(['alcaldia', 'colonia']), id: z.string().trim().min(1).max(40) }).strict(),
    })
    .strict(),
  z.object({}).strict(),
]);
export type ApproveLocation = z.infer<typeof ApproveBody>;

type Placement = Pick<QueuedReport, 'lat' | 'lon' | 'location_precision' | 'alcaldia_id' | 'colonia_id'>;

/** Whether the queued report has any place the map can count it in. */
export function isPlaced(r: Placement): boolean {
  if (r.location_precision === 'none') return false;
  return (r.lat !== null && r.lon !== null) || r.alcaldia_id !== null || r.colonia_id !== null;
}

/**
 * The placement the incident gets: the moderator's location when given (validated against the
 * boundaries), else the report's own; throws `report_unplaced` when there is none.
 */
export function approvedPlacement(report: Placement, location: ApproveLocation, reverse: ReverseGeocoder): Placement {
  if ('lat' in location) {
    const alcaldia = reverse.areaAt('alcaldia', null, location.lat, location.lon);
    if (!alcaldia) throw new AppError('outside_cdmx', `${location.lat}, ${location.lon}`);
    return {
      lat: location.lat,
      lon: location.lon,
      location_precision: 'point',
      alcaldia_id: alcaldia,
      colonia_id: reverse.areaAt('colonia', null, location.lat, location.lon),
    };
  }
  if ('area' in location) {
    const { kind, id } = location.area;
    const feature = reverse.feature(kind, null, id);
    if (!feature) throw new AppError('unknown_area', `${kind} ${id}`);
    if (kind === 'alcaldia')
      return { lat: null, lon: null, location_precision: 'alcaldia', alcaldia_id: feature.id, colonia_id: null };
    const point = reverse.representativePoint('colonia', null, feature.id);
    return {
      lat: point ? point[1] : null,
      lon: point ? point[0] : null,
      location_precision: 'colonia',
      alcaldia_id: feature.alcaldiaId,
      colonia_id: feature.id,
    };
  }
  if (!isPlaced(report)) throw new AppError('report_unplaced');
  return report;
}
