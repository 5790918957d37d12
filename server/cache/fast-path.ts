/**
 * The response cache's fast path: an anonymous GET whose answer is already in the LRU is answered
 * before Hono runs at all — no routing, no middleware chain, no `Headers` objects — with the stored
 * bytes and the very headers the whole app sent for that entry the first time. This is what brings a
 * cached answer close to a bare `node:http` server (issue 2, item 9: ≥ 70 % of its requests/s); the
 * middleware path costs about a third more per request, most of it Hono's per-request machinery.
 *
 * Why it gives the same answer as the full app:
 * - Only requests the app would treat as the public take it: GET, no `Authorization` header, no
 *   session cookie (`mc_session`), no request body (a GET with one may meet the body limit), and
 *   plain HTTP (no TLS, no `X-Forwarded-Proto`: over HTTPS the security middleware adds HSTS). For
 *   such a request `authenticate` gives the public principal, so the full app would look up the very
 *   same key (data version, public class, normalised URL) and serve the very same entry.
 * - The headers are not rebuilt here: the first time the full app answers such a request from an
 *   entry, the complete headers of its response — everything every middleware added, the security
 *   headers (server/security) included — are recorded on the entry (`replay`) and sent again as they
 *   were. A middleware added later is picked up the same way; an answer that sets a cookie is never
 *   replayed. Until an entry has been answered once by the full app, its hits take the full app.
 * - A stale data version (re-read at most once a second) sends the request through the full app,
 *   which waits for the fresh version; so does an entry evicted from the LRU.
 * - `If-None-Match` → 304 with the same headers minus the body's, as `reply` in index.ts does.
 */
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';
import type { Hono } from 'hono';
import { SESSION_COOKIE } from '../auth/session.ts';
import { acceptsGzip, cacheKey, GZIP_MIN_BYTES, matchesEtag, normaliseUrl, type CacheEntry, type DataVersion, type LruCache } from './index.ts';


/** What the fast path reads of a request: node's own message when served by @hono/node-server, else the Request. */
interface Probe {
  pathAndQuery: string;
  header(name: string): string | undefined;
}

function probeOf(req: Request, env: unknown): Probe | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.url === 'string') {
    if (incoming.method !== 'GET' || (incoming.socket as TLSSocket | undefined)?.encrypted) return undefined;
    const headers = incoming.headers;
    return { pathAndQuery: incoming.url, header: (name) => headers[name] as string | undefined };
  }
  // app.request() in tests, or another adapter: the standard Request
  if (req.method !== 'GET' || !req.url.startsWith('http://')) return undefined;
  const at = req.url.indexOf('/', 'http://'.length);
  return { pathAndQuery: at < 0 ? '/' : req.url.slice(at), header: (name) => req.headers.get(name) ?? undefined };
}

/** Whether the full app would treat the request as the public, over plain HTTP, without a body. */
function anonymousPlain(p: Probe): boolean {
  if (p.header('authorization') !== undefined || p.header('x-forwarded-proto') !== undefined) return false;
  if (p.header('content-length') !== undefined || p.header('transfer-encoding') !== undefined) return false;
  const cookie = p.header('cookie');
  return cookie === undefined || !cookie.includes(SESSION_COOKIE);
}

/** A bounded memo of raw path+query → normalised URL (the same few URLs repeat under load). */
class NormalisedUrls {
  private readonly map = new Map<string, string | null>();
  constructor(private readonly max = 4096) {}
  get(pathAndQuery: string): string | null {
    let n = this.map.get(pathAndQuery);
    if (n === undefined) {
      try {
        n = normaliseUrl(`http://localhost${pathAndQuery.startsWith('/') ? '' : '/'}${pathAndQuery}`);
      } catch {
        n = null;
      }
      if (this.map.size >= this.max) this.map.clear();
      this.map.set(pathAndQuery, n);
    }
    return n;
  }
}

const BODY_HEADERS = new Set(['content-type', 'content-length']);

function without(headers: Record<string, string>, names: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!names.has(k.toLowerCase())) out[k] = v;
  return out;
}

/** The recorded answer for `entry`, or undefined when the full app must answer. */
function replay(entry: CacheEntry, gzip: boolean, ifNoneMatch: string | undefined): Response | undefined {
  const useGzip = gzip && entry.identity.body.byteLength >= GZIP_MIN_BYTES;
  const v = useGzip ? entry.gzip : entry.identity;
  const headers = useGzip ? entry.replay?.gzip : entry.replay?.identity;
  if (!v || !headers) return undefined;
  if (matchesEtag(ifNoneMatch, v.etag)) return new Response(null, { status: 304, headers: without(headers, BODY_HEADERS) });
  return new Response(v.body, { status: 200, headers });
}

/** Records the full app's headers on the entry the response came from (checked by its ETag). */
function record(entry: CacheEntry | undefined, res: Response): void {
  if (!entry || res.status !== 200 || res.headers.has('set-cookie')) return;
  const etag = res.headers.get('etag');
  const gzip = res.headers.get('content-encoding') === 'gzip';
  const v = gzip ? entry.gzip : entry.identity;
  if (!v || etag !== v.etag) return;
  const headers: Record<string, string> = {};
  res.headers.forEach((value, name) => {
    if (name !== 'content-length') headers[name] = value;
  });
  entry.replay = { ...entry.replay, [gzip ? 'gzip' : 'identity']: headers };
}

export interface FastPathCache {
  lru: LruCache<CacheEntry>;
  version: DataVersion;
}

/**
 * Puts the fast path in front of `app.fetch` (and so of `app.request`, which calls it). Call once,
 * after the response cache middleware is registered on `/api/*` with the same LRU and data version.
 */
export function withCachedFastPath(app: Hono<any>, cache: FastPathCache): void {
  const full = app.fetch;
  const urls = new NormalisedUrls();
  app.fetch = (req: Request, env?: unknown, ctx?: any) => {
    const probe = probeOf(req, env);
    if (!probe || !anonymousPlain(probe)) return full(req, env, ctx);
    const url = urls.get(probe.pathAndQuery);
    const version = cache.version.current();
    if (url === null || !url.startsWith('/api/') || typeof version !== 'string') return full(req, env, ctx);
    const key = cacheKey(version, undefined, url);
    const hit = cache.lru.get(key);
    if (hit) {
      const res = replay(hit, acceptsGzip(probe.header('accept-encoding')), probe.header('if-none-match'));
      if (res) return res;
    }
    const answer = full(req, env, ctx);
    const gzip = acceptsGzip(probe.header('accept-encoding'));
    return Promise.resolve(answer).then((res) => {
      // record once per entry and variant (reading a response's headers has a cost)
      const entry = cache.lru.get(key);
      if (entry && !(gzip && entry.identity.body.byteLength >= GZIP_MIN_BYTES ? entry.replay?.gzip : entry.replay?.identity)) record(entry, res);
      return res;
    });
  };
}
