/**
 * A fixed-window request limit per client IP, counted in the store (db/queries/rate-limit.ts) so
 * that every API process shares it: `limit` requests per `windowMs` window, the next ones 429
 * `rate_limited` with `Retry-After` (seconds to the window's end). Windows that ended are purged by
 * the first request of each new window in each process, so the table holds about one row per
 * active IP and scope. `limit` 0 turns it off; `exempt` callers are never counted.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors/index.ts';
import { windowStart } from '../services/ports.ts';
import { clientOf } from './client.ts';

export interface WindowLimit {
  limit: number;
  windowMs: number;
  /** one more request of `ip` in the window starting at `startMs`; resolves the window's count, this one included */
  count(ip: string, startMs: number): Promise<number>;
  /** drops windows that started before `startMs` */
  purge(startMs: number): Promise<void>;
  /** what is limited, for the error's detail (`máximo 3 <what>`) */
  what: string;
  exempt?: (c: Context) => boolean;
  now?: () => number;
}

export function windowRateLimit(opts: WindowLimit): MiddlewareHandler {
  const now = opts.now ?? Date.now;
  let purgedBefore = 0;
  return async (c, next) => {
    if (opts.limit > 0 && !opts.exempt?.(c)) {
      const t = now();
      const start = windowStart(t, opts.windowMs);
      if (start > purgedBefore) {
        purgedBefore = start;
        await opts.purge(start);
      }
      const count = await opts.count(clientOf(c).ip, start);
      if (count > opts.limit) {
        c.header('Retry-After', String(Math.max(1, Math.ceil((start + opts.windowMs - t) / 1000))));
        throw new AppError('rate_limited', `máximo ${opts.limit} ${opts.what}`);
      }
    }
    await next();
  };
}
