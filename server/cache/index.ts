/**
 * Response caching for GET: an in-memory LRU keyed on (data version, normalised URL), strong
 * ETags and `If-None-Match` → 304. A cache entry holds the finished body bytes, its ETag and its
 * headers, computed once, so a hit costs a map lookup and one `Response` — close to a bare
 * `node:http` server returning the same bytes. A gzip copy is made the first time a client that
 * accepts gzip asks for a large entry — on the thread pool, not the event loop: a whole-city
 * answer of a few hundred kB takes tens of ms to compress, which kept every other request waiting.
 *
 * The data version is `meta.data_version`, which every import bumps: a new version changes every
 * key, so stale entries are never served and simply age out of the LRU.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import type { Context, MiddlewareHandler } from 'hono';

/** Re-reads the data version at most once per `ttlMs`; `invalidate()` forces the next read. */
export class DataVersion {
  private value: string | undefined;
  private checkedAt = -Infinity;
  private pending: Promise<string> | undefined;
  constructor(
    private readonly read: () => Promise<string>,
    private readonly ttlMs = 1000,
  ) {}

  current(): string | Promise<string> {
    if (this.value !== undefined && performance.now() - this.checkedAt < this.ttlMs) return this.value;
    this.pending ??= this.read().then(
      (v) => {
        this.value = v;
        this.checkedAt = performance.now();
        this.pending = undefined;
        return v;
      },
      (err) => {
        this.pending = undefined;
        throw err;
      },
    );
    return this.pending;
  }

  /** Call after an import (or any write) so the next request sees the new version. */
  invalidate(): void {
    this.checkedAt = -Infinity;
  }
}

/** A least-recently-used map bounded by entry count and total bytes (a Map keeps insertion order). */
export class LruCache<V extends { bytes: number }> {
  private readonly map = new Map<string, V>();
  private total = 0;
  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const v = this.map.get(key);
    if (v !== undefined) {
      this.map.delete(key);
      this.map.set(key, v);
    }
    return v;
  }

  set(key: string, value: V): void {
    if (value.bytes > this.maxBytes) return;
    const old = this.map.get(key);
    if (old) {
      this.total -= old.bytes;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.total += value.bytes;
    while (this.map.size > this.maxEntries || this.total > this.maxBytes) {
      const oldest = this.map.keys().next().value as string;
      this.total -= this.map.get(oldest)!.bytes;
      this.map.delete(oldest);
    }
  }

  get size() {
    return this.map.size;
  }
  get totalBytes() {
    return this.total;
  }
  clear() {
    this.map.clear();
    this.total = 0;
  }
}

interface Variant {
  body: Uint8Array<ArrayBuffer>;
  etag: string;
  headers: Record<string, string>;
}

export interface CacheEntry {
  identity: Variant;
  gzip?: Variant;
  bytes: number;
  /**
   * The complete headers the whole app sent with each variant to an anonymous caller (security
   * headers and all), recorded by the fast path (`fast-path.ts`) to answer later hits itself.
   */
  replay?: { identity?: Record<string, string>; gzip?: Record<string, string> };
}

export const GZIP_MIN_BYTES = 1024;

const gzipAsync = promisify(gzip);
/** Entries whose gzip copy is being made: concurrent requests for one entry wait for the same copy. */
const gzipping = new WeakMap<CacheEntry, Promise<Variant>>();

function gzipVariant(e: CacheEntry): Promise<Variant> {
  let pending = gzipping.get(e);
  if (!pending) {
    pending = gzipAsync(e.identity.body).then((gz) => {
      e.gzip = variant(
        new Uint8Array(gz),
        { ...e.identity.headers, 'Content-Encoding': 'gzip' },
        e.identity.etag.replace(/"$/, '-gz"'),
      );
      e.bytes += gz.byteLength;
      gzipping.delete(e);
      return e.gzip;
    });
    gzipping.set(e, pending);
  }
  return pending;
}
export const DEFAULT_CACHE_CONTROL = 'public, max-age=60, stale-while-revalidate=300';

/** Path plus query parameters sorted by name, so `?a=1&b=2` and `?b=2&a=1` share an entry. */
export function normaliseUrl(url: string): string {
  const u = new URL(url);
  if (!u.search) return u.pathname;
  const params = [...u.searchParams.entries()].sort(([a, va], [b, vb]) =>
    a < b ? -1 : a > b ? 1 : va < vb ? -1 : va > vb ? 1 : 0,
  );
  return `${u.pathname}?${new URLSearchParams(params).toString()}`;
}

export function etagOf(body: Uint8Array, suffix = ''): string {
  return `"${createHash('sha1').update(body).digest('base64url')}${suffix}"`;
}

/** True when an `If-None-Match` header names `etag` (or `*`); weak comparison, as RFC 9110 §13.1.2 asks. */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === '*') return true;
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);
}

/** The LRU key: data version, the caller's visibility class ('' = public), normalised URL. */
export function cacheKey(version: string, variantKey: string | undefined, normalisedUrl: string): string {
  return `${version}\n${variantKey ?? ''}\n${normalisedUrl}`;
}

export function acceptsGzip(header: string | undefined): boolean {
  return !!header && /\bgzip\b/.test(header) && !/\bgzip\s*;\s*q=0(\.0*)?\b/.test(header);
}

function variant(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>, etag: string): Variant {
  return { body, etag, headers: { ...headers, ETag: etag } };
}

