/**
 * Landmarks of Mexico City as the bundled extract places them (`data/landmarks/landmarks.json.gz`, built by
 * `extract.ts` from SEMOVI's GTFS stop names and IECM colonia names): hospitals, markets, parks, stadiums,
 * universities, museums, monuments, shopping centres, government buildings. Every entry says where its point
 * comes from; nothing is typed by hand.
 */
import type { LandmarkKind } from '../../geo/gazetteer/index.ts';
import { readBundledJson } from '../files/index.ts';

export type { LandmarkKind } from '../../geo/gazetteer/index.ts';

export interface Landmark {
  /** As the source writes it ("Hospital La Raza", "Estadio Azteca", "CIUDAD UNIVERSITARIA"). */
  name: string;
  kind: LandmarkKind;
  lat: number;
  lon: number;
  /** Where the point comes from: `gtfs:<stop_id>` (the mean of these stops) or `iecm:<cve_col>` (the colonia's inner point). */
  sources: string[];
}

export interface LandmarkExtract {
  source: string;
  landmarks: Landmark[];
}

let extract: LandmarkExtract | undefined;

/** The bundled landmark extract, read once per process. */
export function loadLandmarks(): Landmark[] {
  return (extract ??= readBundledJson<LandmarkExtract>('landmarks/landmarks.json.gz')).landmarks;
}
