/**
 * A polite HTTP fetcher for news pages:
 *   - obeys robots.txt (RFC 9309, parsed by `robots-parser`): a 4xx robots.txt (404 included)
 *     means everything is allowed; a 5xx or unreachable one means nothing is, for now — reported
 *     as what it is (`robots_unavailable`, or the network failure), never as a disallow rule;
 *   - names each failure (./failure.ts): DNS, connection refused, timeout, HTTP status;
 *   - waits `delayMs` (default 1 s) between two requests to the same host, or the site's
 *     Crawl-delay when longer (capped);
 *   - sends conditional GETs from stored validators (ETag, Last-Modified) and reports 304s;
 *   - retries 5xx, 429 and network failures with exponential backoff;
 *   - caps the response size and the time of each attempt;
 *   - archives each 200 body under its SHA-256 when given an archive directory.
 */
import robotsParser from 'robots-parser';
import { AppError } from '../../../core/errors/index.ts';
import {
  FetchError,
  isPermanentDnsFailure,
  isReservedInvalidHost,
  networkFailureKind,
  networkFailureMessage,
  type FetchFailureKind,
} from './failure.ts';
import { archiveBytes, MemoryValidatorStore, sha256Hex, type ValidatorStore } from './store.ts';

export { FetchError, failureKindOf, type FetchFailureKind } from './failure.ts';

export { JsonFileValidatorStore, MemoryValidatorStore, archiveBytes, archivePath, readArchived } from './store.ts';
export type { ValidatorStore, Validators } from './store.ts';

/** Product token matched against robots.txt groups; the URL says who we are. */
export const DEFAULT_USER_AGENT = 'MapaComunBot/0.1 (+https://github.com/mapa-comun; incidentes CDMX)';

export interface FetcherOptions {
  userAgent?: string;
  /** Minimum time between two requests to one host, ms (default 1000). */
  delayMs?: number;
  /** Longest Crawl-delay from robots.txt that is honoured, ms (default 10 000). */
  maxCrawlDelayMs?: number;
  /** Time allowed for one attempt, headers and body, ms (default 20 000). */
  timeoutMs?: number;
  /** Largest body accepted, bytes (default 5 MiB). */
  maxBytes?: number;
  /** Extra attempts after a 5xx, 429 or network failure (default 3). */
  retries?: number;
  /** First backoff wait, ms; doubles on each retry (default 500). */
  backoffBaseMs?: number;
  /** Where to archive raw 200 bodies, content-addressed (none when absent). */
  archiveDir?: string;
  validators?: ValidatorStore;
  /** Injected for tests: the clock and the way to wait. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface FetchResult {
  url: string;
  /** After redirects. */
  finalUrl: string;
  status: number;
  /** True for a 304 answer to a conditional GET: nothing new to process. */
  notModified: boolean;
  body?: string;
  contentType?: string;
  sha256?: string;
  archivePath?: string;
  fetchedAt: string;
  attempts: number;
}

const RETRYABLE_STATUS = new Set([429, 500, 502, 503, 504]);

function defaultSleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Charset from Content-Type, else from a `<meta charset>` in the first bytes, else UTF-8. */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const fromHeader = /charset=["']?([\w-]+)/i.exec(contentType ?? '')?.[1];
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const fromMeta = /<meta[^>]+charset=["']?([\w-]+)/i.exec(head)?.[1];
  try {
    return new TextDecoder(fromHeader ?? fromMeta ?? 'utf-8').decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes); // unknown label
  }
}

class RetryableError extends Error {
  constructor(
    message: string,
    readonly kind: FetchFailureKind,
  ) {
    super(message);
  }
}

interface RobotsRules {
  allowed: (url: string) => boolean;
  crawlDelayMs: number;
  /** Why robots.txt could not be read (then nothing is allowed). */
  failure?: FetchError;
}

export class Fetcher {
  readonly userAgent: string;
  private readonly opts: Required<Omit<FetcherOptions, 'archiveDir' | 'validators' | 'userAgent'>>;
  /** Where 200 bodies are archived (content-addressed), if anywhere. */
  readonly archiveDir?: string;
  private readonly validators: ValidatorStore;
  private readonly robots = new Map<string, Promise<RobotsRules>>();
  /** Per host: when the last request started, and the tail of the queue of waiting requests. */
  private readonly lastRequestAt = new Map<string, number>();
  private readonly hostQueue = new Map<string, Promise<void>>();

