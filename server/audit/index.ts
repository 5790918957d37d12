/**
 * The audit log (issue 6, item 3): who viewed or exported what at detail level.
 *
 * Every `/api` request by an authenticated caller (bearer token or session; the public is never
 * logged — it sees aggregates only) to a data route is recorded: subject, role, name, method,
 * path, query, status, the area ids it named, kind `view` or `export` (`/api/export/*`,
 * `/api/plenary/*`) and the time it arrived. Session and health routes are not data.
 *
 * The middleware sits after `authenticate` and BEFORE the response cache, so a cache hit is logged
 * like any other answer. It never waits for the store: entries go to an in-memory buffer that is
 * written in batches (`batchSize` entries, or `flushMs` after the first buffered entry, and on
 * `close()`), so the hot path costs an object push.
 *
 * An export calls the JSON endpoint inside the same process (`app.request`, server/export): that
 * inner request runs in the outer one's async context, which is marked, so it is not logged twice
 * — the export's own entry says what was taken. A header could not do this: clients can send any.
 *
 * `GET /api/audit?from&to&subject&limit&cursor` (admin only; 401 `authentication_required`
 * without credentials, 403 `forbidden` for other roles) → `{items, next_cursor}`, newest first.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { Hono, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import { insertAuditEntries, listAuditEntries, type AuditEntry, type AuditKind } from '../../db/queries/audit.ts';
import { isCalendarDate } from '../../db/queries/months.ts';
import type { ApiEnv } from '../app.ts';
import { principalOf, type Principal } from '../auth/index.ts';

export const DEFAULT_AUDIT_LIMIT = 100;
export const MAX_AUDIT_LIMIT = 1000;

/** Routes that are not data: logging in and out, liveness, the API's own description. */
const NOT_DATA = ['/api/session', '/api/health', '/api/openapi.json'];
const EXPORT_PREFIXES = ['/api/export/', '/api/plenary/'];
/** Query parameters that name areas. */
const AREA_PARAMS = ['ids', 'id', 'area_id', 'cuadrante', 'sector', 'colonia', 'alcaldia'];
const MAX_AREA_IDS = 500;

export function isAuditedPath(path: string): boolean {
  return path.startsWith('/api/') && !NOT_DATA.some((p) => path === p || path.startsWith(`${p}/`));
}

export function auditKind(path: string): AuditKind {
  return EXPORT_PREFIXES.some((p) => path.startsWith(p)) ? 'export' : 'view';
}

/** The area ids a request names: `/api/areas/<kind>/<id>/…` and the area parameters. */
export function areaIdsOf(path: string, params: URLSearchParams): string[] {
  const ids = new Set<string>();
  const m = /^\/api\/areas\/[^/]+\/([^/]+)/.exec(path);
  if (m) {
    try {
      ids.add(decodeURIComponent(m[1]));
    } catch {
      ids.add(m[1]);
    }
  }
  for (const name of AREA_PARAMS) {
    for (const value of params.getAll(name)) {
      for (const id of value.split(',')) if (id.trim()) ids.add(id.trim().slice(0, 200));
    }
  }
  return [...ids].slice(0, MAX_AREA_IDS);
}

/** `token:<id>` / `user:<id>` from server/auth; older principals without one fall back to role:name. */
export function subjectOf(p: Principal): string {
  return (p as Principal & { subject?: string }).subject ?? `${p.role}:${p.name}`;
}

export interface AuditLogOptions {
  /** entries per INSERT; a full batch is written at once (default 100) */
  batchSize?: number;
  /** the longest an entry waits in memory (default 1000 ms) */
  flushMs?: number;
  /** the buffer's cap while the store is unreachable; the oldest entries go first (default 100,000) */
  maxBuffered?: number;
  log?: (msg: string) => void;
}

