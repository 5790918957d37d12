/**
 * `etl extract FILE_OR_URL`: prints one JSON object
 * `{"url", "title", "published_at", "author", "text", "methods", "kind"}` on stdout: the article
 * fields as plain strings (or null), where each came from (`methods`, e.g. `{"title": "json-ld"}`)
 * and whether the page is an `article` or a `listing` (a listing has an empty `text`). Errors go to stderr:
 * exit 2 for a usage error, 1 when the file cannot be read or the URL cannot be fetched.
 */
import { readFile } from 'node:fs/promises';
import { AppError } from '../../../core/errors/index.ts';
import { Fetcher } from '../fetch/index.ts';
import { extractPage } from './index.ts';

export interface CommandIo {
  stdout(s: string): void;
  stderr(s: string): void;
}

export const EXTRACT_USAGE = 'uso: etl extract ARCHIVO_O_URL';

function isHttpUrl(target: string): boolean {
  return /^https?:\/\//i.test(target);
}

async function readTarget(target: string): Promise<string> {
  if (!isHttpUrl(target)) return readFile(target, 'utf8');
  // One page for a person at a terminal: robots.txt, size and time caps still apply.
  const fetcher = new Fetcher({ retries: 1 });
  const page = await fetcher.fetch(target);
  if (page.status !== 200 || page.body === undefined) {
    throw new AppError('fetch_failed', `${target} respondió HTTP ${page.status}`);
  }
  return page.body;
}

export async function runExtractCommand(target: string | undefined, io: CommandIo): Promise<number> {
  if (!target || target.startsWith('-')) {
    io.stderr(`${EXTRACT_USAGE}\n`);
    return 2;
  }
  let html: string;
  try {
    html = await readTarget(target);
  } catch (err) {
    const message = err instanceof AppError ? err.message : `no se pudo leer ${target}: ${(err as Error).message}`;
    io.stderr(`${message}\n`);
    return 1;
  }
  const page = extractPage(html, { source: target });
  io.stdout(`${JSON.stringify(page)}\n`);
  return 0;
}
