/**
 * Redaction of personal data in free text: phone numbers, e-mail addresses and
 * Mexican licence plates are replaced by placeholders before anyone but a moderator sees a text.
 * Pure; used by the report form (server/reports) and the chat import (etl/chat).
 *
 * Plates: the NOM-001-SCT-2-2016 layouts in use in Mexico City mix three letters with three or
 * four digits (ABC-123-D, ABC-1234, 123-ABC, A12-ABC, ABC-12-34); any such token is redacted,
 * and so is whatever follows the word "placa(s)" up to the next space-separated word boundary.
 */

export const PHONE = '[teléfono]';
export const EMAIL = '[correo]';
export const PLATE = '[placa]';

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** digits with the separators people write in phone numbers; checked for 8–15 digits below */
const PHONE_RE = /(?<![\p{L}\p{N}])\+?\(?\d[\d\s().-]{6,}\d(?![\p{L}\p{N}])/gu;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const PLATE_SHAPES = [
  '[A-Z]{3}[- ]?\\d{3,4}(?:[- ]?[A-Z])?',
  '[A-Z]{3}[- ]?\\d{2}[- ]?\\d{2}',
  '\\d{3}[- ]?[A-Z]{3}',
  '[A-Z]\\d{2}[- ]?[A-Z]{3}',
];
const PLATE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:${PLATE_SHAPES.join('|')})(?![\\p{L}\\p{N}])`, 'gu'); // case-sensitive: plates are written in capitals, "Sur 1234" is an address
/** "placas 7AB-K23", "placa: XYZ123": a token after the word with at least one digit */
const AFTER_PLATE_WORD =
  /\b(placas?)(\s*(?:de circulación|de circulacion)?[:\s#]*)([\p{L}\p{N}][\p{L}\p{N}-]*\d[\p{L}\p{N}-]*)/giu;

/** Only the phone numbers replaced by the placeholder. */
export function redactPhones(text: string): string {
  return text.replace(PHONE_RE, (m) => {
    const trimmed = m.trim();
    const digits = trimmed.replace(/\D/g, '').length;
    if (digits < 8 || digits > 15 || ISO_DATE.test(trimmed)) return m;
    // keep the whitespace the match swallowed at its ends
    const lead = m.match(/^\s*/)![0];
    const tail = m.match(/\s*$/)![0];
    return `${lead}${PHONE}${tail}`;
  });
}

/** The text with phone numbers, e-mail addresses and licence plates replaced by placeholders. */
export function redactPersonalData(text: string): string {
  let out = text.replace(EMAIL_RE, EMAIL);
  out = out.replace(AFTER_PLATE_WORD, (_m, word: string, sep: string) => `${word}${sep}${PLATE}`);
  out = out.replace(PLATE_RE, PLATE);
  out = redactPhones(out);
  return out;
}

/** Phone numbers removed from a name-like field ("+52 55 1234 5678", "Juan 5512345678"). */
export function stripPhones(text: string): string {
  return redactPhones(text).replaceAll(PHONE, '').replace(/\s+/g, ' ').trim();
}
