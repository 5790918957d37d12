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
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { isCalendarDate } from '../../core/time/calendar.ts';
import type { AuditKind } from '../services/ports.ts';
import type { Services } from '../services/types.ts';
import type { ApiApp, ApiEnv } from '../context.ts';
import type { AuditLog } from './log.ts';

export { AuditLog, createAuditLog, type AuditLogOptions } from './log.ts';
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
  // the plenary agenda names its areas `kind:id,…` (server/plenary/agenda.ts)
  for (const value of params.getAll('areas')) {
    for (const entry of value.split(',')) {
      const id = entry.slice(entry.indexOf(':') + 1).trim();
      if (id) ids.add(id.slice(0, 200));
    }
  }
  return [...ids].slice(0, MAX_AREA_IDS);
}

/** `token:<id>` / `user:<id>` from server/auth; older principals without one fall back to role:name. */
export function subjectOf(p: Principal): string {
  return (p as Principal & { subject?: string }).subject ?? `${p.role}:${p.name}`;
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

export function registerAudit(app: ApiApp, { audit: log, repositories }: Services): void {
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
    const page = await repositories.audit.list({ from, to, subject, limit: limit ?? DEFAULT_AUDIT_LIMIT, cursor });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
}
