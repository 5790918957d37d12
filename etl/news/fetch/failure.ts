/**
 * Why a download failed, in terms a person running a scheduled job can act on: the host name
 * does not resolve, the host refuses connections, it is too slow, it answered an HTTP error,
 * robots.txt forbids the page, or robots.txt itself could not be read. Each has its own catalogue
 * code and Spanish message, so "robots.txt forbids" is never reported for a host that is down.
 */
import { AppError, type ErrorCode } from '../../../core/errors/index.ts';

export type FetchFailureKind =
  | 'dns_failure'
  | 'connection_refused'
  | 'timeout'
  | 'http_status'
  | 'robots_disallowed'
  | 'robots_unavailable'
  | 'too_large'
  | 'network_error';

const CODE_OF: Record<FetchFailureKind, ErrorCode> = {
  dns_failure: 'fetch_dns_failed',
  connection_refused: 'fetch_connection_refused',
  timeout: 'fetch_timeout',
  http_status: 'fetch_failed',
  robots_disallowed: 'robots_disallowed',
  // RFC 9309 §2.3.1.4: a robots.txt answered with 5xx means "assume complete disallow" — but
  // the site said nothing about us, so it is reported apart from a real disallow rule.
  robots_unavailable: 'robots_unavailable',
  too_large: 'payload_too_large',
  network_error: 'fetch_failed',
};

/** A failed download: a catalogue code plus the kind of failure. */
export class FetchError extends AppError {
  readonly kind: FetchFailureKind;
  /** The HTTP status, for `http_status` and `robots_unavailable`. */
  readonly httpStatus?: number;
  constructor(kind: FetchFailureKind, detail: string, httpStatus?: number) {
    super(CODE_OF[kind], detail);
    this.kind = kind;
    this.httpStatus = httpStatus;
  }
}

/** Node's system error codes (getaddrinfo, connect) found on a fetch error or its causes. */
function systemCodes(err: unknown): string[] {
  const codes: string[] = [];
  const visit = (e: unknown, depth: number) => {
    if (!e || typeof e !== 'object' || depth > 4) return;
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') codes.push(code);
    visit((e as { cause?: unknown }).cause, depth + 1);
    // Happy Eyeballs tries IPv4 and IPv6 and reports both in an AggregateError.
    for (const inner of (e as { errors?: unknown[] }).errors ?? []) visit(inner, depth + 1);
  };
  visit(err, 0);
  return codes;
}

/** DNS answers that will not change on a retry (EAI_AGAIN, a temporary failure, is retried). */
const DNS_PERMANENT = new Set(['ENOTFOUND', 'EAI_NONAME', 'EAI_FAIL', 'EAI_NODATA']);
const REFUSED = new Set(['ECONNREFUSED']);

/** The kind of a network-level failure thrown by `fetch()` (not an HTTP answer). */
export function networkFailureKind(err: unknown): FetchFailureKind {
  if ((err as Error)?.name === 'TimeoutError') return 'timeout';
  const codes = systemCodes(err);
  if (codes.some((c) => DNS_PERMANENT.has(c) || c === 'EAI_AGAIN')) return 'dns_failure';
  if (codes.some((c) => REFUSED.has(c))) return 'connection_refused';
  if (codes.some((c) => c === 'UND_ERR_CONNECT_TIMEOUT' || c === 'ETIMEDOUT')) return 'timeout';
  return 'network_error';
}

/** Whether trying again could help: a name that does not exist will not exist in a second. */
export function isPermanentDnsFailure(err: unknown): boolean {
  return systemCodes(err).some((c) => DNS_PERMANENT.has(c));
}

/**
 * RFC 6761 §6.4: name resolution APIs should answer names under `.invalid` negatively at once,
 * without asking any server. Doing so here keeps tests that use such names off the network.
 */
export function isReservedInvalidHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  return h === 'invalid' || h.endsWith('.invalid');
}

/** The detail for a network failure's message: the host (or URL) so the operator knows where to look. */
export function networkFailureMessage(kind: FetchFailureKind, url: URL, timeoutMs: number): string {
  switch (kind) {
    case 'dns_failure':
      return url.hostname;
    case 'connection_refused':
      return url.host;
    case 'timeout':
      return `${url.href} (sin respuesta en ${Math.round(timeoutMs / 100) / 10} s)`;
    default:
      return `falla de red con ${url.host}`;
  }
}

/** The failure kind of any error thrown while collecting a source (unknown errors: `network_error`). */
export function failureKindOf(err: unknown): FetchFailureKind | 'invalid_content' | 'internal_error' {
  if (err instanceof FetchError) return err.kind;
  if (err instanceof AppError) {
    if (err.code === 'robots_disallowed') return 'robots_disallowed';
    if (err.code === 'robots_unavailable') return 'robots_unavailable';
    if (err.code === 'fetch_timeout') return 'timeout';
    if (err.code === 'fetch_dns_failed') return 'dns_failure';
    if (err.code === 'fetch_connection_refused') return 'connection_refused';
    if (err.code === 'payload_too_large') return 'too_large';
    if (err.code === 'fetch_failed') return 'network_error';
    if (err.code === 'invalid_body') return 'invalid_content';
  }
  return 'internal_error';
}
