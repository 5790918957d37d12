/**
 * `GET /api/search?q=&limit=`: colonias, alcaldías, cuadrantes, sectores and transit stations whose name
 * (or id) contains the query, landmarks by prefix or typo, and street corners ("insurgentes y félix cuevas")
 * from the geocoder's gazetteer — the map's search box. The query is read as a place name the way the
 * geocoder reads one (`geo/gazetteer` place-names): case and accents folded, abbreviations spelled out,
 * context words and a leading article dropped ("metro hidalgo", "col doctores", "Estación La Raza"); a
 * cardinal IECM does not use is dropped when nothing else matches ("Narvarte Poniente"); station names
 * forgive a typo in words of 6+ letters ("garibaldy"). Exact matches first, then prefixes, then other
 * matches; shorter names first.
 */
import { z } from 'zod';
import type { Area } from '../services/ports.ts';
import { foldForSearch } from '../services/ports.ts';
import {
  ARTICLES,
  FuzzyNames,
  PlaceSearch,
  nameVariants,
  searchName,
  type Gazetteer,
} from '../../geo/gazetteer/index.ts';
import type { Station } from '../../reference/boundaries/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { parseParams, required } from '../params/index.ts';
import { AppError } from '../../core/errors/index.ts';

export const DEFAULT_SEARCH_LIMIT = 20;
export const MAX_SEARCH_LIMIT = 50;

export type SearchResult =
  | {
      type: 'alcaldia' | 'colonia' | 'sector' | 'cuadrante';
      id: string;
      name: string;
      vintage: number;
      alcaldia_id: string | null;
    }
  | { type: 'station'; system: Station['system']; id: string; name: string; lines: string[]; lat: number; lon: number }
  | { type: 'landmark'; id: string; name: string; kind: string; lat: number; lon: number; alcaldia_id: string | null }
  | { type: 'corner'; id: string; name: string; lat: number; lon: number; alcaldia_id: string };

const TYPE_ORDER: Record<SearchResult['type'], number> = {
  corner: 0,
  alcaldia: 1,
  colonia: 2,
  station: 3,
  landmark: 4,
  sector: 5,
  cuadrante: 6,
};

const placeIndexes = new WeakMap<Gazetteer, PlaceSearch>();
/** Landmarks and street corners of the geocoder's gazetteer the query may mean. */
export function matchPlaces(gaz: Gazetteer, q: string, limit: number): SearchResult[] {
  let index = placeIndexes.get(gaz);
  if (!index) placeIndexes.set(gaz, (index = new PlaceSearch(gaz.pointLandmarkList, gaz.corners)));
  return index.search(q, limit).map((h): SearchResult =>
    h.type === 'landmark'
      ? {
          type: 'landmark',
          id: h.landmark.id,
          name: h.landmark.name,
          kind: h.landmark.kind,
          lat: h.landmark.lat,
          lon: h.landmark.lon,
          alcaldia_id: h.landmark.alcaldiaId,
        }
      : {
          type: 'corner',
          id: `esquina:${h.alcaldiaId}:${h.name}`,
          name: h.name,
          lat: h.lat,
          lon: h.lon,
          alcaldia_id: h.alcaldiaId,
        },
  );
}

/** Station names as folded strings, with and without a leading article ("la raza", "raza"). */
function stationNames(name: string): string[] {
  return nameVariants(name).map((w) => w.join(' '));
}

const fuzzyCache = new WeakMap<readonly Station[], FuzzyNames<Station>>();
function fuzzyStations(stations: readonly Station[]): FuzzyNames<Station> {
  let index = fuzzyCache.get(stations);
  if (!index) {
    index = new FuzzyNames<Station>();
    for (const s of stations) for (const w of nameVariants(s.name)) index.add(w, s);
    fuzzyCache.set(stations, index);
  }
  return index;
}

const nameCache = new WeakMap<readonly Station[], Array<{ folded: string; variants: string[] }>>();
/** Each station's folded name and name variants, computed once per station list (every keystroke reads them). */
function foldedStationNames(stations: readonly Station[]): Array<{ folded: string; variants: string[] }> {
  let names = nameCache.get(stations);
  if (!names)
    nameCache.set(
      stations,
      (names = stations.map((s) => ({ folded: foldForSearch(s.name), variants: stationNames(s.name) }))),
    );
  return names;
}

