/**
 * One normaliser for place names as people write them, shared by the gazetteer (what names are stored
 * as), the geocoder (how text is matched) and the map's search: abbreviations spelled out ("Av." →
 * avenida, "Mb" → metrobús, "Sta." → santa), optional leading articles ("La Raza" ↔ "Raza"), context words
 * that introduce a place ("metro", "colonia", "estación") and typo-tolerant lookup through MiniSearch
 * (fuzzy search: Levenshtein distance within 20 % of the term's length, only for terms of 6+ letters).
 * Case and accents are folded by `geo/text` before any of this.
 */
import MiniSearch from 'minisearch';
import { foldForSearch } from '../text/index.ts';
import { words } from './normalize.ts';

/** Abbreviations in names and reports → the word they stand for (folded, no full stop). */
export const PLACE_ABBREVIATIONS: Readonly<Record<string, string>> = {
  av: 'avenida',
  avda: 'avenida',
  ave: 'avenida',
  col: 'colonia',
  cp: 'codigo postal',
  cd: 'ciudad',
  calz: 'calzada',
  blvd: 'boulevard',
  bulevar: 'boulevard',
  prol: 'prolongacion',
  pte: 'poniente',
  ote: 'oriente',
  nte: 'norte',
  gral: 'general',
  sta: 'santa',
  sto: 'santo',
  fco: 'francisco',
  mb: 'metrobus',
  dr: 'doctor',
  dvo: 'deportivo',
  ff: 'ferrocarril',
  fc: 'ferrocarril',
  u: 'unidad',
  hab: 'habitacional',
  snt: 'san',
  sn: 'san',
  esq: 'esquina',
};

/** Leading articles a place name may be written with or without ("El Rosario", "La Raza"). */
export const ARTICLES = new Set(['el', 'la', 'los', 'las']);

/** Words that introduce a place in a report or a search box; they are not part of the name. */
export const PLACE_CONTEXT_WORDS = new Set([
  'metro',
  'metrobus',
  'estacion',
  'colonia',
  'calle',
  'avenida',
  'trolebus',
  'trole',
  'cablebus',
  'tren',
  'ligero',
  'suburbano',
  'alcaldia',
  'delegacion',
  'barrio',
  'pueblo',
  'unidad',
  'habitacional',
]);

/** The word an abbreviation stands for, or the word itself. */
export function expandAbbreviation(word: string): string {
  return Object.hasOwn(PLACE_ABBREVIATIONS, word) ? PLACE_ABBREVIATIONS[word]! : word;
}

/** Folded words of a name with abbreviations spelled out ("Pueblo Sta. Cruz Atoyac" → pueblo santa cruz atoyac). */
export function placeWords(name: string): string[] {
  return words(name).flatMap((w) => expandAbbreviation(w).split(' '));
}

/**
 * The word sequences a name may be written as: as published, with abbreviations spelled out, and without
 * a leading article. A gazetteer stores every variant, so a text written either way finds the name.
 */
export function nameVariants(name: string): string[][] {
  const out: string[][] = [];
  // Double names ("Garibaldi y Lagunilla", "Los Pinos/Constituyentes") are said by either part too.
  const parts = name.split(/\s*\/\s*|\s+-\s+|\s+y\s+/).filter((p) => p.trim());
  for (const part of parts.length > 1 ? [name, ...parts] : [name]) {
    const raw = words(part);
    const expanded = placeWords(part);
    out.push(raw, expanded);
    for (const v of [raw, expanded]) if (v.length > 1 && ARTICLES.has(v[0]!)) out.push(v.slice(1));
  }
  const seen = new Set<string>();
  return out.filter((v) => v.length && !seen.has(v.join(' ')) && seen.add(v.join(' ')));
}

/**
 * A search-box query reduced to the name it asks for: folded, abbreviations spelled out, context words and a
 * leading article dropped ("metro hidalgo" → "hidalgo", "col doctores" → "doctores", "Estación La Raza" → "raza").
 * Returns the whole folded query when nothing would be left.
 */
export function searchName(query: string): string {
  const w = placeWords(query);
  let k = 0;
  while (k < w.length - 1 && (PLACE_CONTEXT_WORDS.has(w[k]!) || ARTICLES.has(w[k]!) || w[k] === 'de' || w[k] === 'del'))
    k++;
  const rest = w.slice(k);
  return rest.length ? rest.join(' ') : foldForSearch(query).trim();
}

/** Typo tolerance for one term: none under 6 letters (short names collide), else 20 % of its length. */
export function fuzzyFor(term: string): number {
  return term.length >= 6 ? 0.2 : 0;
}

/** A typo-tolerant index of names (MiniSearch, every term required) returning the stored values. */
export class FuzzyNames<V> {
  private readonly index = new MiniSearch<{ id: number; name: string }>({
    fields: ['name'],
    tokenize: (text) => text.split(' '),
    processTerm: (term) => term || null,
  });
  private readonly values: V[] = [];
  private readonly lengths: number[] = [];

  add(nameWords: readonly string[], value: V): void {
    this.values.push(value);
    this.lengths.push(nameWords.length);
    this.index.add({ id: this.values.length - 1, name: nameWords.join(' ') });
  }

  /**
   * Values whose name has as many words as the query and matches each, exactly or within the typo
   * tolerance: the best-scoring ones first (MiniSearch's BM25 score with a penalty per edit).
   */
  search(queryWords: readonly string[], limit = 10): V[] {
    if (!queryWords.length) return [];
    // Fuzzy lookups cost far more than trie walks; reports repeat the same few words.
    const key = `${limit}|${queryWords.join(' ')}`;
    const cached = this.cache.get(key);
    if (cached) return cached;
    const found = this.searchUncached(queryWords, limit);
    if (this.cache.size < 20_000) this.cache.set(key, found);
    return found;
  }

  private readonly cache = new Map<string, V[]>();

  private searchUncached(queryWords: readonly string[], limit: number): V[] {
    const hits = this.index.search(queryWords.join(' '), { combineWith: 'AND', fuzzy: fuzzyFor, prefix: false });
    const out: V[] = [];
    for (const h of hits) {
      if (this.lengths[h.id as number] !== queryWords.length) continue;
      if (out.length >= limit) break;
      out.push(this.values[h.id as number]!);
    }
    return out;
  }
}
