/**
 * The transit network as bundled in `data/transit/stations.json.gz` (built from SEMOVI's GTFS by
 * `extract.ts`): physical stations with their lines, line sequences and colours, and bus stops.
 *
 * The open-data sync refreshes it: from a newer GTFS feed it writes the same extract to
 * `DATA_DIR/sync/transit-stations.json.gz`, and a process that was told its data folder
 * (`useTransitFrom`) reads that one instead; the bundled extract stays the fallback. What was built
 * from the extract (the station list, the gazetteer, the map layer) registers with
 * `onTransitReload` and is dropped when a sync writes a new one.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
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
let dataDir: string | null = null;
const dependants = new Set<() => void>();

/** Where the sync writes the extract of the newest GTFS feed of `dir` (a DATA_DIR). */
export function syncedTransitPath(dir: string): string {
  return join(dir, 'sync', 'transit-stations.json.gz');
}

/** From now on, read the synced extract of `dir` when there is one (null: the bundled one only). */
export function useTransitFrom(dir: string | null): void {
  if (dir === dataDir) return;
  dataDir = dir;
  reloadTransit();
}

/** `drop` is called whenever the extract changes, to forget what was built from it. */
export function onTransitReload(drop: () => void): void {
  dependants.add(drop);
}

/** Forgets the loaded extract and everything built from it (after a sync wrote a new one). */
export function reloadTransit(): void {
  extract = undefined;
  for (const drop of dependants) drop();
}

/** The transit extract: the newest synced one when the process knows its data folder, else the bundled one; read once. */
export function loadTransit(): TransitExtract {
  if (extract) return extract;
  const synced = dataDir ? syncedTransitPath(dataDir) : null;
  extract =
    synced && existsSync(synced)
      ? (JSON.parse(gunzipSync(readFileSync(synced)).toString('utf8')) as TransitExtract)
      : readBundledJson<TransitExtract>('transit/stations.json.gz');
  return extract;
}