function reply(v: Variant, ifNoneMatch: string | undefined, head: boolean): Response {
  if (matchesEtag(ifNoneMatch, v.etag)) {
    const { 'Content-Type': _t, 'Content-Length': _l, ...rest } = v.headers;
    return new Response(null, { status: 304, headers: rest });
  }
  return new Response(head ? null : v.body, { status: 200, headers: v.headers });
}

export interface ResponseCacheOptions {
  version: DataVersion;
  /**
   * The caller's visibility class (server/policy `visibilityClass`) for answers that differ by
   * caller: part of the key, so one role's answer is never replayed to another. `undefined` =
   * the shareable (public) answer; any other value also makes the answer `private` for HTTP caches.
   */
  variant?: (c: Context) => string | undefined;
  maxEntries?: number;
  maxBytes?: number;
  /**
   * Where the handler's reads run (server/services `reads`): a replica may answer, with the data
   * version it had; an answer from a replica behind the keyed version is sent but never stored.
   */
  reads?: { run<T>(fn: () => Promise<T>): Promise<{ result: T; version?: string }> };
}

export const DATA_VERSION_HEADER = 'X-Data-Version';

/**
 * Whether data version `served` is at least `keyed`. Versions are the counter in `meta.data_version`
 * (compared as integers); any other text only matches itself.
 */
export function versionAtLeast(served: string, keyed: string): boolean {
  if (/^\d+$/.test(served) && /^\d+$/.test(keyed)) return BigInt(served) >= BigInt(keyed);
  return served === keyed;
}

/** A shared cache must never keep one caller's answer for another: such answers are `private`. */
function privateCacheControl(value: string, isPrivate: boolean): string {
  return isPrivate ? value.replace(/\bpublic\b/, 'private') : value;
}

export type CacheEnv = { Variables: { skipLru?: boolean; cacheControl?: string } };

/**
 * The middleware. Handlers may `c.set('skipLru', true)` (answers that must reflect the present
 * moment, like health) or `c.set('cacheControl', …)`; every 200 GET still gets an ETag.
 */
export function responseCache(
  opts: ResponseCacheOptions,
): MiddlewareHandler<CacheEnv> & { lru: LruCache<CacheEntry>; version: DataVersion } {
  const lru = new LruCache<CacheEntry>(opts.maxEntries ?? 2000, opts.maxBytes ?? 256 * 1024 * 1024);

  const middleware: MiddlewareHandler<CacheEnv> = async (c, next) => {
    const method = c.req.method;
    if (method !== 'GET' && method !== 'HEAD') return next();
    const raw = c.req.raw;
    const ifNoneMatch = raw.headers.get('if-none-match') ?? undefined;
    const gzipOk = acceptsGzip(raw.headers.get('accept-encoding') ?? undefined);

    let version: string | undefined;
    try {
      version = await opts.version.current();
    } catch {
      version = undefined; // store unreachable: let the handler answer (health → 503), cache nothing
    }
    const variantKey = opts.variant?.(c);
    const key = version === undefined ? undefined : cacheKey(version, variantKey, normaliseUrl(raw.url));
    const hit = key === undefined ? undefined : lru.get(key);
    if (hit) return await serve(hit);

    // the version the answer is computed from: the keyed one, or a replica's (maybe behind it)
    let servedVersion = version;
    if (opts.reads && version !== undefined) servedVersion = (await opts.reads.run(next)).version ?? version;
    else await next();
    const res = c.res;
    if (res.status !== 200) {
      if (!res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-store');
      if (servedVersion !== undefined) c.res.headers.set(DATA_VERSION_HEADER, servedVersion);
      return;
    }
    const storable =
      key !== undefined && servedVersion !== undefined && versionAtLeast(servedVersion, version!) && !c.get('skipLru');
    const body = new Uint8Array(await res.arrayBuffer());
    const headers: Record<string, string> = {
      'Content-Type': res.headers.get('Content-Type') ?? 'application/octet-stream',
      'Cache-Control': privateCacheControl(c.get('cacheControl') ?? DEFAULT_CACHE_CONTROL, variantKey !== undefined),
      // Cookie: the mc_session cookie changes the caller too (a browser must not reuse a logged-in answer after logout)
      // only on answers that differ by caller: the public one stays cacheable by a CDN (no Vary: Cookie)
      Vary: variantKey !== undefined ? 'Accept-Encoding, Authorization, Cookie' : 'Accept-Encoding',
      ...(servedVersion !== undefined ? { [DATA_VERSION_HEADER]: servedVersion } : {}),
      // file downloads (server/export) keep their file name
      ...(res.headers.get('Content-Disposition')
        ? { 'Content-Disposition': res.headers.get('Content-Disposition')! }
        : {}),
    };
    const entry: CacheEntry = { identity: variant(body, headers, etagOf(body)), bytes: body.byteLength + 256 };
    if (storable) lru.set(key, entry);
    c.res = undefined as unknown as Response; // Hono: replace rather than merge headers
    c.res = await serve(entry);

    async function serve(e: CacheEntry): Promise<Response> {
      if (gzipOk && e.identity.body.byteLength >= GZIP_MIN_BYTES) {
        return reply(e.gzip ?? (await gzipVariant(e)), ifNoneMatch, method === 'HEAD');
      }
      return reply(e.identity, ifNoneMatch, method === 'HEAD');
    }
  };
  return Object.assign(middleware, { lru, version: opts.version });
}
