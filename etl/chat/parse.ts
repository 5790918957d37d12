/**
 * Parsing community-chat exports into messages (pure). Three layouts:
 *
 * - WhatsApp Android text export: `dd/mm/yy, hh:mm - Name: message` (also `dd/mm/yyyy` and a
 *   12-hour clock with "a. m."/"p. m." or AM/PM); a header line without "Name: " is a system line.
 * - WhatsApp iOS text export: `[dd/mm/yy, hh:mm:ss] Name: message`; system notices and
 *   attachments start with U+200E (LEFT-TO-RIGHT MARK), which is how iOS marks them.
 * - Telegram Desktop JSON export: `{messages: [{type, date, from, text}]}`, where `text` is a
 *   string or an array of strings and entities `{type, text}`.
 *
 * A line that does not start a message continues the previous one (multi-line messages).
 * Nothing is thrown for bad content: malformed lines/messages are returned with a reason.
 */

export type ChatFormat = 'whatsapp-android' | 'whatsapp-ios' | 'telegram';

export interface ChatMessage {
  /** 0-based position among the export's messages (system lines and media included) */
  index: number;
  /** local date YYYY-MM-DD and time HH:MM as the export writes them */
  date: string;
  time: string;
  sender: string;
  text: string;
  kind: 'text' | 'media' | 'system';
}

export interface MalformedEntry {
  /** 1-based line number (WhatsApp) or message position (Telegram) */
  at: number;
  reason:
    | 'no_message_header'
    | 'invalid_json'
    | 'invalid_date'
    | 'invalid_time'
    | 'missing_text'
    | 'missing_sender'
    | 'not_an_object';
}

export interface ParsedChat {
  format: ChatFormat;
  messages: ChatMessage[];
  malformed: MalformedEntry[];
}

const ANDROID = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2})(?:\s*([ap])\.?\s?m\.?)?\s+-\s+(.*)$/i;
const IOS =
  /^\u200e?\[(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4}),? (\d{1,2}):(\d{2}):(\d{2})(?:\s*([ap])\.?\s?m\.?)?\]\s+(.*)$/i;
/** WhatsApp's placeholders for media left out of a text export (Spanish and English exports). */
const MEDIA =
  /^\u200e?(<multimedia omitido>|<media omitted>|<adjunto: [^>]+>|(imagen|video|audio|sticker|gif|documento) omitid[oa]|<archivo adjunto: [^>]+>)$/i;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** dd/mm/yy → YYYY-MM-DD, or null for an impossible date (31/02). Two-digit years are 20yy. */
export function chatDate(d: string, m: string, y: string): string | null {
  const year = y.length === 2 ? 2000 + Number(y) : Number(y);
  const date = new Date(Date.UTC(year, Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d))
    return null;
  return `${year}-${pad2(Number(m))}-${pad2(Number(d))}`;
}

