/**
 * Wording of the chat-import panel (ChatImportPanel.svelte): dates, counts with their Spanish
 * plural, the export's app and where a sample message was placed. Pure, tested beside it.
 */
import type { ChatImportResult } from './api.ts';

const FORMAT_LABELS: Record<ChatImportResult['format'], string> = {
  'whatsapp-android': 'WhatsApp, Android',
  'whatsapp-ios': 'WhatsApp, iPhone',
  telegram: 'Telegram',
};

export const chatFormatLabel = (format: ChatImportResult['format']): string => FORMAT_LABELS[format] ?? format;

const DAY = new Intl.DateTimeFormat('es-MX', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** YYYY-MM-DD → "12 may 2024" (the export's own calendar day: no time zone shift). */
export function chatDay(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  if (!y || !m || !d) return date;
  return DAY.format(new Date(Date.UTC(y, m - 1, d))).replaceAll('.', '');
}

/** "1 mensaje", "1,234 mensajes". */
export const count = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('es-MX')} ${n === 1 ? one : many}`;

const SMALL_WORDS = new Set(['de', 'del', 'la', 'las', 'los', 'el', 'y']);
const ROMAN = /^[IVXL]+$/;

/** The colonia catalogue writes names in capitals ("ROMA NORTE III"): read as "Roma Norte III". */
export function placeName(name: string): string {
  if (name !== name.toUpperCase()) return name;
  return name
    .split(' ')
    .map((word, i) => {
      if (ROMAN.test(word)) return word;
      const lower = word.toLocaleLowerCase('es-MX');
      if (i > 0 && SMALL_WORDS.has(lower)) return lower;
      return lower.charAt(0).toLocaleUpperCase('es-MX') + lower.slice(1);
    })
    .join(' ');
}

/** Where the geocoder placed a sample message: "Roma Norte III, Cuauhtémoc", "Cuauhtémoc" or "sin ubicar". */
export function samplePlace(s: Pick<ChatImportResult['sample'][number], 'colonia' | 'alcaldia'>): string {
  const parts = [s.colonia, s.alcaldia].filter((p): p is string => !!p).map(placeName);
  return parts.length ? parts.join(', ') : 'sin ubicar';
}
