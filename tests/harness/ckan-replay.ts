/**
 * A local replay of the CDMX open-data portal for the sync tests: a small node:http server that
 * answers CKAN's `GET /api/3/action/package_show?id=…` and serves the listed files with ETag and
 * Last-Modified (conditional GET → 304) and byte ranges (`Range` + `If-Range` → 206), as the
 * portal's file store does. Tests publish files into it, and can make the next download break off
 * after some bytes (a truncated download) or kill the server in the middle of one. Files outside
 * CKAN are served the same way at a path of their own (`serve`): the FGJ transparency site's listing
 * page of monthly spreadsheets and the spreadsheets themselves, a GTFS zip.
 */
import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReplayResource {
  id: string;
  name: string;
  format: string;
  body: Buffer;
  /** HTTP date; default: the time it was published */
  lastModified?: string;
  /** the `size` package_show lists (default: the body's length; null lists none) */
  listedSize?: number | null;
  /** default text/csv */
  contentType?: string;
}

export interface ReplayRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  status: number;
}

export class CkanReplay {
  private server: Server | null = null;
  private port = 0;
  private datasets = new Map<string, ReplayResource[]>();
  private files = new Map<string, ReplayResource>();
  private cut: { afterBytes: number; kill: boolean } | null = null;
  readonly requests: ReplayRequest[] = [];

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Listens on a free port (or, after `kill`, on the same one again). */
  async start(): Promise<string> {
    const server = createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(this.port, '127.0.0.1', resolve));
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this.baseUrl;
  }

  /** Replaces the resources `package_show` lists for `dataset`. */
  publish(dataset: string, resources: ReplayResource[]): void {
    const stamp = new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
    this.datasets.set(
      dataset,
      resources.map((r) => ({ ...r, lastModified: r.lastModified ?? stamp })),
    );
  }

  /** Serves `body` at `path` (e.g. "/transparencia/carpetas/index.html"), replacing what was there. */
  serve(path: string, body: Buffer, contentType: string, lastModified?: string): void {
    const stamp = lastModified ?? new Date(Math.floor(Date.now() / 1000) * 1000).toUTCString();
    this.files.set(path, { id: path, name: path, format: '', body, lastModified: stamp, contentType });
  }

  /** Stops serving `path`. */
  unserve(path: string): void {
    this.files.delete(path);
  }

  /**
   * The next file download stops after `afterBytes` bytes of its body: the connection is cut
   * (`kill: false`, a truncated download with the full Content-Length announced), or the whole
   * server is closed with every connection (`kill: true`), and must be started again.
   */
  breakNextDownload(afterBytes: number, kill = false): void {
    this.cut = { afterBytes, kill };
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private resourceByPath(path: string): ReplayResource | undefined {
    for (const list of this.datasets.values()) for (const r of list) if (`/files/${r.id}/${r.name}` === path) return r;
    return undefined;
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', this.baseUrl);
    const answer = (status: number) =>
      this.requests.push({
        method: req.method ?? 'GET',
        path: url.pathname + url.search,
        headers: req.headers,
        status,
      });
    if (url.pathname === '/api/3/action/package_show') {
      const resources = this.datasets.get(url.searchParams.get('id') ?? '');
      answer(resources ? 200 : 404);
      res.writeHead(resources ? 200 : 404, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          resources
            ? {
                success: true,
                result: {
                  resources: resources.map((r) => ({
                    id: r.id,
                    name: r.name,
                    format: r.format,
                    url: `${this.baseUrl}/files/${r.id}/${r.name}`,
                    size: r.listedSize === undefined ? r.body.length : r.listedSize,
                    last_modified: new Date(r.lastModified!).toISOString().slice(0, 19),
                  })),
                },
              }
            : { success: false, error: { message: 'Not found' } },
        ),
      );
      return;
    }
    const resource = this.resourceByPath(url.pathname) ?? this.files.get(url.pathname);
    if (!resource) {
      answer(404);
      res.writeHead(404).end();
      return;
    }
    const etag = `"${createHash('sha1').update(resource.body).digest('hex')}"`;
    const validators = {
      etag,
      'last-modified': resource.lastModified!,
      'accept-ranges': 'bytes',
      'content-type': resource.contentType ?? 'text/csv',
    };
    if (
      req.headers['if-none-match'] === etag ||
      (!req.headers['if-none-match'] && req.headers['if-modified-since'] === resource.lastModified)
    ) {
      answer(304);
      res.writeHead(304, validators).end();
      return;
    }
    let start = 0;
    const range = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
    const ifRange = req.headers['if-range'];
    if (range && (!ifRange || ifRange === etag || ifRange === resource.lastModified)) start = Number(range[1]);
    if (start >= resource.body.length && start > 0) {
      answer(416);
      res.writeHead(416, { 'content-range': `bytes */${resource.body.length}` }).end();
      return;
    }
    const body = resource.body.subarray(start);
    const status = start > 0 ? 206 : 200;
    answer(status);
    const cut = this.cut;
    this.cut = null;
    res.writeHead(status, {
      ...validators,
      // a killed server streams without a length (chunked); a truncated one announces the full length
      ...(cut?.kill ? {} : { 'content-length': String(body.length) }),
      ...(status === 206
        ? { 'content-range': `bytes ${start}-${resource.body.length - 1}/${resource.body.length}` }
        : {}),
    });
    if (!cut) {
      res.end(body);
      return;
    }
    res.write(body.subarray(0, cut.afterBytes), () => {
      if (cut.kill) void this.close();
      else setTimeout(() => res.socket?.destroy(), 20);
    });
  }
}
