/**
 * Text normalisation for Mexico City place names.
 *
 * Folding itself (`fold`, same length as the input) is `geo/text`'s; here:
 * - `tokenize` splits folded text into words with UTF-16 spans;
 * - `parseName` turns an official or typed colonia name ("ALBARRADAS (U HAB)", "SAN MIGUEL (SAN PABLO
 *   OZTOTEPEC)", "EMILIANO ZAPATA 1A SECCION", "Ampl. Cosmopolita") into comparable tokens: the core name,
 *   the settlement kind (unidad habitacional, pueblo, barrio…), a section number and any other
 *   parenthesised qualifier (which in FGJ records often names the pueblo).
 */

import { COMBINING_MARKS, fold, repairMojibake } from '../text/index.ts';

// The gazetteer's callers fold and repair text through this module; one implementation lives in geo/text.
export { fold, repairMojibake };

/** A word of folded text with its UTF-16 span in the original. */
export interface Token {
  text: string;
  start: number;
  end: number;
  /** Original text of the token starts with an upper-case letter or a digit. */
  capitalised: boolean;
  /** Punctuation token ("," "." "(" …) rather than a word. */
  punct: boolean;
}

/** a–z, 0–9 and folded Latin letters (ß…ɏ) make words; everything else separates them. */
function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0xdf && c <= 0x24f && c !== 0xf7) || isCombiningMark(c);
}
/** Combining accents of decomposed (NFD) text: part of the word, dropped from its folded form. */
function isCombiningMark(c: number): boolean {
  return c >= 0x300 && c <= 0x36f;
}
function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    c === 13 ||
    c === 9 ||
    c === 0xa0 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 12 ||
    c === 11 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x202f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** Splits text into word and punctuation tokens (whitespace dropped, a line break kept as "\n"), offsets in UTF-16 code units. */
export function tokenize(text: string, folded = fold(text)): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const n = folded.length;
  while (i < n) {
    const c = folded.charCodeAt(i);
    if (isWordCode(c)) {
      let j = i + 1;
      while (j < n && isWordCode(folded.charCodeAt(j))) j++;
      const o = text.charCodeAt(i);
      let word = folded.slice(i, j);
      if (word.length > 1 && /[\u0300-\u036f]/.test(word)) word = word.replace(COMBINING_MARKS, '');
      tokens.push({
        text: word,
        start: i,
        end: j,
        capitalised: o !== c || (o >= 48 && o <= 57),
        punct: false,
      });
      i = j;
    } else {
      if (!isSpaceCode(c)) tokens.push({ text: folded[i]!, start: i, end: i + 1, capitalised: false, punct: true });
      i++;
    }
  }
  return tokens;
}

/** Words only, folded, for name matching. */
export function words(text: string): string[] {
  return (
    fold(repairMojibake(text))
      .replace(COMBINING_MARKS, '')
      .match(/[a-z0-9\u00df-\u024f]+/g) ?? []
  );
}

/** Articles and prepositions that carry no identity in a place name. */
export const STOPWORDS = new Set(['de', 'del', 'la', 'las', 'el', 'los', 'y', 'e', 'en', 'lo']);

/** Settlement-kind abbreviations as IECM, FGJ and the press write them → canonical kind. */
const KIND_WORDS: Array<[string[], string]> = [
  [['unidad', 'habitacional'], 'u_hab'],
  [['u', 'habs'], 'u_hab'],
  [['unidad', 'hab'], 'u_hab'],
  [['u', 'h'], 'u_hab'],
  [['u', 'hab'], 'u_hab'],
  [['uhab'], 'u_hab'],
  [['uh'], 'u_hab'],
  [['conjunto', 'habitacional'], 'conj_hab'],
  [['conj', 'hab'], 'conj_hab'],
  [['fraccionamiento'], 'fracc'],
  [['fracc'], 'fracc'],
  [['pueblo'], 'pueblo'],
  [['pblo'], 'pueblo'],
  [['barrio'], 'barrio'],
  [['barr'], 'barrio'],
  [['bo'], 'barrio'],
  [['residencial'], 'residencial'],
  [['rdcial'], 'residencial'],
  [['res'], 'residencial'],
  [['colonia'], 'colonia'],
  [['col'], 'colonia'],
  [['ejido'], 'ejido'],
  [['ej'], 'ejido'],
  [['condominio'], 'condominio'],
  [['cond'], 'condominio'],
  [['pje'], 'paraje'],
  [['paraje'], 'paraje'],
  [['rncda'], 'ranchería'],
  [['rcnda'], 'ranchería'],
  [['u'], 'u_hab'],
];

