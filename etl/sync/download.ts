/**
 * Downloading a published file to disk: streaming (never the whole file in memory), conditional
 * (If-None-Match / If-Modified-Since with the validators of the last download: 304 means nothing to
 * do) and resumable (a broken download leaves `<dest>.part` and its validators in `<dest>.part.json`;
 * the next attempt asks for the rest with `Range` + `If-Range`, and starts over when the file changed
 * meanwhile, i.e. the server answers 200 instead of 206).
 *
 * Verification: the bytes on disk must equal the length the server announced and the size the portal
 * lists; a short file stays partial (resumed next time) and is never handed to the import; a file of
 * another size than the portal's is refused and discarded.
 */
import { createWriteStream, existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { AppError } from '../../core/errors/index.ts';

export interface Validators {
  etag: string | null;
  lastModified: string | null;
}

export interface DownloadProgress {
  bytes: number;
  /** bytes expected in all, or 0 when unknown */
  total: number;
  bytesPerSecond: number;
  /** seconds left at the current rate, or null */
  etaSeconds: number | null;
}

export interface DownloadOptions {
  url: string;
  /** where the complete file goes; the partial one is `${dest}.part` */
  dest: string;
  /** validators of the last complete download (conditional GET) */
  previous?: Validators | null;
  /** the size the portal lists, when it does */
  expectedSize?: number | null;
  progress?: (p: DownloadProgress) => void;
  fetchImpl?: typeof fetch;
}

export type DownloadOutcome =
  | { status: 'not_modified' }
  | { status: 'downloaded'; path: string; size: number; resumedFrom: number; validators: Validators };

interface PartialMeta extends Validators {
  url: string;
}

export async function downloadFile(opts: DownloadOptions): Promise<DownloadOutcome> {
  const fetchImpl = opts.fetchImpl ?? fetch;
  const part = `${opts.dest}.part`;
  const metaPath = `${part}.json`;
  const partial = readPartial(part, metaPath, opts.url);

  const headers: Record<string, string> = {};
  if (partial) {
    headers.range = `bytes=${partial.bytes}-`;
    headers['if-range'] = (partial.meta.etag ?? partial.meta.lastModified)!;
  } else {
    if (opts.previous?.etag) headers['if-none-match'] = opts.previous.etag;
    if (opts.previous?.lastModified) headers['if-modified-since'] = opts.previous.lastModified;
  }

  let res: Response;
  try {
    res = await fetchImpl(opts.url, { headers });
  } catch (err) {
    throw new AppError('fetch_failed', `${opts.url}: ${(err as Error).message}`);
  }
  if (res.status === 304) return { status: 'not_modified' };
  if (res.status === 416 && partial) {
    // the partial file is not a prefix of what is served now: start over
    discard(part, metaPath);
    return downloadFile(opts);
  }
  if (res.status !== 200 && res.status !== 206) throw new AppError('fetch_failed', `${opts.url}: HTTP ${res.status}`);

  const validators: Validators = { etag: res.headers.get('etag'), lastModified: res.headers.get('last-modified') };
  let start = 0;
  let total = Number(res.headers.get('content-length') ?? 0) || 0;
  if (res.status === 206) {
    const range = /^bytes (\d+)-\d+\/(\d+|\*)$/.exec(res.headers.get('content-range') ?? '');
    if (!range || Number(range[1]) !== partial?.bytes) {
      await res.body?.cancel();
      discard(part, metaPath);
      throw new AppError(
        'download_incomplete',
        `${opts.url}: rango inesperado (${res.headers.get('content-range')}); se descargará completo la próxima vez`,
      );
    }
    start = partial.bytes;
    total = range[2] === '*' ? 0 : Number(range[2]);
  } else if (total === 0 && opts.expectedSize) total = opts.expectedSize;
  writeFileSync(metaPath, JSON.stringify({ url: opts.url, ...validators } satisfies PartialMeta));

  const out = createWriteStream(part, { flags: start > 0 ? 'a' : 'w' });
  let bytes = start;
  const began = performance.now();
  let lastTold = 0;
  try {
    if (!res.body) throw new Error('respuesta sin cuerpo');
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      if (!out.write(chunk)) await once(out, 'drain');
      bytes += chunk.length;
      const now = performance.now();
      if (opts.progress && now - lastTold > 1000) {
        lastTold = now;
        const rate = (bytes - start) / Math.max(0.001, (now - began) / 1000);
        opts.progress({
          bytes,
          total,
          bytesPerSecond: rate,
          etaSeconds: total > 0 && rate > 0 ? (total - bytes) / rate : null,
        });
      }
    }
  } catch (err) {
    out.end();
    await once(out, 'close');
    throw new AppError(
      'download_incomplete',
      `${opts.url}: ${bytes} bytes de ${total || '?'} (${(err as Error).message}); se reanudará`,
    );
  }
  out.end();
  await once(out, 'close');
  opts.progress?.({ bytes, total, bytesPerSecond: 0, etaSeconds: 0 });

  const wanted = total || opts.expectedSize || 0;
  if (wanted > 0 && bytes < wanted)
    throw new AppError('download_incomplete', `${opts.url}: ${bytes} bytes de ${wanted}; se reanudará`);
  if ((wanted > 0 && bytes !== wanted) || (opts.expectedSize && bytes !== opts.expectedSize)) {
    discard(part, metaPath);
    throw new AppError(
      'download_incomplete',
      `${opts.url}: ${bytes} bytes; se esperaban ${opts.expectedSize ?? wanted}`,
    );
  }
  renameSync(part, opts.dest);
  rmSync(metaPath, { force: true });
  return { status: 'downloaded', path: opts.dest, size: bytes, resumedFrom: start, validators };
}

/** A partial download of the same URL that can be resumed (it has a validator for If-Range), or null. */
function readPartial(part: string, metaPath: string, url: string): { bytes: number; meta: PartialMeta } | null {
  if (!existsSync(part) || !existsSync(metaPath)) {
    discard(part, metaPath);
    return null;
  }
  try {
    const meta = JSON.parse(readFileSync(metaPath, 'utf8')) as PartialMeta;
    const bytes = statSync(part).size;
    if (meta.url === url && (meta.etag || meta.lastModified) && bytes > 0) return { bytes, meta };
  } catch {
    /* unreadable: start over */
  }
  discard(part, metaPath);
  return null;
}

function discard(part: string, metaPath: string): void {
  rmSync(part, { force: true });
  rmSync(metaPath, { force: true });
}
