/**
 * Structured geocoding: `{colonia, alcaldia}` as official records write them → an IECM colonia.
 *
 * FGJ's colonia catalogue is not IECM's ("SAN MIGUEL (SAN PABLO OZTOTEPEC)" is a barrio of the IECM
 * pueblo "SAN PABLO OZTOTEPEC (PBLO)"), so names are compared by IDF-weighted token overlap (Dice
 * coefficient, tolerant of one-letter typos) within the stated alcaldía, also trying the parenthesised
 * qualifier (often the pueblo) and containment ("SAN SALVADOR CUAUHTENCO SECCION III" contains the
 * IECM name). See Cohen, Ravikumar & Fienberg (2003), "A comparison of string distance metrics for
 * name-matching tasks", for token-based similarity with IDF weights.
 */
import { parseName, significant, type ColoniaEntry, type Gazetteer, type ParsedName } from '../gazetteer/index.ts';

export interface ColoniaMatch {
  colonia: ColoniaEntry;
  score: number;
  /** Every significant word of the query appears in the colonia's name or qualifiers. */
  covered: boolean;
}

/** Levenshtein distance ≤ 1 (one insertion, deletion or substitution). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > 1) return false;
  let i = 0;
  while (i < la && i < lb && a[i] === b[i]) i++;
  if (la === lb) return a.slice(i + 1) === b.slice(i + 1);
  return la > lb ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** Token equality score: exact 1, a one-letter typo in a long word 0.8. */
function tokenScore(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length >= 5 && b.length >= 5 && withinOneEdit(a, b)) return 0.8;
  return 0;
}

export type IdfWeights = Map<string, number>;

