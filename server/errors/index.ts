/**
 * Error responses: every failure leaves the API as `{error: {code, message}}` with a code from
 * the one catalogue (`core/errors`). Unexpected errors are logged server-side and answered with
 * `internal_error`; the client never sees a stack trace or a driver message.
 */
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { AppError, ERRORS, type ErrorCode } from '../../core/errors/index.ts';
import type { Logger } from '../http/request-log.ts';

export function errorBody(code: ErrorCode, message: string = ERRORS[code].message) {
  return { error: { code, message } };
}

/** Errors that mean the database cannot be reached (postgres.js / Node socket codes). */
const UNAVAILABLE = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  '57P01',
  '57P03',
]);

export function isDatabaseUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && UNAVAILABLE.has(code);
}

/** Maps any thrown value onto a catalogue error. */
export function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  if (err instanceof HTTPException) {
    if (err.status === 404) return new AppError('not_found');
    if (err.status === 413) return new AppError('payload_too_large');
    if (err.status < 500) return new AppError('invalid_parameter');
  }
  if (isDatabaseUnavailable(err)) return new AppError('db_unavailable');
  // 57014 query_canceled: the statement_timeout of the pool (DATABASE_STATEMENT_TIMEOUT_MS) cut it
  if ((err as { code?: unknown } | null)?.code === '57014') return new AppError('query_timeout');
  return new AppError('internal_error');
}

/** `app.onError` handler. */
export function handleError(err: Error, c: Context) {
  const appErr = toAppError(err);
  if (appErr.status >= 500) {
    const get = c.get as (key: string) => unknown;
    const log = get('log') as Logger | undefined;
    if (log) log.error({ err, reqId: get('requestId'), method: c.req.method, path: c.req.path }, 'request failed');
    else console.error(`[api] ${c.req.method} ${c.req.path}:`, err);
  }
  c.header('Cache-Control', 'no-store');
  return c.json(appErr.toJSON(), appErr.status as 400);
}
