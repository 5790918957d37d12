/**
 * A self-hosted street basemap. `BASEMAP_PMTILES=/path/cdmx.pmtiles` names a PMTiles v3 archive
 * (https://github.com/protomaps/PMTiles/blob/main/spec/v3/spec.md) of OpenStreetMap vector tiles —
 * a CDMX extract of the Protomaps daily build — and the app serves it at `BASEMAP_PATH` with HTTP
 * range requests (RFC 9110 §14), which is all a PMTiles client reads: the header, a directory, then
 * one tile at a time. No tile server and no database: the archive is one file on disk.
 *
 * `GET /api/basemap` tells the map whether a basemap is configured and where it is. The archive is
 * served outside `/api/` on purpose: the API's response cache buffers and compresses whole 200
 * answers, which a file of hundreds of megabytes must never go through.
 *
 * Range parsing is written here (one `bytes=` range, as PMTiles clients send; a list of ranges is
 * answered with the whole file, which RFC 9110 allows): Hono's static middleware has no range
 * support, and the rule is a few lines.
 */
import { createReadStream, statSync, type Stats } from 'node:fs';
import { Readable } from 'node:stream';
import { AppError } from '../../core/errors/index.ts';
import { errorBody } from '../errors/index.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';

export const BASEMAP_PATH = '/basemap/cdmx.pmtiles';

/** OpenStreetMap's licence asks for this line wherever its data is drawn. */
export const BASEMAP_ATTRIBUTION = '© OpenStreetMap (ODbL) · Protomaps';

/** The byte range a `Range` header asks of a file of `size` bytes: null for the whole file, 'unsatisfiable' past its end. */
export function requestedRange(
  header: string | undefined,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m) return null; // a unit other than bytes, or several ranges: the whole file
  const [, first, last] = m;
  if (first === '' && last === '') return null;
  let start: number;
  let end: number;
  if (first === '') {
    // "bytes=-n": the last n bytes
    start = Math.max(0, size - Number(last));
    end = size - 1;
  } else {
    start = Number(first);
    end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  }
  if (start >= size || start > end) return 'unsatisfiable';
  return { start, end };
}

function fileStats(path: string): Stats {
  try {
    return statSync(path);
  } catch {
    throw new AppError('not_found', 'el mapa base configurado (BASEMAP_PMTILES) no se puede leer');
  }
}

export function registerBasemap(app: ApiApp, { settings }: Services): void {
  const path = settings.basemap.pmtiles;

  app.get('/api/basemap', (c) => {
    c.set('cacheControl', 'no-cache');
    return c.json(path ? { pmtiles: BASEMAP_PATH, attribution: BASEMAP_ATTRIBUTION } : { pmtiles: null });
  });

  app.on(['GET', 'HEAD'], BASEMAP_PATH, (c) => {
    if (!path) throw new AppError('not_found', 'no hay mapa base configurado (BASEMAP_PMTILES)');
    const stats = fileStats(path);
    const etag = `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}"`;
    const headers: Record<string, string> = {
      'Content-Type': 'application/vnd.pmtiles',
      'Accept-Ranges': 'bytes',
      ETag: etag,
      // a new archive gets a new ETag; a day of reuse spares the header and directory requests
      'Cache-Control': 'public, max-age=86400',
    };
    // a range of a changed file would mix two archives: If-Range sends the whole new file instead
    const ifRange = c.req.header('if-range');
    const range = ifRange && ifRange !== etag ? null : requestedRange(c.req.header('range'), stats.size);
    if (range === 'unsatisfiable') {
      const message = `${c.req.header('range')}: el archivo tiene ${stats.size} bytes`;
      return c.json(errorBody('range_not_satisfiable', message), 416, { 'Content-Range': `bytes */${stats.size}` });
    }
    const start = range?.start ?? 0;
    const end = range?.end ?? stats.size - 1;
    headers['Content-Length'] = String(end - start + 1);
    if (range) headers['Content-Range'] = `bytes ${start}-${end}/${stats.size}`;
    const status = range ? 206 : 200;
    if (c.req.method === 'HEAD' || stats.size === 0) return c.body(null, status, headers);
    const body = Readable.toWeb(createReadStream(path, { start, end })) as ReadableStream<Uint8Array>;
    return c.body(body, status, headers);
  });
}
