/**
 * Dedupe and event clustering for news, pure.
 *
 * 1. Same story (syndicated or near-copied): word 5-gram shingles of the body, summarised by a
 *    MinHash signature (Broder, "On the resemblance and containment of documents", 1997). From the
 *    estimated Jaccard J and the shingle counts we get the *containment* of the shorter text in the
 *    longer, |A∩B| / min(|A|,|B|) = J·(|A|+|B|) / ((1+J)·min): a trimmed copy or a copy with another
 *    footer is contained even when its Jaccard is low.
 * 2. Same event by several outlets: independent write-ups share few shingles, so an event match
 *    needs every one of: dates within `windowDays`, the same place (same colonia, or points within
 *    `maxKm`, or the same alcaldía when one side is only placed to the alcaldía), a shared category,
 *    and content-word cosine similarity ≥ `minCosine` (names, streets, ages, objects in common);
 *    when one side could not be placed at all, the place test is replaced by closer wording
 *    (cosine ≥ `unplacedMinCosine`); or, failing the place or wording, a shared distinctive named entity (`entities.ts`: a suspect
 *    "Brandon Ulises 'N'", a criminal group, a make and model, plates) within the date window and
 *    without contradicting places (two different alcaldías).
 */
import { normaliseText } from '../classify/lexicon.ts';
import { shareDistinctiveEntity, type NamedEntity } from './entities.ts';
import { getCategory } from '../../../core/taxonomy/index.ts';

export const SHINGLE_WORDS = 5;
export const MINHASH_SIZE = 128;

function words(text: string): string[] {
  return normaliseText(text)
    .split(/[^a-z0-9ñ]+/)
    .filter(Boolean);
}

/** Word k-gram shingles of the normalised text. */
export function shingles(text: string, k = SHINGLE_WORDS): Set<string> {
  const w = words(text);
  const out = new Set<string>();
  if (w.length === 0) return out;
  if (w.length < k) out.add(w.join(' '));
  for (let i = 0; i + k <= w.length; i++) out.add(w.slice(i, i + k).join(' '));
  return out;
}

/** FNV-1a, 32 bits. */
function fnv1a(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/** MurmurHash3's 32-bit finaliser: spreads the double-hashed values into independent-looking ones. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export interface MinHashSignature {
  /** MINHASH_SIZE minimum hash values. */
  mins: number[];
  /** Number of distinct shingles (for containment). */
  size: number;
}

/**
 * MinHash over the shingles: hash i of a shingle is fmix32(h1 + i·h2) (double hashing, Kirsch and
 * Mitzenmacher 2006), so one pass of two base hashes per shingle gives all `MINHASH_SIZE` values.
 */
export function minhash(text: string): MinHashSignature {
  const set = shingles(text);
  const mins = new Array<number>(MINHASH_SIZE).fill(0xffffffff);
  for (const s of set) {
    const h1 = fnv1a(s);
    const h2 = fnv1a(s, 0x9747b28c) | 1;
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const v = fmix32((h1 + Math.imul(i, h2)) >>> 0);
      if (v < mins[i]!) mins[i] = v;
    }
  }
  return { mins, size: set.size };
}

export function estimateJaccard(a: MinHashSignature, b: MinHashSignature): number {
  if (a.size === 0 || b.size === 0) return 0;
  let same = 0;
  for (let i = 0; i < MINHASH_SIZE; i++) if (a.mins[i] === b.mins[i]) same++;
  return same / MINHASH_SIZE;
}

/** Estimated share of the shorter text's shingles found in the other. */
export function estimateContainment(a: MinHashSignature, b: MinHashSignature): number {
  const j = estimateJaccard(a, b);
  if (j === 0) return 0;
  return Math.min(1, (j * (a.size + b.size)) / ((1 + j) * Math.min(a.size, b.size)));
}

export const NEAR_DUPLICATE_CONTAINMENT = 0.7;

/** Same story: one text is (nearly) contained in the other. */
export function isSameStory(a: MinHashSignature, b: MinHashSignature, threshold = NEAR_DUPLICATE_CONTAINMENT): boolean {
  return estimateContainment(a, b) >= threshold;
}