/** The buffered writer. `flush()` and `close()` never reject: a failed batch stays buffered and is retried. */
export class AuditLog {
  private buffer: AuditEntry[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private closed = false;
  private failing = false;
  /** the retry delay after a failed write: doubles up to a minute, back to flushMs after a success */
  private retryMs: number;
  /** entries dropped because the buffer was full (store unreachable for a long time) */
  dropped = 0;
  readonly batchSize: number;
  readonly flushMs: number;
  readonly maxBuffered: number;
  private readonly log: (msg: string) => void;

  constructor(
    private readonly store: Pick<Store, 'db'>,
    opts: AuditLogOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 100;
    this.flushMs = opts.flushMs ?? 1000;
    this.maxBuffered = opts.maxBuffered ?? 100_000;
    this.log = opts.log ?? ((msg) => process.stderr.write(`${msg}\n`));
    this.retryMs = this.flushMs;
  }

  get pending(): number {
    return this.buffer.length;
  }

  record(entry: AuditEntry): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.buffer.shift();
      this.dropped++;
    }
    this.buffer.push(entry);
    if (this.buffer.length >= this.batchSize) void this.flush();
    else this.schedule();
  }

  /** Writes everything buffered so far (batch by batch); resolves when done or when a write failed. */
  flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(() => this.writeAll());
    return this.writing;
  }

  /** Final flush; afterwards nothing is scheduled (entries recorded later are written by an explicit flush only). */
  async close(): Promise<void> {
    this.closed = true;
    await this.flush();
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  private schedule(delayMs = this.flushMs): void {
    if (this.timer || this.closed) return;
    // unref: a pending audit write must not keep a finished process (or test worker) alive
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, delayMs);
    this.timer.unref?.();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await insertAuditEntries(this.store, batch);
        this.failing = false;
        this.retryMs = this.flushMs;
      } catch (error) {
        this.buffer.unshift(...batch);
        if (!this.failing) this.log(`audit: no se pudo escribir el registro (${(error as Error).message}); se reintentará`);
        this.failing = true;
        this.schedule(this.retryMs);
        this.retryMs = Math.min(this.retryMs * 2, 60_000);
        return;
      }
    }
  }
}

export function createAuditLog(store: Pick<Store, 'db'>, opts?: AuditLogOptions): AuditLog {
  return new AuditLog(store, opts);
}

/** Set while an audited request runs: requests made inside it (exports' inner calls) are its own. */
const insideAuditedRequest = new AsyncLocalStorage<true>();

/** The middleware: mount after `authenticate`, before `responseCache`. */
export function auditRequests(log: AuditLog): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const principal = principalOf(c);
    if (!principal || !isAuditedPath(c.req.path) || insideAuditedRequest.getStore()) return next();
    const at = new Date();
    let status = 500;
    try {
      await insideAuditedRequest.run(true, next);
      status = c.res.status;
    } finally {
      const url = new URL(c.req.url);
      log.record({
        at,
        subject: subjectOf(principal),
        role: principal.role,
        name: principal.name,
        kind: auditKind(url.pathname),
        method: c.req.method,
        path: url.pathname,
        query: url.search.replace(/^\?/, ''),
        status,
        area_ids: areaIdsOf(url.pathname, url.searchParams),
      });
    }
  };
}

/** An instant: a calendar date (its UTC midnight) or an ISO 8601 date-time with offset. */
const instant = z
  .string()
  .refine((v) => isCalendarDate(v) || z.iso.datetime({ offset: true }).safeParse(v).success, 'use AAAA-MM-DD o una fecha-hora ISO 8601')
  .transform((v) => new Date(isCalendarDate(v) ? `${v}T00:00:00Z` : v));

const AuditQuery = z.object({
  from: instant.optional(),
  to: instant.optional(),
  subject: z.string().trim().min(1).max(200).optional(),
  limit: z
    .string()
    .regex(/^\d{1,9}$/, 'debe ser un entero')
    .transform(Number)
    .pipe(z.number().int().min(1).max(MAX_AUDIT_LIMIT))
    .optional(),
  cursor: z.string().regex(/^\d{1,18}$/, 'cursor inválido').optional(),
});

/** 401 without credentials, 403 for any role but admin. */
export const requireAdmin: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const p = principalOf(c);
  if (!p) throw new AppError('authentication_required');
  if (p.role !== 'admin') throw new AppError('forbidden', `rol ${p.role}`);
  c.set('skipLru', true);
  c.set('cacheControl', 'no-store');
  await next();
};

export function registerAudit(app: Hono<ApiEnv>, store: Pick<Store, 'db'>, log: AuditLog): void {
  app.use('/api/audit', requireAdmin);
  app.get('/api/audit', async (c) => {
    const raw = Object.fromEntries(Object.entries(c.req.query()).filter(([, v]) => v !== ''));
    const q = AuditQuery.safeParse(raw);
    if (!q.success) {
      const issue = q.error.issues[0];
      const name = String(issue?.path[0] ?? '');
      throw new AppError(name === 'from' || name === 'to' ? 'invalid_date' : 'invalid_parameter', `${name}: ${issue?.message ?? 'inválido'}`);
    }
    const { from, to, subject, limit, cursor } = q.data;
    if (from && to && !(from < to)) throw new AppError('invalid_range', 'from/to');
    await log.flush(); // the admin sees every request up to this one
    const page = await listAuditEntries(store, { from, to, subject, limit: limit ?? DEFAULT_AUDIT_LIMIT, cursor });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
}
