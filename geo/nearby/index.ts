/**
 * Naming a place by what a neighbour or a patrol knows nearby: the nearest transit station or street
 * corner. Distances are great-circle (h3-js `greatCircleDistance`, haversine on the mean Earth radius).
 * A station is named when it is at most `STATION_PREFERENCE_M` farther than the nearest corner: riders
 * orient by stations, and corner points (INEGI crash records) are denser but less known.
 */
import { greatCircleDistance } from 'h3-js';

export interface NamedPoint {
  kind: 'station' | 'corner';
  /** how it is written after "cerca de": "Metro Insurgentes", "Insurgentes Sur y Álvaro Obregón" */
  name: string;
  lat: number;
  lon: number;
}

export interface NearbyPlace {
  kind: NamedPoint['kind'];
  name: string;
  /** "cerca de Metro Insurgentes" */
  label: string;
  /** metres from the point to the place, rounded */
  distance_m: number;
}

/** A station this much farther than the nearest corner is still the one named. */
export const STATION_PREFERENCE_M = 150;
/** Beyond this no place is "cerca": the point gets no name. */
export const MAX_NEARBY_M = 1_500;

/** The station or corner that names a point, or null when none is within `MAX_NEARBY_M`. */
export function nearbyPlace(lat: number, lon: number, places: readonly NamedPoint[]): NearbyPlace | null {
  const best: Record<NamedPoint['kind'], { place: NamedPoint; d: number } | null> = { station: null, corner: null };
  for (const place of places) {
    const d = greatCircleDistance([lat, lon], [place.lat, place.lon], 'm');
    const current = best[place.kind];
    if (!current || d < current.d) best[place.kind] = { place, d };
  }
  const { station, corner } = best;
  const chosen = station && (!corner || station.d <= corner.d + STATION_PREFERENCE_M) ? station : corner;
  if (!chosen || chosen.d > MAX_NEARBY_M) return null;
  return {
    kind: chosen.place.kind,
    name: chosen.place.name,
    label: `cerca de ${chosen.place.name}`,
    distance_m: Math.round(chosen.d),
  };
}