// --- content similarity ---------------------------------------------------------------------

/** Function words and newsroom boilerplate that every crime report shares. */
const STOPWORDS = new Set(
  (
    'de la el en y a los las del un una que se por con para al su sus lo le les fue fueron es son ha han habia como mas pero ' +
    'sin sobre tras este esta estos estas ese esa eso entre cuando donde quien quienes ya muy tambien desde hasta hoy ayer ' +
    'mexico ciudad cdmx alcaldia colonia calle calles policia policias seguridad ciudadana secretaria ssc informo informacion ' +
    'hechos hecho lugar momento hombre hombres mujer personas persona anos edad elementos oficiales uniformados detenido detenidos ' +
    'presunto presuntos responsable responsables ministerio publico agente victima dijo segun'
  ).split(' '),
);

export function contentVector(text: string): Map<string, number> {
  const v = new Map<string, number>();
  for (const w of words(text)) if (w.length > 2 && !STOPWORDS.has(w)) v.set(w, (v.get(w) ?? 0) + 1);
  return v;
}

/** Cosine similarity of content-word counts (sublinear tf: 1 + ln tf). */
export function cosine(a: Map<string, number>, b: Map<string, number>): number {
  const tf = (n: number) => 1 + Math.log(n);
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (const [w, n] of a) {
    na += tf(n) ** 2;
    const m = b.get(w);
    if (m !== undefined) dot += tf(n) * tf(m);
  }
  for (const n of b.values()) nb += tf(n) ** 2;
  return na && nb ? dot / Math.sqrt(na * nb) : 0;
}

// --- events ---------------------------------------------------------------------------------

export interface EventPlace {
  lat: number | null;
  lon: number | null;
  colonia_id: string | null;
  alcaldia_id: string | null;
  precision: string | null;
}

export interface EventDescriptor {
  /** Local date of the event (or of publication), YYYY-MM-DD. */
  date: string;
  categories: readonly string[];
  place: EventPlace;
  /** Content-word vector of headline + body (`contentVector`). */
  vector: Map<string, number>;
  /** Distinctive named entities of headline + body (`namedEntities`); absent on old records. */
  entities?: readonly NamedEntity[];
}

export interface EventMatchOptions {
  windowDays?: number;
  maxKm?: number;
  minCosine?: number;
  /** Cosine needed when one side has no place at all (it cannot agree on the place). */
  unplacedMinCosine?: number;
}

export const EVENT_DEFAULTS: Required<EventMatchOptions> = {
  windowDays: 1,
  maxKm: 1,
  minCosine: 0.2,
  unplacedMinCosine: 0.45,
};

const isPlaced = (p: EventPlace) =>
  p.alcaldia_id !== null || p.colonia_id !== null || (p.lat !== null && p.lon !== null);

/** Great-circle distance (haversine), km. */
export function distanceKm(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLon = (lon2 - lon1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(h)));
}

function daysBetween(a: string, b: string): number {
  return Math.abs(Date.parse(`${a}T00:00:00Z`) - Date.parse(`${b}T00:00:00Z`)) / 86_400_000;
}

const POINT_LIKE = new Set(['station', 'landmark', 'stop', 'intersection', 'street', 'colonia']);

export function samePlace(a: EventPlace, b: EventPlace, maxKm = EVENT_DEFAULTS.maxKm): boolean {
  if (a.colonia_id && b.colonia_id && a.colonia_id === b.colonia_id) return true;
  if (
    a.lat !== null &&
    a.lon !== null &&
    b.lat !== null &&
    b.lon !== null &&
    POINT_LIKE.has(a.precision ?? '') &&
    POINT_LIKE.has(b.precision ?? '')
  ) {
    if (distanceKm(a.lat, a.lon, b.lat, b.lon) <= maxKm) return true;
  }
  // One outlet names only the alcaldía: it cannot contradict a colonia inside that alcaldía.
  const coarse = a.precision === 'alcaldia' || b.precision === 'alcaldia';
  return coarse && a.alcaldia_id !== null && a.alcaldia_id === b.alcaldia_id;
}

