/**
 * The response cache's fast path: an anonymous GET whose answer is already in the LRU is answered
 * before Hono runs at all — no routing, no middleware chain, no `Headers` objects — with the stored
 * bytes and the very headers the whole app sent for that entry the first time. This is what brings a
 * cached answer close to a bare `node:http` server (target: ≥ 70 % of its requests/s); the
 * middleware path costs about a third more per request, most of it Hono's per-request machinery.
 *
 * Why it gives the same answer as the full app:
 * - Only requests the app would treat as the public take it: GET, no `Authorization` header, no
 *   session cookie (`mc_session`), no request body (a GET with one may meet the body limit). HTTPS
 *   ones too — directly or behind a proxy trusted by `TRUST_PROXY` — since the only header that
 *   depends on the scheme, HSTS (server/security), is recorded without it and added back per
 *   request from the same client resolution the full app uses (server/http/client.ts). For
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
import type { ExecutionContext } from 'hono';
import { SESSION_COOKIE } from '../auth/session.ts';
import type { Authenticator, Principal } from '../auth/index.ts';
import { auditEntry, auditKind, insideAudit, isAuditedPath, subjectOf, type AuditLog } from '../audit/index.ts';
import { peerOf, resolveClient, TRUST_NOBODY, type TrustProxy } from '../http/client.ts';
import { HSTS_VALUE } from '../security/index.ts';
import { logAccess, REQUEST_ID_HEADER, requestIdFor, type Logger } from '../http/request-log.ts';
import {
  acceptsGzip,
  cacheKey,
  GZIP_MIN_BYTES,
  matchesEtag,
  normaliseUrl,
  type CacheEntry,
  type DataVersion,
  type LruCache,
} from './index.ts';

/** What the fast path reads of a request: node's own message when served by @hono/node-server, else the Request. */
interface Probe {
  pathAndQuery: string;
  header(name: string): string | undefined;
  /** whether the client came over HTTPS (socket TLS, or a trusted proxy's word: server/http/client.ts) */
  https: boolean;
  /** the client's address, resolved the same way */
  ip: string;
}

function probeOf(req: Request, env: unknown, trust: TrustProxy): Probe | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && typeof incoming.url === 'string') {
    if (incoming.method !== 'GET') return undefined;
    const headers = incoming.headers;
    const header = (name: string) => headers[name] as string | undefined;
    const socket = incoming.socket as TLSSocket | undefined;
    const peer = { address: socket?.remoteAddress, encrypted: Boolean(socket?.encrypted) };
    const client = resolveClient(trust, peer, header, { scheme: peer.encrypted ? 'https' : 'http', host: '' });
    return { pathAndQuery: incoming.url, header, https: client.scheme === 'https', ip: client.ip };
  }
  // app.request() in tests, or another adapter: the standard Request
  if (req.method !== 'GET') return undefined;
  const scheme = req.url.startsWith('http://') ? 'http' : req.url.startsWith('https://') ? 'https' : undefined;
  if (!scheme) return undefined;
  const at = req.url.indexOf('/', scheme.length + 3);
  const header = (name: string) => req.headers.get(name) ?? undefined;
  const client = resolveClient(trust, peerOf(env), header, { scheme, host: '' });
  return { pathAndQuery: at < 0 ? '/' : req.url.slice(at), header, https: client.scheme === 'https', ip: client.ip };
}

const hasBody = (p: Probe) => p.header('content-length') !== undefined || p.header('transfer-encoding') !== undefined;

/** Whether the caller sent credentials (a bearer token or a session cookie). */
function credentialed(p: Probe): boolean {
  if (p.header('authorization') !== undefined) return true;
  const cookie = p.header('cookie');
  return cookie !== undefined && cookie.includes(SESSION_COOKIE);
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
/** Per request, never replayed: a fresh id (or the proxy's) goes with every answer. */
const REQUEST_ID = REQUEST_ID_HEADER.toLowerCase();
/** The one header that depends on the scheme: recorded without it, added back for HTTPS clients. */
const HSTS_HEADER = 'strict-transport-security';

function without(headers: Record<string, string>, names: Set<string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) if (!names.has(k.toLowerCase())) out[k] = v;
  return out;
}

/** The recorded answer for `entry`, or undefined when the full app must answer. */
function replay(
  entry: CacheEntry,
  gzip: boolean,
  ifNoneMatch: string | undefined,
  https: boolean,
  reqId: string,
): Response | undefined {
  const useGzip = gzip && entry.identity.body.byteLength >= GZIP_MIN_BYTES;
  const v = useGzip ? entry.gzip : entry.identity;
  const recorded = useGzip ? entry.replay?.gzip : entry.replay?.identity;
  if (!v || !recorded) return undefined;
  const headers = https
    ? { ...recorded, [HSTS_HEADER]: HSTS_VALUE, [REQUEST_ID]: reqId }
    : { ...recorded, [REQUEST_ID]: reqId };
  if (matchesEtag(ifNoneMatch, v.etag))
    return new Response(null, { status: 304, headers: without(headers, BODY_HEADERS) });
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
    if (name !== 'content-length' && name !== HSTS_HEADER && name !== REQUEST_ID) headers[name] = value;
  });
  entry.replay = { ...entry.replay, [gzip ? 'gzip' : 'identity']: headers };
}

export interface FastPathCache {
  lru: LruCache<CacheEntry>;
  version: DataVersion;
}