  constructor(options: FetcherOptions = {}) {
    this.userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.opts = {
      delayMs: options.delayMs ?? 1000,
      maxCrawlDelayMs: options.maxCrawlDelayMs ?? 10_000,
      timeoutMs: options.timeoutMs ?? 20_000,
      maxBytes: options.maxBytes ?? 5 * 1024 * 1024,
      retries: options.retries ?? 3,
      backoffBaseMs: options.backoffBaseMs ?? 500,
      now: options.now ?? Date.now,
      sleep: options.sleep ?? defaultSleep,
    };
    this.archiveDir = options.archiveDir;
    this.validators = options.validators ?? new MemoryValidatorStore();
  }

  /** The robots.txt product token: the part of the User-Agent before the first "/". */
  private get robotsToken(): string {
    return this.userAgent.split('/')[0]!;
  }

  /** Runs `task` when the host's turn comes: requests to one host are spaced by the delay. */
  private async politely<T>(url: URL, extraDelayMs: number, task: () => Promise<T>): Promise<T> {
    const host = url.host;
    const previous = this.hostQueue.get(host) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    this.hostQueue.set(
      host,
      previous.then(() => mine),
    );
    await previous;
    try {
      const last = this.lastRequestAt.get(host);
      const delay = Math.max(this.opts.delayMs, extraDelayMs);
      if (last !== undefined) {
        const wait = last + delay - this.opts.now();
        if (wait > 0) await this.opts.sleep(wait);
      }
      this.lastRequestAt.set(host, this.opts.now());
      return await task();
    } finally {
      release();
    }
  }

  /** One HTTP exchange with a time cap covering headers and body, and a size cap. */
  private async request(url: string, headers: Record<string, string>): Promise<{ res: Response; bytes: Uint8Array }> {
    const target = new URL(url);
    if (isReservedInvalidHost(target.hostname))
      throw new FetchError('dns_failure', networkFailureMessage('dns_failure', target, this.opts.timeoutMs));
    const signal = AbortSignal.timeout(this.opts.timeoutMs);
    let res: Response;
    try {
      res = await fetch(url, { headers: { 'user-agent': this.userAgent, ...headers }, redirect: 'follow', signal });
    } catch (err) {
      const kind = networkFailureKind(err);
      const message = networkFailureMessage(kind, target, this.opts.timeoutMs);
      if (isPermanentDnsFailure(err)) throw new FetchError('dns_failure', message);
      throw new RetryableError(message, kind);
    }
    const declared = Number(res.headers.get('content-length') ?? NaN);
    if (declared > this.opts.maxBytes) {
      await res.body?.cancel();
      throw new AppError('payload_too_large', `${url} anuncia ${declared} bytes (máximo ${this.opts.maxBytes})`);
    }
    const chunks: Uint8Array[] = [];
    let total = 0;
    try {
      for await (const chunk of res.body ?? []) {
        total += chunk.byteLength;
        if (total > this.opts.maxBytes) {
          await res.body?.cancel().catch(() => undefined);
          throw new AppError('payload_too_large', `${url} supera ${this.opts.maxBytes} bytes`);
        }
        chunks.push(chunk);
      }
    } catch (err) {
      if (err instanceof AppError) throw err;
      const kind = signal.aborted ? 'timeout' : networkFailureKind(err);
      throw new RetryableError(networkFailureMessage(kind, target, this.opts.timeoutMs), kind);
    }
    return { res, bytes: Buffer.concat(chunks) };
  }

  /** Retries with exponential backoff (base · 2^attempt, or Retry-After when longer). */
  private async withRetries(
    url: URL,
    extraDelayMs: number,
    headers: Record<string, string>,
  ): Promise<{ res: Response; bytes: Uint8Array; attempts: number }> {
    let lastError: RetryableError | undefined;
    for (let attempt = 0; attempt <= this.opts.retries; attempt++) {
      if (attempt > 0) {
        const retryAfter = Number((lastError as { retryAfterS?: number } | undefined)?.retryAfterS ?? 0) * 1000;
        await this.opts.sleep(Math.max(this.opts.backoffBaseMs * 2 ** (attempt - 1), Math.min(retryAfter, 60_000)));
      }
      try {
        const out = await this.politely(url, extraDelayMs, () => this.request(url.href, headers));
        if (RETRYABLE_STATUS.has(out.res.status)) {
          const e = new RetryableError(`HTTP ${out.res.status}: ${url.href}`, 'http_status') as RetryableError & {
            retryAfterS?: number;
          };
          e.retryAfterS = Number(out.res.headers.get('retry-after')) || 0;
          lastError = e;
          if (attempt === this.opts.retries) return { ...out, attempts: attempt + 1 }; // give the caller the last answer
          continue;
        }
        return { ...out, attempts: attempt + 1 };
      } catch (err) {
        if (!(err instanceof RetryableError)) throw err;
        lastError = err;
      }
    }
    throw new FetchError(lastError?.kind ?? 'network_error', lastError?.message ?? url.href);
  }

