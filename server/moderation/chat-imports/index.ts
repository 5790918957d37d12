/**
 * `POST /api/moderation/chat-imports[?dry_run=1][&file_name=…]`: a moderator uploads a neighbourhood
 * chat export (WhatsApp `.txt`, Telegram `.json`, or either zipped) as the request body, and its
 * incident messages are queued for moderation exactly as `npm run etl -- import-chat FILE` queues
 * them (etl/chat, through the services object). Moderator or admin only (the moderation
 * middleware); with a session cookie, the CSRF header like every staff write.
 *
 * `dry_run=1` answers what would be queued — messages, date range, incident messages, how many
 * the geocoder placed and how many wait for a place, a sample — and writes nothing. Without it the
 * messages are queued and the answer carries the import id. Importing the same export again
 * queues nothing new (each message is recognised) and answers the first import's id.
 *
 * The body has its own cap (`MAX_CHAT_UPLOAD_BYTES`, above the API's default): exports are files,
 * not form fields. Refusals: upload.ts, plus `not_a_chat_export` from the parser.
 */
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../../core/errors/index.ts';
import type { ChatImportReport } from '../../../etl/chat/index.ts';
import type { ApiApp } from '../../context.ts';
import type { Services } from '../../services/types.ts';
import { chatExportFromUpload } from './upload.ts';

export const CHAT_IMPORTS_PATH = '/api/moderation/chat-imports';
/** A zipped export with its media can be large; the text inside is capped separately (upload.ts). */
export const MAX_CHAT_UPLOAD_BYTES = 32 * 1024 * 1024;

const Query = z
  .object({
    dry_run: z.enum(['0', '1', 'true', 'false']).optional(),
    file_name: z.string().trim().min(1).max(200).optional(),
  })
  .strict();

/** The answer: the import's counts without the per-line detail of malformed lines. */
function importView(r: ChatImportReport) {
  return {
    dry_run: r.dry_run,
    import_id: r.import_id,
    file: r.file,
    format: r.format,
    first_date: r.first_date,
    last_date: r.last_date,
    messages: r.messages,
    text_messages: r.text_messages,
    media: r.media,
    system: r.system,
    malformed: r.malformed,
    incidents: r.incidents,
    placed: r.placed,
    unplaced: r.unplaced,
    queued: r.queued,
    already_queued: r.already_queued,
    sample: r.sample,
    retention_days: r.retention_days,
  };
}

export function registerChatImports(app: ApiApp, services: Services): void {
  app.post(
    CHAT_IMPORTS_PATH,
    bodyLimit({
      maxSize: MAX_CHAT_UPLOAD_BYTES,
      onError: () => {
        throw new AppError('payload_too_large', `máximo ${MAX_CHAT_UPLOAD_BYTES} bytes`);
      },
    }),
    async (c) => {
      const q = Query.safeParse(c.req.query());
      if (!q.success)
        throw new AppError(
          'invalid_parameter',
          q.error.issues.map((i) => `${i.path.join('.') || i.message}: ${i.message}`).join('; '),
        );
      const dryRun = q.data.dry_run === '1' || q.data.dry_run === 'true';
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const file = chatExportFromUpload(bytes, q.data.file_name ?? 'chat');
      const report = await services.importChat(file, { dryRun });
      return c.json(importView(report));
    },
  );
}
