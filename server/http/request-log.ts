/**
 * Structured logs: one JSON line per event (pino), with a level, and for requests the request id
 * that the response also carries as `X-Request-Id`. A proxy's id (nginx `$request_id`, a load
 * balancer's) is kept when it looks like one, so one id follows a request through every log; any
 * other value is replaced, as a client could otherwise write arbitrary text into the logs.
 *
 * The access line holds method, path (no query string: it may name a person's street), status and
 * duration; no client address, which the proxy's own log keeps where the operator decides.
 */
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { pino, type Logger, type Level } from 'pino';

export type { Logger } from 'pino';

export const REQUEST_ID_HEADER = 'X-Request-Id';

/** Ids we accept from a proxy: letters, digits and `-_.:`, at most 128 characters. */
const ACCEPTED_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The request's id: the proxy's when acceptable, else a fresh UUID. */
export function requestIdFor(incoming: string | null | undefined): string {
  return incoming && ACCEPTED_ID.test(incoming) ? incoming : randomUUID();
}

/**
 * The process's logger: JSON lines on stdout at `level` (`LOG_LEVEL`), or into `destination` (tests).
 * Stdout is written asynchronously (lines written while a write is in flight go out together), so
 * the access log costs no system call per request under load; `flush` before exiting.
 */
export function createLogger(level: Level | 'silent' = 'info', destination?: NodeJS.WritableStream): Logger {
  const options = { level, base: { service: 'mapa-comun' }, timestamp: pino.stdTimeFunctions.isoTime };
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}

/** Without a logger from the caller (tests, tools): only errors, on stderr. */
export function errorsOnlyLogger(): Logger {
  return pino(
    { level: 'error', base: { service: 'mapa-comun' }, timestamp: pino.stdTimeFunctions.isoTime },
    pino.destination(2),
  );
}

/** `log` is the process's logger: lines about a request carry `reqId: c.get('requestId')`. */
export type RequestLogEnv = { Variables: { requestId?: string; log?: Logger } };

/** Writes the access line (info) for a finished request. */
export function logAccess(
  log: Logger,
  fields: { reqId: string; method: string; path: string; status: number; ms: number; cache?: string },
): void {
  if (!log.isLevelEnabled('info')) return;
  log.info({ ...fields, ms: Math.round(fields.ms * 10) / 10 }, 'request');
}

/**
 * The middleware: register first, on `*`. Sets `requestId` and `log` for later middleware and
 * handlers (no child logger per request: most requests log nothing but their access line), the
 * `X-Request-Id` header, and logs the access line when the response is ready (errors included:
 * `app.onError` has run by then).
 */
export function requestLog(root: Logger): MiddlewareHandler<RequestLogEnv> {
  return async (c, next) => {
    const started = performance.now();
    const reqId = requestIdFor(c.req.header(REQUEST_ID_HEADER));
    c.set('requestId', reqId);
    c.set('log', root);
    await next();
    c.header(REQUEST_ID_HEADER, reqId);
    logAccess(root, {
      reqId,
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: performance.now() - started,
    });
  };
}