/**
 * Two outlets agree on the crime class when they share a category or its most specific group: one
 * calls it a robbery of a passer-by, the other a robbery in the Metro; one a homicide, the other a
 * gunshot wound (the victim died later, or the outlet did not know yet).
 */
export function sameCrimeClass(a: readonly string[], b: readonly string[]): boolean {
  if (a.some((c) => b.includes(c))) return true;
  // Every group, not only the most specific: a robbery on a bus (robo_transporte_publico, also robo)
  // is a neighbour of a robbery of a passer-by (robo) that a tabloid calls "bolsear a los pasajeros".
  const groups = new Set(a.flatMap((c) => getCategory(c)?.groups ?? []));
  return b.some((c) => (getCategory(c)?.groups ?? []).some((g) => groups.has(g)));
}

/** Why two reports are (not) the same event: every test, for review and for tests. */
export function compareEvents(a: EventDescriptor, b: EventDescriptor, opts: EventMatchOptions = {}) {
  const o = { ...EVENT_DEFAULTS, ...opts };
  const days = daysBetween(a.date, b.date);
  const sharedCategory = sameCrimeClass(a.categories, b.categories);
  const place = samePlace(a.place, b.place, o.maxKm);
  const similarity = cosine(a.vector, b.vector);
  const placesConflict =
    a.place.alcaldia_id !== null && b.place.alcaldia_id !== null && a.place.alcaldia_id !== b.place.alcaldia_id;
  const sharedEntity = shareDistinctiveEntity(a.entities ?? [], b.entities ?? [], sharedCategory);
  const inWindow = days <= o.windowDays;
  // A report the geocoder could not place ("a la altura de Nuevo León", a tabloid's nickname for the
  // barrio) neither agrees nor disagrees on the place: it needs much closer wording instead.
  const placeUnknown = !isPlaced(a.place) || !isPlaced(b.place);
  const agrees = place ? similarity >= o.minCosine : placeUnknown && similarity >= o.unplacedMinCosine;
  const same = inWindow && ((sharedCategory && agrees) || (sharedEntity && !placesConflict));
  return { same, days, sharedCategory, place, placeUnknown, similarity, sharedEntity, placesConflict };
}

/** An earlier article as the matcher sees it. */
export interface CandidateArticle {
  signature: MinHashSignature;
  /** Only articles that are (or stand behind) an incident can be joined as the same event. */
  isIncident: boolean;
  event: EventDescriptor;
}

export type ArticleMatch = { index: number; relation: 'same_story' | 'same_event' };

/**
 * Where a new article belongs among earlier ones: a near-copy of any of them (same story, whatever
 * became of it), else the same event as an earlier incident report, else nothing. The first match in
 * the candidates' order wins, so callers pass them oldest first. `event` is null when the new article
 * is not an incident report: it can still be a copy, never a new source of an event.
 */
export function matchArticle(
  signature: MinHashSignature,
  event: EventDescriptor | null,
  candidates: readonly CandidateArticle[],
  opts?: EventMatchOptions,
): ArticleMatch | null {
  const story = findSameStory(signature, candidates);
  if (story >= 0) return { index: story, relation: 'same_story' };
  const same = event ? findSameEvent(event, candidates, opts) : -1;
  return same >= 0 ? { index: same, relation: 'same_event' } : null;
}

/** Index of the first candidate whose text contains this one's or is contained in it, or -1. */
export function findSameStory(
  signature: MinHashSignature,
  candidates: readonly Pick<CandidateArticle, 'signature'>[],
): number {
  return candidates.findIndex((c) => estimateContainment(signature, c.signature) >= NEAR_DUPLICATE_CONTAINMENT);
}

/** Index of the first incident report describing the same event, or -1. */
export function findSameEvent(
  event: EventDescriptor,
  candidates: readonly Omit<CandidateArticle, 'signature'>[],
  opts?: EventMatchOptions,
): number {
  return candidates.findIndex((c) => c.isIncident && compareEvents(event, c.event, opts).same);
}
