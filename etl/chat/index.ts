/**
 * `npm run etl -- import-chat FILE`: reads a WhatsApp (Android or iOS) text
 * export or a Telegram JSON export, finds the messages that report incidents, and queues them for
 * moderation (table `citizen_reports`, origin `chat`) — never straight onto the map.
 *
 * Privacy:
 * - senders are stored only as a salted HMAC-SHA-256 (the salt is generated into
 *   `DATA_DIR/secrets/chat-salt`, mode 0600, on first use; without it hashes cannot be reversed by
 *   trying names), so moderators can see that two messages share an author, not who it is;
 * - phone numbers are removed from the stored text (the sender field is never stored at all);
 *   e-mails and plates are additionally redacted in the copy non-moderators could ever see;
 * - the text is kept `CHAT_RETENTION_DAYS` (default 90) days after the import; each import first
 *   purges expired texts (`purgeExpiredText`).
 *
 * Which messages: the news classifier (`classifyArticle`) names the categories. Chat messages are
 * short and lack a reporter's cues ("los hechos", "se registró"), so a message that names a crime
 * counts unless the classifier calls it statistics, advice or opinion. Then the one geocoder places
 * it; messages it cannot place (or places outside the city) are queued unplaced, not dropped.
 */
import { parseConfig } from '../../core/config/index.ts';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../../db/connect.ts';
import { readOrCreateSecret, resolveSecret } from '../../db/secrets.ts';
import { insertReport, purgeExpiredText } from '../../db/queries/reports.ts';
import { getGeocoder } from '../../reference/geocoder/index.ts';
import { classifyArticle, type ArticleClassification } from '../news/classify/index.ts';
import { newFolio, redactPersonalData, redactPhones } from '../../core/reports/index.ts';
import { parseTelegram, parseWhatsApp, type ChatMessage, type MalformedEntry, type ParsedChat } from './parse.ts';

export * from './parse.ts';

export interface ChatImportOptions {
  /** where `secrets/chat-salt` lives (PGlite; on PostgreSQL the salt is `CHAT_SALT` or kept in the store) */
  dataDir: string;
  /** days the text is kept; default env CHAT_RETENTION_DAYS or 90 */
  retentionDays?: number;
  now?: Date;
}

export interface ChatImportReport {
  file: string;
  format: ParsedChat['format'];
  sha256: string;
  /** every message parsed (text, media and system) */
  messages: number;
  text_messages: number;
  media: number;
  system: number;
  malformed: number;
  malformed_reasons: Record<string, number>;
  malformed_at: MalformedEntry[];
  /** text messages recognised as incident reports */
  incidents: number;
  queued: number;
  /** incident messages already queued by an earlier import of the same chat */
  already_queued: number;
  /** queued without a place: the geocoder could not place them, or placed them outside the city */
  unplaced: number;
  outside_cdmx: number;
  retention_days: number;
  purged_texts: number;
}

export function retentionDays(given: number | undefined, env: NodeJS.ProcessEnv = process.env): number {
  return given ?? parseConfig(env).CHAT_RETENTION_DAYS;
}

/** The salt, created (32 random bytes, hex, mode 0600) on first use (db/secrets.ts, shared with the session key). */
export function chatSalt(dataDir: string): string {
  return readOrCreateSecret(dataDir, 'chat-salt');
}

/** A sender's pseudonym: HMAC-SHA-256 of the trimmed, lower-cased name under the salt (16 hex). */
export function senderHash(salt: string, sender: string): string {
  return createHmac('sha256', salt).update(sender.trim().toLowerCase()).digest('hex').slice(0, 16);
}

/** Parses a chat export's content, deciding the format from it (JSON → Telegram, else WhatsApp). */
export function parseChat(content: string): ParsedChat {
  const trimmed = content.replace(/^\ufeff/, '').trimStart();
  if (trimmed.startsWith('{')) {
    try {
      return parseTelegram(JSON.parse(trimmed));
    } catch {
      return { format: 'telegram', messages: [], malformed: [{ at: 0, reason: 'invalid_json' }] };
    }
  }
  // "[" starts both a JSON array and an iOS WhatsApp line ("[12/05/24, 22:15:08] …")
  return parseWhatsApp(content);
}