/** Inverse document frequency of each token over the colonia names (rare words identify a place). */
export function idfWeights(colonias: readonly ColoniaEntry[]): IdfWeights {
  const df = new Map<string, number>();
  for (const c of colonias) for (const t of new Set(c.tokens)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = colonias.length;
  return new Map([...df].map(([t, d]) => [t, Math.log(1 + n / d)]));
}

const weight = (idf: IdfWeights, t: string) => idf.get(t) ?? Math.log(1 + 2000);

/**
 * Weighted similarity of two token lists in [0, 1]: the larger of the Dice coefficient and a containment
 * score (one name wholly inside the other, worth a little less than equality).
 */
export function nameSimilarity(query: readonly string[], target: readonly string[], idf: IdfWeights): number {
  if (!query.length || !target.length) return 0;
  let matched = 0;
  let qTotal = 0;
  let tTotal = 0;
  const used = new Array<boolean>(target.length).fill(false);
  for (const q of query) {
    const wq = weight(idf, q);
    qTotal += wq;
    let best = 0;
    let bestJ = -1;
    for (let j = 0; j < target.length; j++) {
      if (used[j]) continue;
      const s = tokenScore(q, target[j]!);
      if (s > best) {
        best = s;
        bestJ = j;
      }
    }
    if (bestJ >= 0) {
      used[bestJ] = true;
      matched += best * Math.min(wq, weight(idf, target[bestJ]!));
    }
  }
  for (const t of target) tTotal += weight(idf, t);
  const dice = (2 * matched) / (qTotal + tTotal);
  // Containment: every target word found in the query (or the reverse), scaled by how much is covered.
  const coverT = matched / tTotal;
  const coverQ = matched / qTotal;
  const containment = Math.max(coverT, coverQ) >= 0.99 ? 0.8 + 0.15 * Math.min(coverT, coverQ) : 0;
  return Math.max(dice, containment);
}

/** Section agreement: same section +0.05, both stated and different −0.15. */
function sectionAdjust(q: ParsedName, c: ColoniaEntry): number {
  if (q.section === null || c.parsed.section === null) return 0;
  return q.section === c.parsed.section ? 0.05 : -0.15;
}

const ROMAN_NUMERALS = ['', 'i', 'ii', 'iii', 'iv', 'v', 'vi', 'vii', 'viii', 'ix', 'x'];

/**
 * A section stated in the query ("CULHUACAN CTM SECCION V") that IECM writes inside the name instead
 * ("CTM V CULHUACAN (U HAB)").
 */
function sectionWordBonus(q: ParsedName, c: ColoniaEntry): number {
  if (q.section === null || c.parsed.section !== null) return 0;
  const forms = [ROMAN_NUMERALS[q.section] ?? '', String(q.section), `${q.section}a`];
  return c.tokens.some((t) => forms.includes(t)) ? 0.1 : 0;
}

/** Kind agreement ("(U HAB)" vs "(PBLO)"): a small nudge, never decisive alone. */
function kindAdjust(q: ParsedName, c: ColoniaEntry): number {
  const qk = q.kinds.filter((k) => k !== 'colonia');
  if (!qk.length || !c.parsed.kinds.length) return 0;
  return qk.some((k) => c.parsed.kinds.includes(k)) ? 0.03 : -0.03;
}

/** Scores every colonia of the alcaldía (or of the city when the alcaldía is unknown), best first. */
export function rankColonias(
  gaz: Gazetteer,
  idf: IdfWeights,
  rawName: string,
  alcaldiaId: string | null,
): ColoniaMatch[] {
  const q = parseName(rawName);
  const qTokens = significant(q.core);
  if (!qTokens.length && !q.qualifiers.length) return [];
  const pool = alcaldiaId ? (gaz.coloniasByAlcaldia.get(alcaldiaId) ?? []) : gaz.colonias;
  const out: ColoniaMatch[] = [];
  for (const c of pool) {
    let s = nameSimilarity(qTokens, c.tokens, idf);
    for (const qual of q.qualifiers) {
      // The parenthesis usually names the pueblo holding the barrio: a good match, slightly below the main name.
      s = Math.max(s, 0.92 * nameSimilarity(significant(qual), c.tokens, idf));
      s = Math.max(
        s,
        nameSimilarity([...qTokens, ...significant(qual)], [...c.tokens, ...c.parsed.qualifiers.flat()], idf),
      );
    }
    s += sectionAdjust(q, c) + kindAdjust(q, c) + sectionWordBonus(q, c);
    if (s > 0.3) {
      const words = new Set([...c.tokens, ...c.parsed.qualifiers.flat()]);
      out.push({
        colonia: c,
        score: Math.min(1, s),
        covered: qTokens.length > 0 && qTokens.every((t) => words.has(t)),
      });
    }
  }
  return out.sort((a, b) => b.score - a.score || b.colonia.population - a.colonia.population);
}

export type StructuredDecision =
  | { kind: 'colonia'; colonia: ColoniaEntry; confidence: number }
  | { kind: 'ambiguous'; candidates: ColoniaEntry[] }
  | { kind: 'none' };

/** Accept threshold for a name match, and the lead the best needs over a different runner-up. */
const ACCEPT = 0.6;
const MARGIN = 0.08;

/**
 * Chooses the colonia for a record. Candidates that share the best's core name (IECM sections "I", "II"
 * of one colonia) are not a real ambiguity: the most populous is taken with lower confidence.
 */
export function decideColonia(ranked: readonly ColoniaMatch[]): StructuredDecision {
  const best = ranked[0];
  if (!best || best.score < ACCEPT) return { kind: 'none' };
  // Sections of one colonia share its core name *within one alcaldía*; the same name elsewhere is a rival.
  const groupOf = (c: ColoniaEntry) => `${c.alcaldiaId}|${c.parsed.core.join(' ')}`;
  const key = groupOf(best.colonia);
  const close = ranked.filter((m) => m.score >= best.score - MARGIN);
  const rivals = close.filter((m) => groupOf(m.colonia) !== key);
  if (rivals.length) {
    const rivalTop = rivals[0]!.score;
    // Parts of one named place ("VICENTE GUERRERO" → its super manzanas 1–7, "POLANCO" → the Polanco
    // colonias): every close candidate contains the whole query and they share an alcaldía. Taking the
    // most populous beats answering nothing; the confidence says it is a guess.
    const tied = close.filter((m) => m.score >= rivalTop - 0.02);
    const subdivisions = tied.every((m) => m.covered && m.colonia.alcaldiaId === best.colonia.alcaldiaId);
    if (rivalTop >= best.score - 0.02 && !subdivisions)
      return { kind: 'ambiguous', candidates: close.slice(0, 8).map((m) => m.colonia) };
    if (subdivisions && rivalTop >= best.score - 0.02) {
      const pick = tied.reduce((a, b) => (b.colonia.population > a.colonia.population ? b : a));
      return { kind: 'colonia', colonia: pick.colonia, confidence: Math.round(pick.score * 0.55 * 100) / 100 };
    }
  }
  const sameCore = close.filter((m) => groupOf(m.colonia) === key && m.score === best.score);
  const chosen = sameCore.reduce((a, b) => (b.colonia.population > a.colonia.population ? b : a), best);
  const margin = rivals.length ? best.score - rivals[0]!.score : MARGIN;
  let confidence = best.score * (0.7 + 0.3 * Math.min(1, margin / MARGIN));
  if (sameCore.length > 1) confidence *= 0.75;
  return { kind: 'colonia', colonia: chosen.colonia, confidence: Math.round(confidence * 100) / 100 };
}
