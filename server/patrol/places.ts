/**
 * The named points that describe a patrol zone (geo/nearby): the stations of the map's transit systems
 * ("Metro Insurgentes") and INEGI's street corners ("Insurgentes Sur y Álvaro Obregón", written from
 * INEGI's capitals as proper names). Built once from the reference data and kept.
 */
import { properName } from '../../geo/text/index.ts';
import type { NamedPoint } from '../../geo/nearby/index.ts';
import { MAP_SYSTEMS, SYSTEM_LABELS } from '../../reference/transit/map.ts';
import type { ReferenceData } from '../services/types.ts';

/** "AV. INSURGENTES SUR" → "Insurgentes Sur": the street's own name is what people say. */
const STREET_TYPE_PREFIX = /^(AV\.?|AVENIDA|CALLE)\s+/i;
const streetName = (raw: string) => properName(raw.replace(STREET_TYPE_PREFIX, ''));

export function patrolPlaces(reference: Pick<ReferenceData, 'transit' | 'intersections'>): () => readonly NamedPoint[] {
  let places: NamedPoint[] | undefined;
  return () => {
    if (places) return places;
    const systems = new Set(MAP_SYSTEMS);
    const stations: NamedPoint[] = reference
      .transit()
      .stations.filter((s) => systems.has(s.system))
      .map((s) => ({ kind: 'station', name: `${SYSTEM_LABELS[s.system]} ${s.name}`, lat: s.lat, lon: s.lon }));
    const corners: NamedPoint[] = reference
      .intersections()
      .map(([a, b, lat, lon]) => ({ kind: 'corner', name: `${streetName(a)} y ${streetName(b)}`, lat, lon }));
    return (places = [...stations, ...corners]);
  };
}
