/**
 * Vehicle plates and similar codes ("taxi con placas A12-345", "placas 123-ABC", "matrícula P-1.3.8") name a
 * vehicle, not a place. Left in the text, their digits and capitals read as part of a street name ("Calzada
 * de Tlalpan A12-345" is no street the data knows, so the corner after it is lost) or, when shaped like a
 * police code, as a cuadrante in some other alcaldía. They are blanked before any place is sought.
 */

/** A code right after a word that says a plate follows: any run of letters and digits with at least one digit. */
const AFTER_PLATE_WORD =
  /\b(?:placas?|matr[ií]culas?)(?:\s+(?:de\s+circulaci[oó]n|del?\s+(?:taxi|auto|carro|coche|veh[ií]culo|moto|cami[oó]n)))?(?:\s+(?:n[uú]mero|num\.?|no\.?))?\s*[:#]?\s*((?:[A-Za-z0-9]+[-.]?)*\d(?:[-.]?[A-Za-z0-9]+)*)/giu;
/** Characters of a code: letters, digits and inner hyphens. */
const CODE_CHAR = /[\p{L}\p{N}-]/u;
const DIGIT_AT = /\d/g;
const LETTER = /\p{L}/u;
const DIGIT = /\p{N}/gu;
const ORDINAL = /^\d{1,2}(a|o|ra|da|era|ta|ma|va|na|er|do|ro|to|mo)$/i;

/**
 * A candidate that is a code: letters and digits joined by hyphens ("A12-345", "123-ABC", "MXA-12-34"), or one
 * word mixing letters with three or more digits ("A12345", "5ABC123"); never an ordinal ("2a") or a short
 * line code ("L-3").
 */
function isCode(s: string): boolean {
  const bare = s.replace(/-/g, '');
  if (bare.length < 5 || bare.length > 12 || !LETTER.test(bare) || ORDINAL.test(bare)) return false;
  const digits = bare.match(DIGIT)?.length ?? 0;
  return digits > 0 && (s.includes('-') || digits >= 3);
}

/** Where the plate-like codes are in the text (UTF-16 [start, end) spans). */
export function plateSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  if (/placa|matr/i.test(text))
    for (const m of text.matchAll(AFTER_PLATE_WORD)) {
      const end = m.index + m[0].length;
      spans.push([end - m[1]!.length, end]);
    }
  // Codes hold a digit: grow each digit's run of code characters (far fewer digits than words in a text).
  let from = 0;
  for (let at = text.search(/\d/); at >= 0;) {
    let s = at;
    let e = at + 1;
    while (s > from && CODE_CHAR.test(text[s - 1]!)) s--;
    while (e < text.length && CODE_CHAR.test(text[e]!)) e++;
    while (text[s] === '-') s++;
    while (e > s && text[e - 1] === '-') e--;
    // Part of a dotted code ("P-1.3.8" without a plate word is a cuadrante): not a plate by its shape.
    if (text[s - 1] !== '.' && text[e] !== '.' && isCode(text.slice(s, e))) spans.push([s, e]);
    from = Math.max(e, at + 1);
    DIGIT_AT.lastIndex = from;
    at = DIGIT_AT.exec(text)?.index ?? -1;
  }
  return spans;
}

/**
 * The text with every plate-like code replaced by spaces: same length, so mention spans still index the
 * original text, and the words around the code read as if it were not there ("Calzada de Tlalpan A12-345
 * esquina con Taxqueña" is the corner of Tlalpan and Taxqueña).
 */
export function maskPlates(text: string): string {
  const spans = plateSpans(text);
  if (!spans.length) return text;
  const chars = text.split('');
  for (const [s, e] of spans) for (let k = s; k < e; k++) chars[k] = ' ';
  return chars.join('');
}
