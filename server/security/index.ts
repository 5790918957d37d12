/**
 * Security basics: response headers on EVERY response (API and the static web
 * app alike — the middleware is the app's first, so it wraps everything mounted later), and a body
 * size cap on `/api/*`.
 *
 * Content-Security-Policy (W3C CSP Level 3): scripts only from this origin and never inline — the
 * Vite build emits `<script type="module" src>` only (tests/e2e/access.test.ts checks the built
 * index.html and that Chromium reports no violation). MapLibre starts its workers from blob URLs
 * (`worker-src 'self' blob:`, `child-src blob:` for older engines); Svelte and MapLibre set style
 * attributes, hence `style-src 'unsafe-inline'` (styles cannot run code). An online basemap
 * (`VITE_BASEMAP_STYLE`) lives on another origin: list it in `CSP_EXTRA_ORIGINS` (space-separated),
 * which is added to connect-src, img-src and font-src.
 *
 * HSTS only when the client came over HTTPS (TLS on the socket, or `X-Forwarded-Proto: https` from
 * a proxy trusted by `TRUST_PROXY`, server/http/client.ts): a browser ignores it over plain HTTP
 * anyway, and sending it from a development server on localhost would pin that name to HTTPS.
 */
import { parseConfig } from '../../core/config/index.ts';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../core/errors/index.ts';
import { clientOf, parseTrustProxy, type TrustProxy } from '../http/client.ts';

export const HSTS_VALUE = 'max-age=31536000; includeSubDomains';

/** The policy, one directive per entry (joined with `; `). */
export function contentSecurityPolicy(extraOrigins: readonly string[] = []): string {
  const extra = extraOrigins.length ? ` ${extraOrigins.join(' ')}` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    'child-src blob:',
    "style-src 'self' 'unsafe-inline'",
    `img-src 'self' data: blob:${extra}`,
    `font-src 'self' data:${extra}`,
    `connect-src 'self'${extra}`,
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

export interface SecurityOptions {
  /** origins added to connect-src, img-src and font-src (default: env `CSP_EXTRA_ORIGINS`) */
  extraOrigins?: readonly string[];
  /** `/api/*` body cap in bytes (default: env `API_BODY_LIMIT`, else 64 KiB) */
  apiBodyLimit?: number;
  /** which peers are reverse proxies whose `X-Forwarded-*` count (default: env `TRUST_PROXY`, else none) */
  trustProxy?: TrustProxy | string;
}

export interface SecuritySettings {
  extraOrigins: readonly string[];
  apiBodyLimit: number;
  trustProxy: TrustProxy;
}

export function securityOptions(given: SecurityOptions = {}, env: NodeJS.ProcessEnv = process.env): SecuritySettings {
  // the schema checks CSP_EXTRA_ORIGINS (origins only: no directive separator or quoted keyword smuggled in)
  const config = parseConfig(env);
  const trustProxy =
    typeof given.trustProxy === 'object' ? given.trustProxy : parseTrustProxy(given.trustProxy ?? config.TRUST_PROXY);
  return {
    extraOrigins: given.extraOrigins ?? config.CSP_EXTRA_ORIGINS,
    apiBodyLimit: given.apiBodyLimit ?? config.API_BODY_LIMIT,
    trustProxy,
  };
}

/** The headers every response carries (HSTS added separately, over HTTPS only). */
export function securityHeaderValues(extraOrigins: readonly string[] = []): Record<string, string> {
  return {
    'Content-Security-Policy': contentSecurityPolicy(extraOrigins),
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Frame-Options': 'DENY',
    // "Mi cuadrante" asks for the position; nothing else needs a powerful feature
    'Permissions-Policy': 'geolocation=(self), camera=(), microphone=(), payment=(), usb=()',
    'Cross-Origin-Opener-Policy': 'same-origin',
  };
}

/** The middleware: register first, on `*`. */
export function securityHeaders(opts: Pick<SecurityOptions, 'extraOrigins'> = {}): MiddlewareHandler {
  const headers = Object.entries(securityHeaderValues(opts.extraOrigins ?? []));
  return async (c, next) => {
    await next();
    const https = clientOf(c).scheme === 'https';
    let res = c.res;
    try {
      for (const [name, value] of headers) res.headers.set(name, value);
      if (https) res.headers.set('Strict-Transport-Security', HSTS_VALUE);
    } catch {
      // immutable headers (a Response from fetch): copy it once
      res = new Response(res.body, res);
      for (const [name, value] of headers) res.headers.set(name, value);
      if (https) res.headers.set('Strict-Transport-Security', HSTS_VALUE);
      c.res = undefined as unknown as Response; // Hono: replace rather than merge
      c.res = res;
    }
  };
}

/**
 * 413 `payload_too_large` past `maxBytes` (Content-Length or streamed); routes may cap lower.
 * `ownCap`: paths that take files and enforce their own, larger cap (a chat export upload).
 */
export function apiBodyLimit(maxBytes: number, ownCap: readonly string[] = []): MiddlewareHandler {
  const limit = bodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new AppError('payload_too_large', `máximo ${maxBytes} bytes`);
    },
  });
  return (c, next) => (ownCap.includes(c.req.path) ? next() : limit(c, next));
}