/** Whether a classified chat message reports an incident (see the module comment). */
export function isIncidentReport(c: ArticleClassification): boolean {
  return c.primary !== null && (c.kind === 'incident' || c.kind === 'other');
}

export async function importChat(
  store: Pick<Store, 'db'> & Partial<Pick<Store, 'backend'>>,
  path: string,
  opts: ChatImportOptions,
): Promise<ChatImportReport> {
  const now = opts.now ?? new Date();
  const days = retentionDays(opts.retentionDays);
  const purged = await purgeExpiredText(store, now);
  const content = readFileSync(path, 'utf8');
  const parsed = parseChat(content);
  // CHAT_SALT, else shared through PostgreSQL by every process, else the file in DATA_DIR (db/secrets.ts)
  const salt = (await resolveSecret('chat-salt', {
    store,
    inDatabase: store.backend === 'postgres',
    dataDir: opts.dataDir,
  }))!;
  const report: ChatImportReport = {
    file: basename(path),
    format: parsed.format,
    sha256: createHash('sha256').update(content).digest('hex'),
    messages: parsed.messages.length,
    text_messages: 0,
    media: 0,
    system: 0,
    malformed: parsed.malformed.length,
    malformed_reasons: {},
    malformed_at: parsed.malformed,
    incidents: 0,
    queued: 0,
    already_queued: 0,
    unplaced: 0,
    outside_cdmx: 0,
    retention_days: days,
    purged_texts: purged,
  };
  for (const m of parsed.malformed) report.malformed_reasons[m.reason] = (report.malformed_reasons[m.reason] ?? 0) + 1;
  const expires = new Date(now.getTime() + days * 86_400_000);
  for (const msg of parsed.messages) {
    if (msg.kind !== 'text') {
      report[msg.kind === 'media' ? 'media' : 'system']++;
      continue;
    }
    report.text_messages++;
    await queueIfIncident(store, msg, salt, expires, report);
  }
  return report;
}

async function queueIfIncident(
  store: Pick<Store, 'db'>,
  msg: ChatMessage,
  salt: string,
  expires: Date,
  report: ChatImportReport,
): Promise<void> {
  const c = classifyArticle({ text: msg.text, publishedAt: msg.date });
  if (!isIncidentReport(c)) return;
  report.incidents++;
  const g = getGeocoder().geocodeText(msg.text);
  const placed = g.status === 'ok' && g.lat !== null && g.lon !== null && g.precision !== null;
  if (!placed) report.unplaced++;
  if (g.status === 'outside_cdmx') report.outside_cdmx++;
  const author = senderHash(salt, msg.sender);
  // control characters out (PostgreSQL refuses NUL in text), then phone numbers
  const text = removePhones(msg.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' '));
  const inserted = await insertReport(store, {
    folio: newFolio(),
    origin: 'chat',
    category: c.primary,
    occurred_on: c.when?.date && c.when.date <= msg.date ? c.when.date : msg.date,
    hour: c.when && c.when.basis !== 'published' ? c.when.hour : null,
    lat: placed ? g.lat : null,
    lon: placed ? g.lon : null,
    location_precision: placed ? g.precision! : 'none',
    location_text: null,
    alcaldia_id: placed ? g.alcaldia_id : null,
    colonia_id: placed ? g.colonia_id : null,
    description_raw: text,
    description_redacted: redactPersonalData(text),
    sender_hash: author,
    // the same message in a later export of the same chat is the same entry
    chat_ref: createHmac('sha256', salt)
      .update(`${msg.date}T${msg.time}\n${author}\n${msg.text}`)
      .digest('hex')
      .slice(0, 32),
    text_expires_at: expires,
  });
  if (inserted) report.queued++;
  else report.already_queued++;
}

/** Phone numbers replaced by a placeholder; e-mails and plates stay in the moderators' copy. */
export const removePhones = redactPhones;