/** Own-property lookup: plain-object tables must not answer "constructor" or "toString" (real name words). */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

const AMPLIACION = new Set(['ampliacion', 'amp', 'ampl']);
const SECTION_WORDS = new Set(['seccion', 'secc', 'sec', 'secc.']);
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10 };
const ORDINAL_WORDS: Record<string, number> = {
  primera: 1,
  primero: 1,
  segunda: 2,
  segundo: 2,
  tercera: 3,
  tercero: 3,
  cuarta: 4,
  cuarto: 4,
  quinta: 5,
  quinto: 5,
  sexta: 6,
  sexto: 6,
  septima: 7,
  septimo: 7,
  octava: 8,
  octavo: 8,
};

/** "1a", "2da", "3era", "1ra", "4ta", "7ma", "2o" → number; null if the token is no ordinal. */
export function ordinalValue(token: string): number | null {
  if (Object.hasOwn(ORDINAL_WORDS, token)) return ORDINAL_WORDS[token]!;
  const m = /^(\d{1,2})(a|o|ra|da|era|ta|ma|va|na|er|do|ro|to|mo)?$/.exec(token);
  return m ? Number(m[1]) : null;
}

/** Word abbreviations clerks use in names ("STA. CRUZ", "GRAL. ANAYA", "PROF. ..."). */
const WORD_ABBREVIATIONS: Record<string, string> = {
  sta: 'santa',
  sto: 'santo',
  sn: 'san',
  gral: 'general',
  prof: 'profesor',
  profa: 'profesora',
  lic: 'licenciado',
  ing: 'ingeniero',
  cd: 'ciudad',
  pdte: 'presidente',
  pte: 'poniente',
  ote: 'oriente',
  nte: 'norte',
  fco: 'francisco',
  ma: 'maria',
  gpe: 'guadalupe',
  jose: 'jose',
  hda: 'hacienda',
  insurg: 'insurgentes',
  prol: 'prolongacion',
};

/**
 * One spelling for ordinals inside names: "2DA", "2A", "2a." → "2a" (so "OLIVAR DEL CONDE 2DA
 * SECCION" and "Olivar del Conde 2a. Sección" agree). Plain numbers ("NORTE 76") are left alone.
 */
export function canonicalOrdinal(token: string): string {
  // Ordinal words ("Primero de Mayo") stay words: only digit forms vary in spelling.
  const c = token.charCodeAt(0);
  if (c < 48 || c > 57 || token.length < 2) return token;
  const m = /^(\d{1,2})(a|o|ra|da|era|ta|ma|va|na|er|do|ro|to|mo)$/.exec(token);
  return m ? `${Number(m[1])}a` : token;
}

/** A parsed place name: comparable core tokens plus what was peeled off. */
export interface ParsedName {
  /** Core name tokens (folded, stop words kept), "ampliacion" first when it is an ampliación. */
  core: string[];
  /** Canonical settlement kinds found ("u_hab", "pueblo", "barrio", …). */
  kinds: string[];
  /** Section number ("II", "2A", "SEGUNDA SECCION", "SECC 6"), or null. */
  section: number | null;
  /** Parenthesised qualifiers that are not kinds, e.g. the pueblo in "SAN MIGUEL (SAN PABLO OZTOTEPEC)". */
  qualifiers: string[][];
}

