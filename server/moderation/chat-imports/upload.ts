/**
 * An uploaded chat export → its text. WhatsApp's "Exportar chat" gives a `.txt` (or a `.zip`
 * holding it, plus the media when "Incluir archivos" was chosen); Telegram Desktop gives
 * `result.json`, zipped or not. Only the decoding happens here; the one chat parser (etl/chat)
 * reads the text.
 *
 * Refusals, each a catalogue code: an empty upload `empty_file`; a zip that cannot be read, or
 * that holds no chat text or more than one `unsupported_archive`; text past the cap, declared in
 * the zip or read `payload_too_large`; bytes that are not UTF-8 `not_a_chat_export`.
 */
import { unzipSync } from 'fflate';
import { AppError } from '../../../core/errors/index.ts';
import type { ChatExport } from '../../../etl/chat/index.ts';

/** The most text one export may hold (a busy neighbourhood group's year of messages is a few MB). */
export const MAX_CHAT_TEXT_BYTES = 20 * 1024 * 1024;

const ZIP_MAGIC = [0x50, 0x4b]; // "PK": a local file header (03 04) or an empty archive's end record (05 06)

const isZip = (bytes: Uint8Array) => bytes.length >= 4 && bytes[0] === ZIP_MAGIC[0] && bytes[1] === ZIP_MAGIC[1];

/** A member that can be the chat itself: `.txt` (WhatsApp) or `.json` (Telegram), not macOS metadata. */
function isChatMember(path: string): boolean {
  const name = path.split('/').at(-1) ?? '';
  return /\.(txt|json)$/i.test(name) && !name.startsWith('.') && !path.startsWith('__MACOSX/');
}

export function chatExportFromUpload(bytes: Uint8Array, fileName: string): ChatExport {
  if (bytes.length === 0) throw new AppError('empty_file', fileName);
  if (!isZip(bytes)) return { name: fileName, content: decodeText(bytes, fileName) };
  const members: string[] = [];
  let oversized: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    // only the chat member is inflated; the media beside it are skipped unread
    files = unzipSync(bytes, {
      filter: (f) => {
        if (!isChatMember(f.name)) return false;
        members.push(f.name);
        if (f.originalSize > MAX_CHAT_TEXT_BYTES) oversized = f.name;
        return members.length === 1 && oversized === undefined;
      },
    });
  } catch (err) {
    throw new AppError('unsupported_archive', `${fileName}: no se pudo leer el .zip (${(err as Error).message})`);
  }
  if (oversized) throw new AppError('payload_too_large', `${oversized}: más de ${MAX_CHAT_TEXT_BYTES} bytes`);
  if (members.length !== 1)
    throw new AppError(
      'unsupported_archive',
      members.length === 0 ? `${fileName}: sin .txt ni .json` : `${fileName}: varios chats (${members.join(', ')})`,
    );
  const name = members[0]!;
  const content = files[name]!;
  if (content.length === 0) throw new AppError('empty_file', name);
  return { name: name.split('/').at(-1)!, content: decodeText(content, name) };
}

function decodeText(bytes: Uint8Array, name: string): string {
  if (bytes.length > MAX_CHAT_TEXT_BYTES)
    throw new AppError('payload_too_large', `más de ${MAX_CHAT_TEXT_BYTES} bytes`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('not_a_chat_export', `${name}: no es texto UTF-8`);
  }
  if (text.replace(/^\ufeff/, '').trim() === '') throw new AppError('empty_file', name);
  return text;
}
