/**
 * The Mexico City gazetteer: alcaldías with their variants, IECM colonias, Metro and Metrobús stations,
 * cuadrantes and sectores, and places outside the city, precompiled into word tries and per-alcaldía
 * lists. Pure: the caller loads the data (`reference/geocoder`) and passes it in, with a representative point
 * (inside the polygon) for every area.
 */
import { fold, parseName, significant, words, type ParsedName } from './normalize.ts';
import { ALCALDIA_VARIANTS, LANDMARK_COLONIAS, PERSON_NAMED_ALCALDIAS } from './places.ts';
import { CITIES_AMBIGUOUS, OUTSIDE_CITIES, OUTSIDE_CUES, STATES, STATES_AMBIGUOUS } from './outside-places.ts';
import { EDOMEX_AMBIGUOUS, EDOMEX_MUNICIPALITIES } from './edomex.ts';
import { WordTrie } from './trie.ts';
import { FuzzyNames, nameVariants } from './place-names.ts';
import { pairKey, streetKeys } from './street-names.ts';
import type { LandmarkKind } from './landmark-words.ts';
import type { CornerEntry, LandmarkEntry } from './entries.ts';

export * from './normalize.ts';
export * from './trie.ts';
export * from './place-names.ts';
export * from './street-names.ts';
export * from './landmark-words.ts';
export * from './place-search.ts';
export * from './entries.ts';
export * as placeLists from './places.ts';

export interface GazetteerInput {
  alcaldias: Array<{ id: string; name: string; lat: number; lon: number }>;
  colonias: Array<{
    id: string;
    name: string;
    alcaldiaId: string;
    population: number | null;
    lat: number;
    lon: number;
  }>;
  /** alcaldiaId null: the station lies outside Mexico City (Metro lines A and B reach Edomex). */
  stations: Array<{
    system: StationSystem;
    id: string;
    name: string;
    line: string;
    lat: number;
    lon: number;
    alcaldiaId: string | null;
    /** The id a mention resolves to; default `metro:<id>` / `metrobus:<line>:<name>`. */
    resolvedId?: string;
    /** The physical station (every line stopping there); default the resolved id. */
    stationId?: string;
  }>;
  cuadrantes: Array<{ id: string; sector: string; alcaldiaId: string; lat: number; lon: number }>;
  /** Street corners (INEGI ATUS): two street names and the corner's point. */
  corners?: Array<{
    a: string;
    b: string;
    lat: number;
    lon: number;
    alcaldiaId: string;
    source?: CornerEntry['source'];
  }>;
  /** Landmarks (`reference/landmarks`): alcaldiaId null when the point lies outside the city. */
  landmarks?: Array<{
    id: string;
    name: string;
    kind: LandmarkKind;
    lat: number;
    lon: number;
    alcaldiaId: string | null;
  }>;
}

export interface AlcaldiaEntry {
  id: string;
  name: string;
  lat: number;
  lon: number;
  personNamed: boolean;
}
export interface ColoniaEntry {
  index: number;
  id: string;
  name: string;
  alcaldiaId: string;
  population: number;
  lat: number;
  lon: number;
  parsed: ParsedName;
  /** Significant core tokens (stop words removed) for similarity scoring. */
  tokens: string[];
}
/** Rail and BRT systems whose stations the gazetteer names. */
export type StationSystem =
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

export interface StationEntry {
  system: StationSystem;
  stationId: string;
  /** The CLI's resolved id: `metro:<stop_id>` or `metrobus:<linea>:<nombre>`. */
  resolvedId: string;
  name: string;
  line: string;
  lat: number;
  lon: number;
  alcaldiaId: string | null;
}
export interface CuadranteEntry {
  id: string;
  sector: string;
  alcaldiaId: string;
  lat: number;
  lon: number;
}
export interface OutsidePlace {
  name: string;
  kind: 'municipio' | 'estado' | 'ciudad' | 'cue';
  /** Also a CDMX street/colonia name or a common word: needs context to count. */
  ambiguous: boolean;
}