/** Removes kind words (anywhere) from a token list, collecting the kinds. */
function stripKinds(tokens: string[], kinds: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (const [seq, kind] of KIND_WORDS) {
      // A lone "u"/"bo"/"res"/"col" only counts at the edges, where abbreviations sit.
      if (seq.length === 1 && ['u', 'bo', 'res', 'col', 'ej'].includes(seq[0]!) && i !== 0 && i !== tokens.length - 1)
        continue;
      if (seq.every((w, k) => tokens[i + k] === w)) {
        kinds.push(kind);
        i += seq.length;
        continue outer;
      }
    }
    out.push(tokens[i]!);
    i++;
  }
  return out;
}

/** Peels a trailing section number off a token list. */
function stripSection(tokens: string[]): { tokens: string[]; section: number | null } {
  const t = [...tokens];
  let section: number | null = null;
  // "... SECCION 2", "... SECC 6"
  for (let k = 0; k < t.length - 1; k++) {
    if (SECTION_WORDS.has(t[k]!)) {
      const v = ordinalValue(t[k + 1]!) ?? own(ROMAN, t[k + 1]!) ?? null;
      if (v !== null) {
        section = v;
        t.splice(k, 2);
        return { tokens: t, section };
      }
    }
  }
  // "... 2A SECCION", "... PRIMERA SECCION", "... II SECCION"
  const last = t.length - 1;
  if (last >= 1 && SECTION_WORDS.has(t[last]!)) {
    const v = ordinalValue(t[last - 1]!) ?? own(ROMAN, t[last - 1]!) ?? null;
    if (v !== null) return { tokens: t.slice(0, last - 1), section: v };
    return { tokens: t.slice(0, last), section };
  }
  // trailing "II", "1A", "2DA" (a bare number is kept: "NORTE 76" is a name)
  if (last >= 1) {
    const tok = t[last]!;
    const v =
      own(ROMAN, tok) ?? (/^\d{1,2}[a-z]+$/.test(tok) ? ordinalValue(tok) : null) ?? own(ORDINAL_WORDS, tok) ?? null;
    if (v !== null) return { tokens: t.slice(0, last), section: v };
  }
  return { tokens: t, section };
}

/** Parses a colonia name as IECM, FGJ or a reporter writes it. */
export function parseName(raw: string): ParsedName {
  const text = fold(repairMojibake(raw)).replace(COMBINING_MARKS, '').replace(/\./g, ' ');
  const kinds: string[] = [];
  const qualifiers: string[][] = [];
  let ampliacion = false;
  const mainText = text.replace(/\(([^)]*)\)?/g, (_m, inner: string) => {
    const innerWords = inner.match(/[a-z0-9\u00df-\u024f]+/g) ?? [];
    if (innerWords.length && innerWords.every((w) => AMPLIACION.has(w))) ampliacion = true;
    else {
      const rest = stripKinds(innerWords, kinds);
      const sec = stripSection(rest);
      if (sec.section !== null && sec.tokens.length === 0) return ' ' + innerWords.join(' ') + ' ';
      if (rest.length) qualifiers.push(rest);
    }
    return ' ';
  });
  let tokens = (mainText.match(/[a-z0-9\u00df-\u024f]+/g) ?? []).map((t) => own(WORD_ABBREVIATIONS, t) ?? t);
  if (tokens.length && AMPLIACION.has(tokens[0]!)) {
    ampliacion = true;
    tokens = tokens.slice(1);
  }
  tokens = stripKinds(tokens, kinds);
  const sec = stripSection(tokens);
  tokens = sec.tokens.map(canonicalOrdinal);
  // "SAN PEDRO XALPA (AMPL) I": section after the parenthesis is handled above; drop a leading stop word.
  while (
    tokens.length > 1 &&
    STOPWORDS.has(tokens[0]!) &&
    tokens[0] !== 'la' &&
    tokens[0] !== 'el' &&
    tokens[0] !== 'los' &&
    tokens[0] !== 'las'
  )
    tokens = tokens.slice(1);
  return { core: ampliacion ? ['ampliacion', ...tokens] : tokens, kinds, section: sec.section, qualifiers };
}

/** Significant tokens (stop words removed) for similarity scoring. */
export function significant(tokens: string[]): string[] {
  return tokens.filter((t) => !STOPWORDS.has(t));
}
