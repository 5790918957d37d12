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
 *
 * The same pipeline serves the command line (a file) and the moderators' upload (`importChatExport`,
 * content in memory), including its dry run: the preview counts exactly what the import would queue.
 */
import { parseConfig } from '../../core/config/index.ts';
import { AppError } from '../../core/errors/index.ts';
import { createHash, createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Store } from '../../db/connect.ts';
import { readOrCreateSecret, resolveSecret } from '../../db/secrets.ts';
import { insertReport, purgeExpiredText, queuedChatRefs, type NewReport } from '../../db/queries/reports.ts';
import type { Database } from '../../db/schema.ts';
import { sql, type Kysely } from 'kysely';
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
  /** count what would be queued, write nothing */
  dryRun?: boolean;
}

export interface ChatImportReport {
  file: string;
  format: ParsedChat['format'];
  sha256: string;
  /** true: nothing was written, `queued` counts what an import would queue */
  dry_run: boolean;
  /** the `imports` row of this export (the first import of the same content); null in a dry run */
  import_id: number | null;
  /** the first and last message dates (YYYY-MM-DD), null for an export without messages */
  first_date: string | null;
  last_date: string | null;
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
  /** incident messages the geocoder placed in the city */
  placed: number;
  /** queued without a place: the geocoder could not place them, or placed them outside the city */
  unplaced: number;
  outside_cdmx: number;
  /** the first incident messages as the moderator will see them (a preview) */
  sample: ChatImportSample[];
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

/** A chat export's content and the name it came with (a file name, or an upload's name). */
export interface ChatExport {
  name: string;
  content: string;
}

/** Reads a chat export from disk and imports it (the command line's entry). */
export async function importChat(store: ChatStore, path: string, opts: ChatImportOptions): Promise<ChatImportReport> {
  return importChatExport(store, { name: basename(path), content: readFileSync(path, 'utf8') }, opts);
}

type ChatStore = Pick<Store, 'db'> & Partial<Pick<Store, 'backend'>>;

/** One incident message ready to queue, with what the geocoder read from it (for the preview's sample). */
interface PreparedReport {
  row: NewReport;
  sample: ChatImportSample;
}

/**
 * Imports a chat export's content; with `dryRun`, counts what would be queued and writes nothing
 * (no purge, no report, no import record). A real import queues the messages and records the import
 * (table `imports`, source `chat`) in one transaction: an export seen before keeps its first import id.
 */
export async function importChatExport(
  store: ChatStore,
  file: ChatExport,
  opts: ChatImportOptions,
): Promise<ChatImportReport> {
  const now = opts.now ?? new Date();
  const days = retentionDays(opts.retentionDays);
  const parsed = parseChat(file.content);
  // nothing recognisable as a message: another kind of file, refused before anything is written
  if (parsed.messages.length === 0)
    throw new AppError(
      'not_a_chat_export',
      parsed.malformed[0] ? `${file.name}: ${parsed.malformed[0].reason}` : file.name,
    );
  // CHAT_SALT, else shared through PostgreSQL by every process, else the file in DATA_DIR (db/secrets.ts)
  const salt = (await resolveSecret('chat-salt', {
    store,
    inDatabase: store.backend === 'postgres',
    dataDir: opts.dataDir,
  }))!;
  const dates = parsed.messages.map((m) => m.date).sort();
  const report: ChatImportReport = {
    file: file.name,
    format: parsed.format,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    dry_run: opts.dryRun === true,
    import_id: null,
    first_date: dates[0] ?? null,
    last_date: dates.at(-1) ?? null,
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
    placed: 0,
    unplaced: 0,
    outside_cdmx: 0,
    sample: [],
    retention_days: days,
    purged_texts: 0,
  };
  for (const m of parsed.malformed) report.malformed_reasons[m.reason] = (report.malformed_reasons[m.reason] ?? 0) + 1;
  const expires = new Date(now.getTime() + days * 86_400_000);
  const prepared: PreparedReport[] = [];
  for (const msg of parsed.messages) {
    if (msg.kind !== 'text') {
      report[msg.kind === 'media' ? 'media' : 'system']++;
      continue;
    }
    report.text_messages++;
    const p = prepareIfIncident(msg, salt, expires, report);
    if (p) prepared.push(p);
  }
  report.sample = prepared.slice(0, SAMPLE_SIZE).map((p) => p.sample);
  if (opts.dryRun) {
    const seen = await queuedChatRefs(
      store,
      prepared.map((p) => p.row.chat_ref!),
    );
    report.already_queued = prepared.filter((p) => seen.has(p.row.chat_ref!)).length;
    report.queued = prepared.length - report.already_queued;
    return report;
  }
  await store.db.transaction().execute(async (trx) => {
    const tx = { db: trx };
    report.purged_texts = await purgeExpiredText(tx, now);
    for (const p of prepared) {
      if (await insertReport(tx, p.row)) report.queued++;
      else report.already_queued++;
    }
    report.import_id = await recordImport(trx, report, now);
  });
  return report;
}

/** How many incident messages the preview shows. */
const SAMPLE_SIZE = 5;

/** What the moderator sees of one incident message before importing. */
export interface ChatImportSample {
  date: string;
  category: string;
  /** the geocoder's reading; null names when it could not place the message */
  precision: string | null;
  alcaldia: string | null;
  colonia: string | null;
  /** the start of the text with personal data redacted */
  excerpt: string;
}

function prepareIfIncident(
  msg: ChatMessage,
  salt: string,
  expires: Date,
  report: ChatImportReport,
): PreparedReport | null {
  const c = classifyArticle({ text: msg.text, publishedAt: msg.date });
  if (!isIncidentReport(c)) return null;
  report.incidents++;
  const g = getGeocoder().geocodeText(msg.text);
  const placed = g.status === 'ok' && g.lat !== null && g.lon !== null && g.precision !== null;
  report[placed ? 'placed' : 'unplaced']++;
  if (g.status === 'outside_cdmx') report.outside_cdmx++;
  const author = senderHash(salt, msg.sender);
  // control characters out (PostgreSQL refuses NUL in text), then phone numbers
  const text = removePhones(msg.text.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' '));
  const redacted = redactPersonalData(text);
  const occurred = c.when?.date && c.when.date <= msg.date ? c.when.date : msg.date;
  const row: NewReport = {
    folio: newFolio(),
    origin: 'chat',
    category: c.primary,
    occurred_on: occurred,
    hour: c.when && c.when.basis !== 'published' ? c.when.hour : null,
    lat: placed ? g.lat : null,
    lon: placed ? g.lon : null,
    location_precision: placed ? g.precision! : 'none',
    location_text: null,
    alcaldia_id: placed ? g.alcaldia_id : null,
    colonia_id: placed ? g.colonia_id : null,
    description_raw: text,
    description_redacted: redacted,
    sender_hash: author,
    // the same message in a later export of the same chat is the same entry
    chat_ref: createHmac('sha256', salt)
      .update(`${msg.date}T${msg.time}\n${author}\n${msg.text}`)
      .digest('hex')
      .slice(0, 32),
    text_expires_at: expires,
  };
  const sample: ChatImportSample = {
    date: occurred,
    category: c.primary!,
    precision: placed ? g.precision : null,
    alcaldia: placed ? g.alcaldia : null,
    colonia: placed ? g.colonia : null,
    excerpt: redacted.length > 160 ? `${redacted.slice(0, 159)}…` : redacted,
  };
  return { row, sample };
}

/** The import's record (source `chat`): the first import of the same export keeps its id. */
async function recordImport(db: Kysely<Database>, report: ChatImportReport, now: Date): Promise<number> {
  const prior = await db
    .selectFrom('imports')
    .select('id')
    .where('source', '=', 'chat')
    .where('file_sha256', '=', report.sha256)
    .where('status', '=', 'done')
    .orderBy('id')
    .executeTakeFirst();
  if (prior) return prior.id;
  const { malformed_at: _lines, sample: _sample, ...counts } = report;
  const row = await db
    .insertInto('imports')
    .values({
      source: 'chat',
      file_name: report.file,
      file_sha256: report.sha256,
      status: 'done',
      finished_at: now,
      report: sql<string>`${JSON.stringify(counts)}::text::jsonb`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Phone numbers replaced by a placeholder; e-mails and plates stay in the moderators' copy. */
export const removePhones = redactPhones;
