/**
 * The transit network as a map layer: each rail and BRT line drawn through its stations in travel order
 * (the feed has no shapes.txt, so a straight segment joins consecutive stations), coloured with its GTFS
 * route colour, and the stations as points with their names and lines.
 */
import type { TransitExtract, TransitSystem } from './index.ts';

/** The systems drawn on the map: the ones riders use inside the city (no RTP/corredor bus stops, no commuter rail). */
export const MAP_SYSTEMS: readonly TransitSystem[] = ['metro', 'metrobus', 'cablebus', 'trolebus', 'tren_ligero'];

/** Riders' names of each system, as the map's labels and tooltips show them. */
export const SYSTEM_LABELS: Partial<Record<TransitSystem, string>> = {
  metro: 'Metro',
  metrobus: 'Metrobús',
  cablebus: 'Cablebús',
  trolebus: 'Trolebús',
  tren_ligero: 'Tren Ligero',
};

export interface TransitLineProperties {
  kind: 'line';
  system: TransitSystem;
  line: string;
  name: string;
  color: string;
}

export interface TransitStationProperties {
  kind: 'station';
  id: string;
  system: TransitSystem;
  name: string;
  lines: string[];
  /** the colour of its first line, for the station's dot */
  color: string;
}

export type TransitFeature =
  GeoJSON.Feature<GeoJSON.LineString, TransitLineProperties> | GeoJSON.Feature<GeoJSON.Point, TransitStationProperties>;

/** A line without a colour in the feed is drawn in a neutral grey. */
const FALLBACK_COLOR = '#5b6770';

/** Lines (LineStrings) first, then stations (Points) of the given systems, as one FeatureCollection. */
export function transitMapFeatures(
  extract: TransitExtract,
  systems: readonly TransitSystem[] = MAP_SYSTEMS,
): GeoJSON.FeatureCollection<GeoJSON.LineString | GeoJSON.Point> {
  const wanted = new Set(systems);
  const byId = new Map(extract.stations.map((s) => [s.id, s]));
  const lineColor = new Map<string, string>();
  const features: TransitFeature[] = [];
  for (const line of extract.lines) {
    if (!wanted.has(line.system)) continue;
    const color = line.color ?? FALLBACK_COLOR;
    lineColor.set(`${line.system}|${line.line}`, color);
    const coordinates = line.stations.flatMap((id) => {
      const s = byId.get(id);
      return s ? [[s.lon, s.lat]] : [];
    });
    if (coordinates.length < 2) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates },
      properties: { kind: 'line', system: line.system, line: line.line, name: line.name, color },
    });
  }
  for (const s of extract.stations) {
    if (!wanted.has(s.system)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [s.lon, s.lat] },
      properties: {
        kind: 'station',
        id: s.id,
        system: s.system,
        name: s.name,
        lines: s.lines,
        color: lineColor.get(`${s.system}|${s.lines[0]}`) ?? FALLBACK_COLOR,
      },
    });
  }
  return { type: 'FeatureCollection', features };
}
