/**
 * Builds `data/landmarks/landmarks.json.gz`: `npx tsx reference/landmarks/extract.ts`.
 *
 * Sources (government open data only; no coordinate is typed by hand):
 * - SEMOVI's GTFS `stops.txt` (`../shared/data/transit/semovi_gtfs_2025/`): stops of every system named after a
 *   landmark ("Hospital La Raza", "Estadio Azteca - Las Flores", "Mercado de Sonora"). A stop name is split into its
 *   parts (" - ", and " y " before a capitalised second part); a part that starts with a landmark word and has a
 *   distinctive word besides it is a landmark. Stops of the same name within `SAME_PLACE_M` are one landmark at their
 *   mean point; the same name farther apart stays separate entries (the geocoder treats those as ambiguous).
 * - IECM colonias whose whole name is a landmark ("CIUDAD UNIVERSITARIA"), at the colonia's inner point.
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parse } from 'csv-parse/sync';
import { landmarkKindOf, placeWords } from '../../geo/gazetteer/index.ts';
import { metres } from '../../geo/geocode/corners.ts';
import { buildReverseGeocoder } from '../../geo/areas/index.ts';
import { loadBoundarySets } from '../boundaries/index.ts';
import { BUNDLED_DATA_DIR, SHARED_DATA_DIR } from '../files/index.ts';

import type { Landmark, LandmarkExtract } from './index.ts';
import { stopNameParts } from './stop-names.ts';

/** Stops of one landmark: the Estadio Azteca's stops lie within ~600 m of each other. */
const SAME_PLACE_M = 900;

function main(): void {
  const stops = parse(readFileSync(join(SHARED_DATA_DIR, 'transit/semovi_gtfs_2025/stops.txt'), 'utf8'), {
    columns: true,
    bom: true,
  }) as Array<Record<string, string>>;
  const groups: Array<Landmark & { key: string; n: number; latSum: number; lonSum: number }> = [];
  for (const s of stops) {
    const lat = Number(s.stop_lat);
    const lon = Number(s.stop_lon);
    if (!Number.isFinite(lat) || !Number.isFinite(lon)) continue;
    for (const part of stopNameParts(s.stop_name!)) {
      const kind = landmarkKindOf(part);
      if (!kind) continue;
      const key = placeWords(part).join(' ');
      let g = groups.find(
        (x) => x.key === key && metres({ lat: x.latSum / x.n, lon: x.lonSum / x.n }, { lat, lon }) <= SAME_PLACE_M,
      );
      if (!g) groups.push((g = { key, name: part, kind, lat: 0, lon: 0, sources: [], n: 0, latSum: 0, lonSum: 0 }));
      g.n++;
      g.latSum += lat;
      g.lonSum += lon;
      if (!g.sources.includes(`gtfs:${s.stop_id}`)) g.sources.push(`gtfs:${s.stop_id}`);
    }
  }
  const landmarks: Landmark[] = groups.map((g) => ({
    name: g.name,
    kind: g.kind,
    lat: Math.round((g.latSum / g.n) * 1e6) / 1e6,
    lon: Math.round((g.lonSum / g.n) * 1e6) / 1e6,
    sources: g.sources,
  }));

  const sets = loadBoundarySets();
  const reverse = buildReverseGeocoder(sets);
  for (const f of reverse.setFor('colonia', null)!.features) {
    const kind = landmarkKindOf(f.name, { wholeName: true });
    const p = kind ? reverse.representativePoint('colonia', null, f.id) : null;
    if (kind && p)
      landmarks.push({
        name: f.name,
        kind,
        lat: Math.round(p[1] * 1e6) / 1e6,
        lon: Math.round(p[0] * 1e6) / 1e6,
        sources: [`iecm:${f.id}`],
      });
  }

  const extract: LandmarkExtract = {
    source:
      'SEMOVI, Gobierno de la Ciudad de México: GTFS multimodal stops.txt (datos.cdmx.gob.mx), copy in CarlosGiles/gtfs-cdmx b1e4520; IECM, Colonias CDMX 2019',
    landmarks,
  };
  mkdirSync(join(BUNDLED_DATA_DIR, 'landmarks'), { recursive: true });
  writeFileSync(join(BUNDLED_DATA_DIR, 'landmarks/landmarks.json.gz'), gzipSync(JSON.stringify(extract), { level: 9 }));
  const byKind = new Map<string, number>();
  for (const l of landmarks) byKind.set(l.kind, (byKind.get(l.kind) ?? 0) + 1);
  console.log(JSON.stringify({ landmarks: landmarks.length, byKind: Object.fromEntries(byKind) }));
}

if (process.argv[1]?.endsWith('extract.ts')) main();
