/**
 * The anonymous form's defences, instead of CSRF tokens:
 *
 * - Origin check: the shared one (server/http/origin.ts): an Origin (or Referer) that is neither
 *   the origin the client addressed — through trusted proxies, so HTTPS behind a proxy matches —
 *   nor one listed in `allowedOrigins` (env `REPORTS_ALLOWED_ORIGINS`, comma-separated) → 403
 *   `forbidden_origin`; so is `Sec-Fetch-Site: cross-site`. A request without either header is
 *   accepted: it cannot come from another site's page in a current browser, and non-browser clients
 *   (curl, benchmarks, the chat importer's tests) send none. CSRF needs a victim's browser.
 * - Per-IP rate limit: fixed windows (default 10 reports per IP per minute; `rateLimit` option,
 *   env `REPORTS_RATE_LIMIT`, 0 = off) → 429 `rate_limited` with Retry-After. Counted in the store
 *   (db/queries/rate-limit.ts), so every process on one database shares the limit. The IP is the
 *   client's as server/http/client.ts resolves it: the socket's peer, or — only behind a proxy
 *   trusted by `TRUST_PROXY` — the address that proxy forwarded; without a socket (in-process
 *   tests) every request shares one bucket.
 */
import { parseConfig } from '../../core/config/index.ts';
import type { MiddlewareHandler } from 'hono';
import type { RateLimitRepository } from '../services/ports.ts';
import { windowRateLimit } from '../http/rate-limit.ts';
import { sameOriginOnly } from '../http/origin.ts';

export interface ReportOptions {
  /** reports per IP per window; 0 disables the limit */
  rateLimit?: number;
  windowMs?: number;
  /** body size cap in bytes (default 8 KiB) */
  maxBytes?: number;
  /** extra origins allowed to POST (the server's own is always allowed) */
  allowedOrigins?: readonly string[];
  /** the rate limit's clock (ms since the epoch); tests fix it so a window boundary cannot fall mid-test */
  clock?: () => number;
}

export const DEFAULT_WINDOW_MS = 60_000;
export const DEFAULT_MAX_BYTES = 8 * 1024;

export function reportOptions(
  given: ReportOptions = {},
  env: NodeJS.ProcessEnv = process.env,
): Required<ReportOptions> {
  const config = parseConfig(env);
  return {
    rateLimit: given.rateLimit ?? config.REPORTS_RATE_LIMIT,
    allowedOrigins: given.allowedOrigins ?? config.REPORTS_ALLOWED_ORIGINS,
    windowMs: given.windowMs ?? DEFAULT_WINDOW_MS,
    maxBytes: given.maxBytes ?? DEFAULT_MAX_BYTES,
    clock: given.clock ?? Date.now,
  };
}

/** The shared origin check, with the report form's extra origins. */
export function checkOrigin(allowed: readonly string[]): MiddlewareHandler {
  return sameOriginOnly(allowed);
}

/** The report form's limit: `limit` reports per window per client IP (server/http/rate-limit.ts). */
export function rateLimit(
  counters: RateLimitRepository,
  limit: number,
  windowMs: number,
  now: () => number = Date.now,
): MiddlewareHandler {
  return windowRateLimit({
    limit,
    windowMs,
    now,
    count: counters.countReport,
    purge: counters.purgeReportWindows,
    what: 'reportes por minuto',
  });
}
