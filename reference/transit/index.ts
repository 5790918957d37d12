/**
 * The transit network as bundled in `data/transit/stations.json.gz` (built from SEMOVI's GTFS by
 * `extract.ts`): physical stations with their lines, line sequences and colours, and bus stops.
 */
import { readBundledJson } from '../files/index.ts';

export type TransitSystem =
  | 'metro'
  | 'metrobus'
  | 'trolebus'
  | 'cablebus'
  | 'tren_ligero'
  | 'suburbano'
  | 'interurbano'
  | 'rtp'
  | 'corredor'
  | 'pumabus';

export interface TransitStation {
  /** `<system>:<slug of the name>` ("metro:la-raza"), numbered when a name repeats ("-2"). */
  id: string;
  system: TransitSystem;
  /** As SEMOVI writes it ("La Raza", "Pino Suárez"). */
  name: string;
  /** Lines as riders name them: Metro "1"…"9", "A", "B", "12"; Metrobús "1"…"7"; others the GTFS short name. */
  lines: string[];
  lat: number;
  lon: number;
  /** GTFS stop ids of its platforms. */
  stopIds: string[];
  /** [line, id] of the same station in the 2019 Metro / 2018 Metrobús files (`metro:<stop_id>`, `metrobus:<linea>:<nombre>`). */
  legacyIds: Array<[string, string]>;
}

export interface TransitLine {
  system: TransitSystem;
  line: string;
  /** GTFS long name ("Pantitlán - Observatorio"). */
  name: string;
  /** GTFS route colour ("#F94F8E"), null when the feed has none. */
  color: string | null;
  /** Station ids in travel order (the longest trip). */
  stations: string[];
}

export interface TransitExtract {
  source: string;
  stations: TransitStation[];
  lines: TransitLine[];
  /** [name, lat, lon, system] of RTP, corredor and Pumabús stops. */
  busStops: Array<[string, number, number, TransitSystem]>;
}

let extract: TransitExtract | undefined;

/** The bundled transit extract, read once per process. */
export function loadTransit(): TransitExtract {
  return (extract ??= readBundledJson<TransitExtract>('transit/stations.json.gz'));
}