export interface Gazetteer {
  alcaldias: Map<string, AlcaldiaEntry>;
  alcaldiaNames: WordTrie<string>;
  colonias: ColoniaEntry[];
  coloniaNames: WordTrie<ColoniaEntry>;
  coloniasByAlcaldia: Map<string, ColoniaEntry[]>;
  /** How many alcaldías hold a colonia with this core name (a generic name is in many). */
  coreSpread: Map<string, number>;
  stations: WordTrie<StationEntry>;
  /** Station names for typo-tolerant lookup after a station trigger ("metro garibaldy"). */
  stationsFuzzy: FuzzyNames<StationEntry>;
  /** Colonia core names for typo-tolerant lookup after a colonia trigger. */
  coloniasFuzzy: FuzzyNames<ColoniaEntry>;
  /** Popular area names ("Centro Histórico", "Tepito") → the colonias they mean. */
  landmarks: WordTrie<ColoniaEntry[]>;
  /** Landmarks with a point ("Hospital La Raza", "Estadio Azteca"), under every variant of their name. */
  pointLandmarks: WordTrie<LandmarkEntry>;
  pointLandmarkList: LandmarkEntry[];
  cuadrantes: Map<string, CuadranteEntry>;
  sectores: WordTrie<{ id: string; alcaldiaId: string; lat: number; lon: number }>;
  outside: WordTrie<OutsidePlace>;
  /** Street corners by `pairKey` of two street keys; a key also answers for its leading words ("insurgentes"). */
  corners: Map<string, CornerEntry[]>;
  /** Every word a gazetteer name can start with: text words outside it (most of them) are skipped at once. */
  startWords: Set<string>;
}

/** Turns a display name into trie words ("Gustavo A. Madero" → gustavo a madero). */
const nameWords = (name: string) => words(name);

export function coreKey(entry: { parsed: ParsedName }): string {
  return entry.parsed.core.join(' ');
}

export function buildGazetteer(input: GazetteerInput): Gazetteer {
  const alcaldias = new Map<string, AlcaldiaEntry>();
  const alcaldiaNames = new WordTrie<string>();
  for (const a of input.alcaldias) {
    alcaldias.set(a.id, { ...a, personNamed: PERSON_NAMED_ALCALDIAS.has(a.id) });
    for (const v of [a.name, ...(ALCALDIA_VARIANTS[a.id] ?? [])]) alcaldiaNames.insert(nameWords(v), a.id);
  }

  const colonias: ColoniaEntry[] = input.colonias.map((c, index) => {
    const parsed = parseName(c.name);
    return { ...c, index, population: c.population ?? 0, parsed, tokens: significant(parsed.core) };
  });
  const coloniaNames = new WordTrie<ColoniaEntry>();
  const coloniasByAlcaldia = new Map<string, ColoniaEntry[]>();
  const spread = new Map<string, Set<string>>();
  for (const c of colonias) {
    const core = c.parsed.core;
    coloniaNames.insert(core, c);
    // "AMPLIACION X" is also written "X (ampliación)"; the article-less form ("Reyes" for "Los Reyes") is common.
    if (['la', 'el', 'los', 'las'].includes(core[0]!) && core.length > 1) coloniaNames.insert(core.slice(1), c);
    for (const q of c.parsed.qualifiers)
      if (q.length > 1 && q.join(' ') !== core.join(' ')) coloniaNames.insert([...core, ...q], c);
    let list = coloniasByAlcaldia.get(c.alcaldiaId);
    if (!list) coloniasByAlcaldia.set(c.alcaldiaId, (list = []));
    list.push(c);
    const key = core.join(' ');
    if (!spread.has(key)) spread.set(key, new Set());
    spread.get(key)!.add(c.alcaldiaId);
  }
  const coreSpread = new Map([...spread].map(([k, v]) => [k, v.size]));

  const landmarks = new WordTrie<ColoniaEntry[]>();
  for (const [name, alcaldiaId, core] of LANDMARK_COLONIAS) {
    const group = (coloniasByAlcaldia.get(alcaldiaId) ?? []).filter((c) => c.parsed.core.join(' ') === core);
    if (group.length) landmarks.insert(nameWords(name), group);
  }

  const pointLandmarks = new WordTrie<LandmarkEntry>();
  const pointLandmarkList: LandmarkEntry[] = (input.landmarks ?? []).map((l) => ({ ...l }));
  for (const l of pointLandmarkList) for (const w of nameVariants(l.name)) pointLandmarks.insert(w, l);

  const stations = new WordTrie<StationEntry>();
  const stationsFuzzy = new FuzzyNames<StationEntry>();
  for (const s of input.stations) {
    const resolvedId = s.resolvedId ?? (s.system === 'metro' ? `metro:${s.id}` : `metrobus:${s.line}:${s.name}`);
    const entry: StationEntry = {
      system: s.system,
      stationId: s.stationId ?? resolvedId,
      resolvedId,
      name: s.name,
      line: s.line,
      lat: s.lat,
      lon: s.lon,
      alcaldiaId: s.alcaldiaId,
    };
    // As published, abbreviations spelled out ("Blvd." → boulevard, "Sta." → santa) and without a leading article.
    for (const w of nameVariants(s.name)) {
      stations.insert(w, entry);
      stationsFuzzy.add(w, entry);
    }
  }
  const coloniasFuzzy = new FuzzyNames<ColoniaEntry>();
  for (const c of colonias) if (c.parsed.core.length) coloniasFuzzy.add(c.parsed.core, c);

  const cuadrantes = new Map<string, CuadranteEntry>();
  const sectores = new WordTrie<{ id: string; alcaldiaId: string; lat: number; lon: number }>();
  const seenSector = new Set<string>();
  for (const q of input.cuadrantes) {
    cuadrantes.set(q.id.toUpperCase(), q);
    if (!seenSector.has(q.sector)) {
      seenSector.add(q.sector);
      sectores.insert(nameWords(q.sector), { id: q.sector, alcaldiaId: q.alcaldiaId, lat: q.lat, lon: q.lon });
    }
  }

  const outside = new WordTrie<OutsidePlace>();
  const addOutside = (name: string, kind: OutsidePlace['kind'], ambiguousSet: Set<string>) => {
    const w = nameWords(name).filter((x) => x !== 'capital');
    outside.insert(w, { name: name.replace(/ capital$/, ''), kind, ambiguous: ambiguousSet.has(w.join(' ')) });
  };
  for (const m of EDOMEX_MUNICIPALITIES) addOutside(m, 'municipio', EDOMEX_AMBIGUOUS);
  for (const s of STATES) addOutside(s, 'estado', STATES_AMBIGUOUS);
  for (const c of OUTSIDE_CITIES) addOutside(c, 'ciudad', CITIES_AMBIGUOUS);
  for (const c of OUTSIDE_CUES) addOutside(c, 'cue', new Set());

  const corners = cornerIndex(input.corners ?? []);

  const startWords = new Set<string>();
  for (const trie of [alcaldiaNames, coloniaNames, landmarks, pointLandmarks, outside] as WordTrie<unknown>[])
    for (const w of trie.firstWords()) startWords.add(w);
  return {
    alcaldias,
    alcaldiaNames,
    colonias,
    coloniaNames,
    coloniasByAlcaldia,
    coreSpread,
    stations,
    stationsFuzzy,
    coloniasFuzzy,
    landmarks,
    pointLandmarks,
    pointLandmarkList,
    cuadrantes,
    sectores,
    outside,
    startWords,
    corners,
  };
}