/** One result per station name and system, with every line that stops there. */
export function matchStations(stations: readonly Station[], q: string): SearchResult[] {
  const folded = foldForSearch(q);
  const name = searchName(q);
  const names = foldedStationNames(stations);
  let hits = stations.filter(
    (_, i) => names[i]!.folded.includes(folded) || names[i]!.variants.some((n) => n.includes(name)),
  );
  if (!hits.length) {
    const words = name.split(' ').filter((w) => !ARTICLES.has(w));
    const fuzzy = new Set(
      fuzzyStations(stations)
        .search(words, 50)
        .map((s) => `${s.system}:${s.name}`),
    );
    hits = stations.filter((s) => fuzzy.has(`${s.system}:${s.name}`));
  }
  const byName = new Map<string, Extract<SearchResult, { type: 'station' }>>();
  for (const s of hits) {
    const key = `${s.system}:${foldForSearch(s.name)}`;
    const hit = byName.get(key);
    if (hit) {
      if (!hit.lines.includes(s.line)) hit.lines.push(s.line);
    } else
      byName.set(key, {
        type: 'station',
        system: s.system,
        id: s.id,
        name: s.name,
        lines: [s.line],
        lat: s.lat,
        lon: s.lon,
      });
  }
  return [...byName.values()];
}

/** The name the areas are searched for; without a trailing cardinal when the full name finds nothing. */
async function searchAreasByName(search: (q: string, limit: number) => Promise<Area[]>, q: string): Promise<Area[]> {
  const direct = await search(q, 100);
  if (direct.length) return direct;
  const name = searchName(q);
  if (name !== foldForSearch(q).trim() && name.length >= 2) {
    const byName = await search(name, 100);
    if (byName.length) return byName;
  }
  const cardinal = /\s+(poniente|oriente|norte|sur|centro)$/.exec(name);
  return cardinal ? search(name.slice(0, cardinal.index), 100) : [];
}

/** Alcaldías and colonias have one polygon set: list each once even when stored under both vintages. */
function dedupeSingleSetAreas(areas: Area[]): Area[] {
  const seen = new Set<string>();
  return areas.filter((a) => {
    if (a.kind !== 'alcaldia' && a.kind !== 'colonia') return true;
    const key = `${a.kind}:${a.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function areaResult(a: Area): SearchResult {
  return { type: a.kind, id: a.id, name: a.name, vintage: a.vintage, alcaldia_id: a.alcaldia_id };
}

/** 0 exact, 1 prefix, 2 inside (name or id). */
function matchQuality(r: SearchResult, folded: string): number {
  const name = foldForSearch(r.name);
  const id = r.id.toLowerCase();
  const asked = searchName(folded);
  if (r.type === 'corner') return 0;
  if (
    name === folded ||
    id === folded ||
    name === asked ||
    (r.type !== 'alcaldia' && r.type !== 'colonia' && stationNames(r.name).includes(asked))
  )
    return 0;
  if (name.startsWith(folded) || id.startsWith(folded) || name.startsWith(asked)) return 1;
  return 2;
}

export function rankResults(results: SearchResult[], q: string, limit: number): SearchResult[] {
  const folded = foldForSearch(q);
  return results
    .map((r) => ({ r, quality: matchQuality(r, folded) }))
    .sort(
      (a, b) =>
        a.quality - b.quality ||
        TYPE_ORDER[a.r.type] - TYPE_ORDER[b.r.type] ||
        a.r.name.length - b.r.name.length ||
        (a.r.name < b.r.name ? -1 : 1),
    )
    .slice(0, limit)
    .map((x) => x.r);
}

const limitSchema = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .pipe(z.number().int().min(1).max(MAX_SEARCH_LIMIT));

export function registerSearch(
  app: ApiApp,
  { repositories: { incidents: repo }, reference: { stations, geocoder } }: Services,
): void {
  app.get('/api/search', async (c) => {
    const query = c.req.query();
    const q = required(parseParams(query, ['q']).q, 'q');
    let limit = DEFAULT_SEARCH_LIMIT;
    if (query.limit) {
      const parsed = limitSchema.safeParse(query.limit);
      if (!parsed.success)
        throw new AppError('invalid_parameter', `limit=${query.limit.slice(0, 20)} (1 a ${MAX_SEARCH_LIMIT})`);
      limit = parsed.data;
    }
    // fetch more areas than needed: the final order mixes them with stations
    const areas = dedupeSingleSetAreas(await searchAreasByName((text, n) => repo.searchAreas(text, n), q));
    const places = matchPlaces(geocoder().gazetteer, q, limit);
    const results = rankResults([...areas.map(areaResult), ...matchStations(stations(), q), ...places], q, limit);
    return c.json({ q, results });
  });
}
