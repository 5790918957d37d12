/**
 * The anonymous form's defences (issue 4, item 4), instead of CSRF tokens:
 *
 * - Origin check: a browser sends `Origin` with every cross-origin POST (and with same-origin
 *   `fetch` POSTs). A request whose Origin is neither this server's own origin nor one listed in
 *   `allowedOrigins` (env `REPORTS_ALLOWED_ORIGINS`, comma-separated) → 403 `forbidden_origin`;
 *   so is `Sec-Fetch-Site: cross-site`. A request WITHOUT Origin is accepted: it cannot come from
 *   another site's page in a current browser, and non-browser clients (curl, benchmarks, the
 *   chat importer's tests) send none. CSRF needs a victim's browser, so this closes it.
 * - Per-IP rate limit: a fixed window (default 10 reports per IP per minute; `rateLimit` option,
 *   env `REPORTS_RATE_LIMIT`, 0 = off) → 429 `rate_limited` with Retry-After. The IP is the
 *   socket's peer address (never X-Forwarded-For, which any client can write); without a socket
 *   (in-process tests) every request shares one bucket.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AppError } from '../../core/errors/index.ts';

export interface ReportOptions {
  /** reports per IP per window; 0 disables the limit */
  rateLimit?: number;
  windowMs?: number;
  /** body size cap in bytes (default 8 KiB) */
  maxBytes?: number;
  /** extra origins allowed to POST (the server's own is always allowed) */
  allowedOrigins?: readonly string[];
}

export const DEFAULT_RATE_LIMIT = 10;
export const DEFAULT_WINDOW_MS = 60_000;
export const DEFAULT_MAX_BYTES = 8 * 1024;

export function reportOptions(given: ReportOptions = {}, env: NodeJS.ProcessEnv = process.env): Required<ReportOptions> {
  const envLimit = env.REPORTS_RATE_LIMIT;
  let rateLimit = given.rateLimit;
  if (rateLimit === undefined && envLimit !== undefined && envLimit !== '') {
    rateLimit = Number(envLimit);
    if (!Number.isInteger(rateLimit) || rateLimit < 0) throw new Error(`REPORTS_RATE_LIMIT must be an integer ≥ 0, got "${envLimit}"`);
  }
  const allowedOrigins = given.allowedOrigins ?? (env.REPORTS_ALLOWED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  return {
    rateLimit: rateLimit ?? DEFAULT_RATE_LIMIT,
    windowMs: given.windowMs ?? DEFAULT_WINDOW_MS,
    maxBytes: given.maxBytes ?? DEFAULT_MAX_BYTES,
    allowedOrigins,
  };
}

export function checkOrigin(allowed: readonly string[]): MiddlewareHandler {
  const extra = new Set(allowed.map((o) => o.replace(/\/$/, '').toLowerCase()));
  return async (c, next) => {
    if ((c.req.header('sec-fetch-site') ?? '').toLowerCase() === 'cross-site') throw new AppError('forbidden_origin', 'cross-site');
    const origin = c.req.header('origin');
    if (origin !== undefined) {
      const own = new URL(c.req.url).origin.toLowerCase();
      const given = origin.toLowerCase();
      if (given !== own && !extra.has(given)) throw new AppError('forbidden_origin', origin);
    }
    await next();
  };
}

function clientIp(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    return 'unknown'; // no Node socket (app.request in tests)
  }
}

/** Fixed-window counter per IP; windows are dropped as they end, so memory stays bounded by active IPs. */
export function rateLimit(limit: number, windowMs: number, now: () => number = Date.now): MiddlewareHandler {
  const windows = new Map<string, { start: number; count: number }>();
  let sweptAt = now();
  return async (c, next) => {
    if (limit > 0) {
      const t = now();
      if (t - sweptAt > windowMs) {
        for (const [ip, w] of windows) if (t - w.start >= windowMs) windows.delete(ip);
        sweptAt = t;
      }
      const ip = clientIp(c);
      let w = windows.get(ip);
      if (!w || t - w.start >= windowMs) windows.set(ip, (w = { start: t, count: 0 }));
      if (++w.count > limit) {
        c.header('Retry-After', String(Math.ceil((w.start + windowMs - t) / 1000)));
        throw new AppError('rate_limited', `máximo ${limit} reportes por minuto`);
      }
    }
    await next();
  };
}