/** Corners by `pairKey` of two street keys; a key also answers for its leading words ("insurgentes" for "insurgentes sur"). */
export function cornerIndex(entries: readonly CornerEntry[]): Map<string, CornerEntry[]> {
  const corners = new Map<string, CornerEntry[]>();
  const keyPrefixes = (name: string) =>
    streetKeys(name).flatMap((k) => {
      const w = k.split(' ');
      return w.map((_, n) => w.slice(0, n + 1).join(' ')).filter((p) => p.length >= 4);
    });
  for (const c of entries) {
    for (const ka of new Set(keyPrefixes(c.a)))
      for (const kb of new Set(keyPrefixes(c.b))) {
        const key = pairKey(ka, kb);
        const list = corners.get(key) ?? [];
        if (!list.includes(c)) list.push(c);
        corners.set(key, list);
      }
  }
  return corners;
}

/** The alcaldía id for a name as records write it ("GUSTAVO A MADERO", "Cuajimalpa", "delegación Tlalpan"), or null. */
export function alcaldiaIdFor(gaz: Gazetteer, raw: string | null | undefined): string | null {
  if (!raw) return null;
  let w = words(raw).filter((x) => x !== 'alcaldia' && x !== 'delegacion' && x !== 'demarcacion');
  if (w[0] === 'del' || w[0] === 'de') w = w.slice(1);
  const hit = gaz.alcaldiaNames.get(w);
  if (hit.length) return hit[0]!;
  // Tolerate trailing words ("CUAJIMALPA DE MORELOS" variants, "MILPA ALTA CDMX").
  for (let n = w.length - 1; n >= 1; n--) {
    const h = gaz.alcaldiaNames.get(w.slice(0, n));
    if (h.length) return h[0]!;
  }
  return null;
}

export { fold };