  /** robots.txt for the URL's origin, fetched once per Fetcher (RFC 9309 §2.3.1). */
  private robotsFor(url: URL): Promise<RobotsRules> {
    const origin = url.origin;
    let entry = this.robots.get(origin);
    if (!entry) {
      entry = (async (): Promise<RobotsRules> => {
        const robotsUrl = new URL('/robots.txt', origin);
        let failure: FetchError;
        try {
          const { res, bytes } = await this.withRetries(robotsUrl, 0, {});
          if (res.status >= 200 && res.status < 300) {
            const robots = robotsParser(robotsUrl.href, decodeBody(bytes, res.headers.get('content-type')));
            const delayS = robots.getCrawlDelay(this.robotsToken) ?? 0;
            return {
              allowed: (u: string) => robots.isAllowed(u, this.robotsToken) !== false,
              crawlDelayMs: Math.min(delayS * 1000, this.opts.maxCrawlDelayMs),
            };
          }
          if (res.status >= 400 && res.status < 500) return { allowed: () => true, crawlDelayMs: 0 }; // "unavailable"
          failure = new FetchError(
            'robots_unavailable',
            `${robotsUrl.href} respondió HTTP ${res.status} (RFC 9309 §2.3.1.4)`,
            res.status,
          );
        } catch (err) {
          if (err instanceof AppError && err.code === 'payload_too_large')
            return { allowed: () => true, crawlDelayMs: 0 };
          if (!(err instanceof FetchError)) throw err;
          failure = err; // the host itself is unreachable: report that, not a disallow rule
        }
        // 5xx or unreachable: RFC 9309 §2.3.1.4 says assume complete disallow. Not cached, so a later call retries.
        this.robots.delete(origin);
        return { allowed: () => false, crawlDelayMs: 0, failure };
      })();
      this.robots.set(origin, entry);
    }
    return entry;
  }

  /** Whether robots.txt lets our user agent fetch `url`. */
  async isAllowed(url: string): Promise<boolean> {
    return (await this.robotsFor(new URL(url))).allowed(url);
  }

  /**
   * Fetches `url` politely. Resolves with status 200 (body decoded, archived), 304
   * (`notModified`), or any other final status without body; rejects with an AppError
   * `robots_disallowed`, `payload_too_large`, `fetch_timeout`, `fetch_dns_failed`,
   * `fetch_connection_refused` or `fetch_failed` (a FetchError saying which kind of failure).
   */
  async fetch(url: string): Promise<FetchResult> {
    const target = new URL(url);
    if (target.protocol !== 'http:' && target.protocol !== 'https:')
      throw new AppError('invalid_parameter', `URL no HTTP: ${url}`);
    const robots = await this.robotsFor(target);
    if (robots.failure) throw robots.failure;
    if (!robots.allowed(target.href)) throw new FetchError('robots_disallowed', url);
    const known = await this.validators.get(target.href);
    const headers: Record<string, string> = {
      accept:
        'text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,application/xml;q=0.9,*/*;q=0.8',
    };
    if (known?.etag) headers['if-none-match'] = known.etag;
    if (known?.lastModified) headers['if-modified-since'] = known.lastModified;
    const { res, bytes, attempts } = await this.withRetries(target, robots.crawlDelayMs, headers);
    const fetchedAt = new Date(this.opts.now()).toISOString();
    const base = { url: target.href, finalUrl: res.url || target.href, status: res.status, fetchedAt, attempts };
    if (res.status === 304) return { ...base, notModified: true, sha256: known?.sha256 };
    if (res.status !== 200) return { ...base, notModified: false };
    const contentType = res.headers.get('content-type') ?? undefined;
    const archived = this.archiveDir
      ? archiveBytes(this.archiveDir, bytes)
      : { sha256: sha256Hex(bytes), path: undefined };
    const etag = res.headers.get('etag') ?? undefined;
    const lastModified = res.headers.get('last-modified') ?? undefined;
    if (etag || lastModified) await this.validators.set(target.href, { etag, lastModified, sha256: archived.sha256 });
    return {
      ...base,
      notModified: false,
      body: decodeBody(bytes, contentType ?? null),
      contentType,
      sha256: archived.sha256,
      archivePath: archived.path,
    };
  }
}