/** What the signed-in fast path needs: the app's own authenticator (one memo), audit log and cache variant. */
export interface SignedInFastPath {
  auth: Pick<Authenticator, 'resolve'>;
  audit: Pick<AuditLog, 'record' | 'healthy'>;
  /** the cache variant of a principal, as the response cache middleware computes it */
  variant: (principal: Principal | null) => string | undefined;
}

/**
 * Puts the fast path in front of `app.fetch` (and so of `app.request`, which calls it). Call once,
 * after the response cache middleware is registered on `/api/*` with the same LRU and data version.
 *
 * With `signedIn`, a request with a bearer token or a session cookie takes it too: the caller is
 * resolved by the app's own authenticator (the same memo, so a revoked token or an ended session
 * is refused at once: an invalid token goes to the full app, which answers 401), the entry is looked
 * up under the caller's visibility class, and the answer leaves only after its audit entry is
 * committed (server/audit: group commit), exactly as through the middleware chain. While the audit
 * store is failing, such requests take the full app (which answers 503 `audit_unavailable`).
 */
/** What the fast path needs of the app: its `fetch`, which it wraps. */
type FetchingApp = { fetch: (req: Request, env?: unknown, ctx?: ExecutionContext) => Response | Promise<Response> };

export function withCachedFastPath(
  app: FetchingApp,
  cache: FastPathCache,
  trust: TrustProxy = TRUST_NOBODY,
  log?: Logger,
  signedIn?: SignedInFastPath,
): void {
  const full = app.fetch;
  const urls = new NormalisedUrls();

  /** The full app's answer; its headers are recorded on the entry under `key` the first time. */
  const answerAndRecord = (
    req: Request,
    env: unknown,
    ctx: ExecutionContext | undefined,
    probe: Probe,
    key: string,
  ): Promise<Response> => {
    const gzip = acceptsGzip(probe.header('accept-encoding'));
    return Promise.resolve(full(req, env, ctx)).then((res) => {
      // record once per entry and variant (reading a response's headers has a cost)
      const entry = cache.lru.get(key);
      if (
        entry &&
        !(gzip && entry.identity.body.byteLength >= GZIP_MIN_BYTES ? entry.replay?.gzip : entry.replay?.identity)
      )
        record(entry, res);
      return res;
    });
  };

  const replayHit = (probe: Probe, key: string) => {
    const hit = cache.lru.get(key);
    if (!hit) return undefined;
    const reqId = requestIdFor(probe.header('x-request-id'));
    const res = replay(
      hit,
      acceptsGzip(probe.header('accept-encoding')),
      probe.header('if-none-match'),
      probe.https,
      reqId,
    );
    return res && { res, reqId };
  };

  const signedInAnswer = async (
    req: Request,
    env: unknown,
    ctx: ExecutionContext | undefined,
    probe: Probe,
    url: string,
    version: string,
    started: number,
    fast: SignedInFastPath,
  ): Promise<Response> => {
    let principal: Principal | null;
    try {
      ({ principal } = await fast.auth.resolve(probe.header('authorization'), probe.header('cookie')));
    } catch {
      return full(req, env, ctx); // an invalid token: the full app answers 401 with every header
    }
    // a stale cookie is the public, whose hits the anonymous path serves
    if (!principal) return full(req, env, ctx);
    const key = cacheKey(version, fast.variant(principal), url);
    const path = url.split('?', 1)[0]!;
    const hit = fast.audit.healthy ? replayHit(probe, key) : undefined;
    if (!hit) return answerAndRecord(req, env, ctx, probe, key);
    if (isAuditedPath(path)) {
      const entry = auditEntry({
        at: new Date(),
        who: { subject: subjectOf(principal), role: principal.role, name: principal.name },
        kind: auditKind(path),
        method: 'GET',
        pathAndQuery: probe.pathAndQuery,
        status: hit.res.status,
        ip: probe.ip,
      });
      if (!(await fast.audit.record(entry))) return full(req, env, ctx);
    }
    if (log)
      logAccess(log, {
        reqId: hit.reqId,
        method: 'GET',
        path,
        status: hit.res.status,
        ms: performance.now() - started,
        cache: 'fast',
      });
    return hit.res;
  };

  app.fetch = (req: Request, env?: unknown, ctx?: ExecutionContext) => {
    const started = performance.now();
    const probe = probeOf(req, env, trust);
    if (!probe || hasBody(probe)) return full(req, env, ctx);
    const signed = credentialed(probe);
    // an export's inner request is part of an audited one: it takes the full app, which knows that
    if (signed && (!signedIn || insideAudit())) return full(req, env, ctx);
    const url = urls.get(probe.pathAndQuery);
    const version = cache.version.current();
    if (url === null || !url.startsWith('/api/') || typeof version !== 'string') return full(req, env, ctx);
    if (signed) return signedInAnswer(req, env, ctx, probe, url, version, started, signedIn!);
    const key = cacheKey(version, undefined, url);
    const hit = replayHit(probe, key);
    if (hit) {
      if (log)
        logAccess(log, {
          reqId: hit.reqId,
          method: 'GET',
          path: url.split('?', 1)[0]!,
          status: hit.res.status,
          ms: performance.now() - started,
          cache: 'fast',
        });
      return hit.res;
    }
    return answerAndRecord(req, env, ctx, probe, key);
  };
}
