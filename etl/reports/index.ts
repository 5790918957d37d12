/**
 * An approved citizen report (form or chat) as a normalised incident. The store's incident writer
 * places it like every other source: areas from the reverse geocoder and H3 cells at the resolutions
 * the placement's precision justifies (`core/incident`) — a point picked on the map fills every
 * resolution; the alcaldía and colonia the report names count where the point gives none.
 */
import { placesAtPoint, type LocationPrecision, type NormalisedIncident } from '../../core/incident/index.ts';
import { localToUtc } from '../../core/time/index.ts';

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

/** The normalised incident of an approved report. */
export function reportIncident(r: QueuedReport): NormalisedIncident {
  const [year, month, day] = r.occurred_on.split('-').map(Number) as [number, number, number];
  const point = r.lat !== null && r.lon !== null && placesAtPoint(r.location_precision);
  const kind = r.origin === 'chat' ? ('chat' as const) : ('citizen' as const);
  return {
    sourceKind: kind,
    source: kind,
    sourceRecordId: r.folio,
    occurredOn: r.occurred_on,
    hour: r.hour,
    occurredAt:
      r.hour !== null ? localToUtc({ year, month, day }, { hour: r.hour, minute: 0, second: 0 }).toISOString() : null,
    timePrecision: r.hour !== null ? 'hour' : 'date',
    category: r.category,
    violence: null,
    attempt: false,
    // never the reporter's text: incidents are what the public aggregates are built from
    originalLabel: kind === 'chat' ? 'mensaje de chat vecinal' : 'reporte ciudadano',
    victims: 1,
    point: point ? { lat: r.lat!, lon: r.lon! } : null,
    placedAtPoint: point,
    locationPrecision: r.location_precision as LocationPrecision,
    namedAreas: { alcaldia: r.alcaldia_id, colonia: r.colonia_id },
    provenance: { kind: 'report', folio: r.folio },
  };
}
