/**
 * Shared logic of the citizen-report queue (pure): folios, and the `incidents` row an approved
 * report becomes. Placement follows the news pipeline's rules (etl/news/pipeline/incident.ts):
 * areas from the reverse geocoder (geo/areas) and H3 cells (geo/h3) at the resolutions the
 * placement's precision justifies — a point picked on the map fills every resolution.
 */
import { randomBytes } from 'node:crypto';
import type { ReverseGeocoder } from '../../geo/areas/index.ts';
import { cellColumns } from '../../geo/h3/index.ts';
import type { LocationPrecision } from '../../db/schema.ts';
import { H3_BY_PRECISION } from '../news/pipeline/incident.ts';
import { isoDayOfWeek, localToUtc, monthStart } from '../../core/time/index.ts';

export { redactPersonalData, stripPhones } from './redact.ts';

/** RFC 4648 base32 alphabet without padding: 10 characters carry 50 random bits. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const FOLIO_RE = /^MC-[A-Z2-7]{10}$/;

/** A fresh unguessable folio, `MC-` + 10 base32 characters (2^50 possibilities). */
export function newFolio(): string {
  const bytes = randomBytes(10);
  let out = 'MC-';
  for (const b of bytes) out += BASE32[b & 31];
  return out;
}

const H3_ALL = [6, 7, 8, 9, 10, 11] as const;
/** A point picked on the map is as exact as the reporter's tap: every resolution. */
const CELLS_BY_PRECISION: Record<string, readonly number[]> = { ...H3_BY_PRECISION, point: H3_ALL };

/** What the queue holds about a report, as far as the incident needs it. */
export interface QueuedReport {
  folio: string;
  origin: 'form' | 'chat';
  category: string;
  /** local date YYYY-MM-DD */
  occurred_on: string;
  hour: number | null;
  lat: number | null;
  lon: number | null;
  location_precision: string;
  alcaldia_id: string | null;
  colonia_id: string | null;
}

/** The `incidents` row (insert values) for an approved report. */
export function reportIncidentRow(r: QueuedReport, reverse: ReverseGeocoder) {
  const [year, month, day] = r.occurred_on.split('-').map(Number) as [number, number, number];
  const local = { year, month, day };
  const wanted = new Set(CELLS_BY_PRECISION[r.location_precision] ?? []);
  const point = r.lat !== null && r.lon !== null && wanted.size > 0;
  const areas = point
    ? { ...reverse.locate(r.lat!, r.lon!) }
    : { alcaldia_2016: null, alcaldia_2023: null, colonia: null, cuadrante_2016: null, sector_2016: null, cuadrante_2023: null, sector_2023: null };
  if (!areas.alcaldia_2023 && r.alcaldia_id) areas.alcaldia_2016 = areas.alcaldia_2023 = r.alcaldia_id;
  if (!areas.colonia && r.colonia_id) areas.colonia = r.colonia_id;
  const kind = r.origin === 'chat' ? ('chat' as const) : ('citizen' as const);
  return {
    source_kind: kind,
    source: kind,
    source_record_id: r.folio,
    import_id: null,
    occurred_on: r.occurred_on,
    month: monthStart(local),
    hour: r.hour,
    dow: isoDayOfWeek(local),
    occurred_at: r.hour !== null ? localToUtc(local, { hour: r.hour, minute: 0, second: 0 }).toISOString() : null,
    time_precision: r.hour !== null ? ('hour' as const) : ('date' as const),
    category: r.category,
    violence: null,
    attempt: false,
    // never the reporter's text: incidents are what the public aggregates are built from
    original_label: kind === 'chat' ? 'mensaje de chat vecinal' : 'reporte ciudadano',
    victims: 1,
    lat: point ? r.lat : null,
    lon: point ? r.lon : null,
    location_precision: (r.location_precision === 'point' ? 'point' : r.location_precision) as LocationPrecision,
    ...areas,
    ...cellColumns(point ? r.lat : null, point ? r.lon : null, wanted),
  };
}
