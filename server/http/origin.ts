/**
 * The one origin check for state-changing requests a browser could be tricked into sending: citizen
 * reports, login and accepting an invitation, and everything authenticated by the session cookie.
 *
 * A browser sends `Origin` with every cross-origin POST and with same-origin `fetch` POSTs; older
 * ones send at least `Referer`. The request is refused (403 `forbidden_origin`) when it says
 * `Sec-Fetch-Site: cross-site`, or when its Origin (else the Referer's origin) is neither the origin
 * the client addressed — scheme and host as the trusted proxies report them (server/http/client.ts),
 * so a page served over HTTPS behind a TLS-terminating proxy matches — nor one of the extra origins
 * configured. A request with neither header is not a browser form (curl, the CLI, benchmarks) and
 * passes: cross-site request forgery needs a victim's browser.
 *
 * This is the OWASP "verifying origin with standard headers" defence (CSRF Prevention Cheat Sheet).
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors/index.ts';
import { clientOf, ownOrigin } from './client.ts';

/** `https://Example.org/` → `https://example.org`; undefined when not an absolute http(s) URL. */
export function originOfUrl(value: string): string | undefined {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** Normalises configured extra origins (`REPORTS_ALLOWED_ORIGINS`), ignoring a trailing slash and case. */
export function originSet(origins: readonly string[]): ReadonlySet<string> {
  return new Set(origins.map((o) => o.trim().replace(/\/$/, '').toLowerCase()).filter(Boolean));
}

/** Throws 403 `forbidden_origin` unless the request may come from where it says it comes from. */
export function assertSameOrigin(c: Context, extra: ReadonlySet<string> = new Set()): void {
  if ((c.req.header('sec-fetch-site') ?? '').toLowerCase() === 'cross-site')
    throw new AppError('forbidden_origin', 'cross-site');
  const origin = c.req.header('origin');
  const referer = origin === undefined ? c.req.header('referer') : undefined;
  const claimed = origin ?? referer;
  if (claimed === undefined) return;
  const given =
    origin !== undefined ? (origin.toLowerCase() === 'null' ? undefined : originOfUrl(origin)) : originOfUrl(referer!);
  const own = ownOrigin(clientOf(c));
  if (given === undefined || (given !== own && !extra.has(given)))
    throw new AppError('forbidden_origin', claimed.slice(0, 100));
}

/** `assertSameOrigin` as a route middleware. */
export function sameOriginOnly(extraOrigins: readonly string[] = []): MiddlewareHandler {
  const extra = originSet(extraOrigins);
  return async (c, next) => {
    assertSameOrigin(c, extra);
    await next();
  };
}
