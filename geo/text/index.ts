/**
 * The project's one text-folding module: case folding, accent stripping, whitespace collapsing and the
 * repair of UTF-8 text that was decoded as Latin-1 somewhere upstream ("mojibake"). Pure, no imports, so
 * every layer (the gazetteer, the taxonomy, the store's search, the web app) folds text the same way.
 */
export { repairMojibake } from './mojibake.ts';

const FOLD_TABLE_SIZE = 0x250; // Latin-1 + Latin Extended-A/B cover Spanish and common typos.
const foldTable = new Uint16Array(FOLD_TABLE_SIZE);
for (let code = 0; code < FOLD_TABLE_SIZE; code++) {
  const ch = String.fromCharCode(code);
  const base = ch.normalize('NFD').charAt(0).toLowerCase();
  foldTable[code] = base.length === 1 ? base.charCodeAt(0) : code;
}

const NON_ASCII_LETTER = /[\u00c0-\u024f]/g;
const foldChar = (c: string) => String.fromCharCode(foldTable[c.charCodeAt(0)]!);

/**
 * Lower case without diacritics, same length as the input (one UTF-16 code unit per code unit), so
 * offsets found in the folded text are offsets in the original text (the geocoder CLI reports spans).
 * Decomposed (NFD) accents stay as combining marks here; `COMBINING_MARKS` removes them where length
 * does not matter.
 */
export function fold(text: string): string {
  const lower = text.toLowerCase();
  // toLowerCase keeps the length except for rare letters ("İ"); then fold unit by unit.
  if (lower.length === text.length) return lower.replace(NON_ASCII_LETTER, foldChar);
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < FOLD_TABLE_SIZE) out += String.fromCharCode(foldTable[code]!);
    else {
      const l = text[i]!.toLowerCase();
      out += l.length === 1 ? l : text[i];
    }
  }
  return out;
}

/** Combining diacritical marks (U+0300–U+036F), what NFD decomposition leaves beside a base letter. */
export const COMBINING_MARKS = /[\u0300-\u036f]/g;

/** Accents removed, case kept: canonical decomposition (NFD) then the combining marks dropped ("Peñón" → "Penon"). */
export function stripAccents(text: string): string {
  return text.normalize('NFD').replace(COMBINING_MARKS, '');
}

/** Runs of whitespace (any Unicode space, line breaks included) become one space; ends trimmed. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Lower case without accents (length may change): the form substring search compares ("Álvaro" → "alvaro"). */
export function foldForSearch(text: string): string {
  return stripAccents(text.toLowerCase());
}

/** Upper case without accents, single spaces: the form official labels are compared in. */
export function foldUpper(text: string): string {
  return collapseSpaces(stripAccents(text).toUpperCase());
}

/** Lower case without accents, single spaces, typographic quotes made plain: the form text patterns read. */
export function foldLower(text: string): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[“”«»]/g, '"')
    .replace(/\s+/g, ' ');
}

/** Lower-case ASCII words joined by `separator`, for slugs and file names ("Álvaro Obregón" → "alvaro-obregon"). */
export function slug(text: string, separator = '-'): string {
  return stripAccents(text)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}|\\${separator}$`, 'g'), '');
}

/** Words that stay lower case inside a Spanish proper name ("Puente de Guerra", "Ejército de los Andes"). */
const NAME_PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y', 'e', 'a', 'en']);
/** Roman numerals stay upper case ("Hidalgo II", "Xochimilco XVI"). */
const ROMAN_NUMERAL = /^[ivxl]+$/;

/**
 * A name written in capitals ("EJE 3 NORTE AVENIDA CUITLÁHUAC", as INEGI writes streets) in the case Spanish
 * writes proper names: each word capitalised, particles lower case except first, Roman numerals upper case.
 */
export function properName(text: string): string {
  return collapseSpaces(text)
    .toLowerCase()
    .split(' ')
    .map((word, i) => {
      if (i > 0 && NAME_PARTICLES.has(word)) return word;
      if (i > 0 && ROMAN_NUMERAL.test(word)) return word.toUpperCase();
      // "(cuitláhuac)" → "(Cuitláhuac)": the first letter, wherever it starts
      return word.replace(/\p{L}/u, (c) => c.toUpperCase());
    })
    .join(' ');
}
