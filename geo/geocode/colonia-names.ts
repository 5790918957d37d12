/**
 * Colonia names after a trigger word that the capitalised-run rules of mentions.ts do not take: lower case
 * ("colonia narvarte"), a popular cardinal suffix IECM does not use ("Narvarte Poniente" → the Narvarte
 * sections) and typos ("colonia narvrte" is too short to forgive; "colonia portales" ↔ "portale" is not).
 */
import type { ColoniaEntry, Gazetteer, TextWords, TrieMatch } from '../gazetteer/index.ts';

/** Cardinal words people add to colonia names that IECM splits into numbered sections instead. */
const CARDINALS = new Set(['poniente', 'oriente', 'norte', 'sur', 'centro']);

/** Every colonia whose core name is `words` or starts with it, when few enough to be one place (sections). */
function byPrefix(gaz: Gazetteer, words: string[]): ColoniaEntry[] {
  const pref = gaz.coloniaNames.withPrefix(words, 12);
  return pref.length && pref.length <= 12 ? pref : [];
}

/** A colonia name starting at word j in any case: exact, by prefix, without a trailing cardinal, or a close typo. */
export function lowercaseColoniaAt(gaz: Gazetteer, tw: TextWords, j: number): TrieMatch<ColoniaEntry> | null {
  const found = nameAt(gaz, tw, j);
  // "colonia del valle": IECM drops the leading preposition ("DEL VALLE I" is stored as "valle").
  if (found || !LEADING_CONNECTORS.has(tw.words[j]?.text ?? '') || tw.breakBefore[j + 1]) return found;
  const inner = nameAt(gaz, tw, j + 1);
  return inner ? { ...inner, from: j } : null;
}

const LEADING_CONNECTORS = new Set(['de', 'del']);

function nameAt(gaz: Gazetteer, tw: TextWords, j: number): TrieMatch<ColoniaEntry> | null {
  const exact = gaz.coloniaNames.longestAt(tw, j);
  if (exact) return exact;
  const run: string[] = [];
  for (let k = j; k < Math.min(tw.words.length, j + 4); k++) {
    if (k > j && tw.breakBefore[k]) break;
    run.push(tw.words[k]!.text);
  }
  for (let len = run.length; len >= 1; len--) {
    const ws = run.slice(0, len);
    if (!ws.some((w) => w.length > 3)) continue;
    const pref = byPrefix(gaz, ws);
    if (pref.length) return { from: j, to: j + len, values: pref };
    if (len > 1 && CARDINALS.has(ws[len - 1]!)) {
      const base = byPrefix(gaz, ws.slice(0, -1));
      if (base.length) return { from: j, to: j + len, values: base };
    }
    const fuzzy = gaz.coloniasFuzzy.search(ws, 12);
    if (fuzzy.length) return { from: j, to: j + len, values: fuzzy };
  }
  return null;
}
