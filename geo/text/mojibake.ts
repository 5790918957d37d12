/**
 * Repair of "double-encoded" text: UTF-8 bytes that were decoded as Latin-1 / Windows-1252 and
 * re-encoded as UTF-8 somewhere upstream, so "VIOLACIÓN" arrives as "VIOLACIÃ\u0093N".
 * Each suspicious run (a UTF-8 lead byte read as a Latin-1 letter, followed by continuation bytes)
 * is turned back into bytes and decoded as strict UTF-8; a run that does not decode is left alone,
 * so correct text (e.g. "CONTAMINACIÓN") is never touched.
 *
 * Some exports went through R, which wrote the unprintable C1 characters as literal "<U+0093>" escapes
 * ("VIOLACIÃ<U+0093>N"); those are turned back into the character first.
 */

/** Windows-1252's 0x80–0x9F characters, mapped back to their byte. */
const CP1252_BYTE = new Map<number, number>([
  [0x20ac, 0x80],
  [0x201a, 0x82],
  [0x0192, 0x83],
  [0x201e, 0x84],
  [0x2026, 0x85],
  [0x2020, 0x86],
  [0x2021, 0x87],
  [0x02c6, 0x88],
  [0x2030, 0x89],
  [0x0160, 0x8a],
  [0x2039, 0x8b],
  [0x0152, 0x8c],
  [0x017d, 0x8e],
  [0x2018, 0x91],
  [0x2019, 0x92],
  [0x201c, 0x93],
  [0x201d, 0x94],
  [0x2022, 0x95],
  [0x2013, 0x96],
  [0x2014, 0x97],
  [0x02dc, 0x98],
  [0x2122, 0x99],
  [0x0161, 0x9a],
  [0x203a, 0x9b],
  [0x0153, 0x9c],
  [0x017e, 0x9e],
  [0x0178, 0x9f],
]);

const CONTINUATION =
  '\\u0080-\\u00BF\\u0152\\u0153\\u0160\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201A\\u201C-\\u201E\\u2020-\\u2022\\u2026\\u2030\\u2039\\u203A\\u20AC\\u2122';
/** A UTF-8 lead byte read as Latin-1 (0xC2–0xF4) followed by exactly as many continuation bytes as it announces. */
const C = `[${CONTINUATION}]`;
const SUSPECT = new RegExp(`[\\u00C2-\\u00DF]${C}|[\\u00E0-\\u00EF]${C}{2}|[\\u00F0-\\u00F4]${C}{3}`, 'g');
const utf8 = new TextDecoder('utf-8', { fatal: true });

function toByte(ch: string): number | undefined {
  const code = ch.charCodeAt(0);
  return code <= 0xff ? code : CP1252_BYTE.get(code);
}

const R_ESCAPE = /<U\+([0-9A-Fa-f]{4,6})>/g;

export function repairMojibake(text: string): string {
  if (!/[\u00C2-\u00F4]/.test(text)) return text; // fast path: nothing that could be a lead byte
  if (text.includes('<U+')) text = text.replace(R_ESCAPE, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)));
  return text.replace(SUSPECT, (run) => {
    const bytes: number[] = [];
    for (const ch of run) {
      const b = toByte(ch);
      if (b === undefined) return run;
      bytes.push(b);
    }
    try {
      return utf8.decode(new Uint8Array(bytes));
    } catch {
      return run;
    }
  });
}