/** hh:mm with an optional a.m./p.m. → HH:MM, or null. */
export function chatTime(h: string, min: string, ampm: string | undefined): string | null {
  let hour = Number(h);
  const minute = Number(min);
  if (ampm) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (ampm.toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return null;
  return `${pad2(hour)}:${pad2(minute)}`;
}

/** Splits "Name: message"; null when the rest holds no sender (a system line). */
function senderAndText(rest: string): { sender: string; text: string } | null {
  const i = rest.indexOf(': ');
  if (i <= 0) return null;
  return { sender: rest.slice(0, i).trim(), text: rest.slice(i + 2) };
}

/** Parses a WhatsApp text export (either layout; the first header line decides). */
export function parseWhatsApp(content: string): ParsedChat {
  const lines = content.replace(/^\ufeff/, '').split(/\r?\n/);
  const ios = lines.some((l) => IOS.test(l)) && !lines.some((l) => ANDROID.test(l));
  const messages: ChatMessage[] = [];
  const malformed: MalformedEntry[] = [];
  let current: ChatMessage | null = null;
  /** continuation lines of a malformed header belong to it, not to the message before */
  let skipping = false;
  lines.forEach((line, i) => {
    const m = ios ? IOS.exec(line) : ANDROID.exec(line);
    if (!m) {
      if (line.trim() === '' && !current) return;
      if (skipping) return;
      if (!current) {
        malformed.push({ at: i + 1, reason: 'no_message_header' });
        skipping = true;
        return;
      }
      current.text += `\n${line}`;
      return;
    }
    const [d, mo, y, h, mi] = [m[1]!, m[2]!, m[3]!, m[4]!, m[5]!];
    const ampm = ios ? m[7] : m[6];
    const rest = ios ? m[8]! : m[7]!;
    const date = chatDate(d, mo, y);
    const time = chatTime(h, mi, ampm);
    if (!date || !time) {
      malformed.push({ at: i + 1, reason: date ? 'invalid_time' : 'invalid_date' });
      current = null;
      skipping = true;
      return;
    }
    skipping = false;
    const split = senderAndText(rest);
    const system = !split || (ios && split.text.startsWith('\u200e') && !MEDIA.test(split.text.trim()));
    current = {
      index: messages.length,
      date,
      time,
      sender: split?.sender ?? '',
      text: split ? split.text : rest,
      kind: system ? 'system' : MEDIA.test((split?.text ?? '').trim()) ? 'media' : 'text',
    };
    messages.push(current);
  });
  for (const msg of messages) msg.text = msg.text.replace(/\u200e/g, '').trimEnd();
  return { format: ios ? 'whatsapp-ios' : 'whatsapp-android', messages, malformed };
}

/** Telegram's `text`: a string, or an array of strings and `{type, text}` entities, concatenated. */
export function telegramText(text: unknown): string | null {
  if (typeof text === 'string') return text;
  if (!Array.isArray(text)) return null;
  let out = '';
  for (const part of text) {
    if (typeof part === 'string') out += part;
    else if (part && typeof part === 'object' && typeof (part as { text?: unknown }).text === 'string')
      out += (part as { text: string }).text;
    else return null;
  }
  return out;
}

const TELEGRAM_DATE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})$/;

/** Parses a Telegram Desktop JSON export (already JSON-parsed). */
export function parseTelegram(data: unknown): ParsedChat {
  const list = (data as { messages?: unknown } | null)?.messages;
  const messages: ChatMessage[] = [];
  const malformed: MalformedEntry[] = [];
  if (!Array.isArray(list)) return { format: 'telegram', messages, malformed: [{ at: 0, reason: 'not_an_object' }] };
  list.forEach((raw, i) => {
    const at = i + 1;
    if (!raw || typeof raw !== 'object') return void malformed.push({ at, reason: 'not_an_object' });
    const m = raw as Record<string, unknown>;
    const dm = typeof m.date === 'string' ? TELEGRAM_DATE.exec(m.date) : null;
    const date = dm ? chatDate(dm[3]!, dm[2]!, dm[1]!) : null;
    if (!dm || !date) return void malformed.push({ at, reason: 'invalid_date' });
    const time = chatTime(dm[4]!, dm[5]!, undefined);
    if (!time) return void malformed.push({ at, reason: 'invalid_time' });
    if (m.type === 'service') {
      messages.push({
        index: messages.length,
        date,
        time,
        sender: String(m.actor ?? ''),
        text: telegramText(m.text) ?? '',
        kind: 'system',
      });
      return;
    }
    const text = telegramText(m.text);
    if (text === null) return void malformed.push({ at, reason: 'missing_text' });
    if (typeof m.from !== 'string' || m.from.trim() === '')
      return void malformed.push({ at, reason: 'missing_sender' });
    const media = text.trim() === '' && (m.media_type !== undefined || m.photo !== undefined || m.file !== undefined);
    messages.push({ index: messages.length, date, time, sender: m.from, text, kind: media ? 'media' : 'text' });
  });
  return { format: 'telegram', messages, malformed };
}
