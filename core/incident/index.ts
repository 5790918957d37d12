/**
 * The normalised incident: what every source (official files, news, citizen reports, chat) produces
 * and the store's incident writer (`db/incidents`) stores. It says what happened, when and where the
 * source puts it; the stored area columns and H3 cells are derived from it by the writer, so every
 * source is placed by the same rules.
 */

export type SourceKind = 'official' | 'news' | 'citizen' | 'chat';

/** How exactly an incident is placed: a point, or only the area the source names. */
export type LocationPrecision =
  'point' | 'station' | 'landmark' | 'stop' | 'intersection' | 'street' | 'colonia' | 'cuadrante' | 'alcaldia' | 'none';

/** The area ids an incident is counted in, one per layer and vintage (null: not in that layer). */
export interface IncidentAreas {
  alcaldia2016: string | null;
  alcaldia2023: string | null;
  colonia: string | null;
  cuadrante2016: string | null;
  sector2016: string | null;
  cuadrante2023: string | null;
  sector2023: string | null;
}

/** Where the incident came from, beyond its source and record id. */
export type Provenance =
  { kind: 'import'; importId: number } | { kind: 'article'; canonicalUrl: string } | { kind: 'report'; folio: string };

export interface NormalisedIncident {
  sourceKind: SourceKind;
  /** dataset or outlet id, e.g. 'ssc_points', 'fgj_victimas', 'news', 'citizen' */
  source: string;
  /** unique within `source`: re-writing the same id updates (upsert) or is skipped (insert). */
  sourceRecordId: string;
  /** local (America/Mexico_City) calendar date, YYYY-MM-DD */
  occurredOn: string;
  /** local hour 0–23, null when the source gives none (or an invalid one) */
  hour: number | null;
  /** the instant (ISO 8601, UTC), when the source gives a time */
  occurredAt: string | null;
  timePrecision: 'hour' | 'date';
  category: string;
  violence: 'con' | 'sin' | null;
  attempt: boolean;
  /** the source's own label (a news headline, an official crime label) */
  originalLabel: string;
  victims: number;
  /** coordinates as the source gives them (stored as given), or null */
  point: { lat: number; lon: number } | null;
  /**
   * Whether the incident is placed at `point`: its areas and H3 cells then follow from the point. False
   * when the point lies outside the city or the source's placement is coarser than a point.
   */
  placedAtPoint: boolean;
  locationPrecision: LocationPrecision;
  /**
   * Areas the source itself attributes the incident to: each key present replaces what the point
   * gives (an official record naming its 2016 cuadrante; a null value withholds that layer). When
   * `cuadrante2016` is stated, the point's 2016 police layers are not looked up at all.
   */
  statedAreas?: Partial<IncidentAreas>;
  /**
   * Areas a geocoder named for the text (alcaldía and colonia ids): used only where the point gives
   * none, or where there is no point.
   */
  namedAreas?: { alcaldia: string | null; colonia: string | null };
  provenance: Provenance | null;
}

/** A stored incident's key: records are upserted and retracted by it. */
export interface IncidentKey {
  source: string;
  sourceRecordId: string;
}

/**
 * H3 resolutions a placement of each precision fills. A point, a Metro station, a street corner or a street inside a
 * named colonia is known to within a few hundred metres: every resolution. A colonia's representative
 * point fills only resolutions 6–8 (cells of ≥ 0.7 km², larger than most colonias): finer cells would
 * pile every report of a colonia onto one invented hexagon. Coarser placements get no cells.
 */
export const H3_RESOLUTIONS_BY_PRECISION: Readonly<Partial<Record<LocationPrecision, readonly number[]>>> = {
  point: [6, 7, 8, 9, 10, 11],
  station: [6, 7, 8, 9, 10, 11],
  landmark: [6, 7, 8, 9, 10, 11],
  stop: [6, 7, 8, 9, 10, 11],
  intersection: [6, 7, 8, 9, 10, 11],
  street: [6, 7, 8, 9, 10, 11],
  colonia: [6, 7, 8],
};

/** The H3 resolutions the incident's placement justifies (none unless it is placed at its point). */
export function h3ResolutionsFor(
  incident: Pick<NormalisedIncident, 'placedAtPoint' | 'point' | 'locationPrecision'>,
): readonly number[] {
  if (!incident.placedAtPoint || incident.point === null) return [];
  return H3_RESOLUTIONS_BY_PRECISION[incident.locationPrecision] ?? [];
}

/** Precisions whose coordinates place the incident (a point, or a place small enough to stand for one). */
export function placesAtPoint(precision: string): boolean {
  return (H3_RESOLUTIONS_BY_PRECISION[precision as LocationPrecision]?.length ?? 0) > 0;
}
