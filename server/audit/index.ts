/**
 * The audit log: who viewed or exported what at detail level.
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
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { AppError, ERRORS } from '../../core/errors/index.ts';
import { errorBody } from '../errors/index.ts';
import { clientOf } from '../http/client.ts';
import { isCalendarDate } from '../../core/time/calendar.ts';
import type { AuditEntry, AuditKind } from '../services/ports.ts';
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

const LOGIN_ROUTE = 'POST /api/session';

/** Who an entry names. */
type AuditSubject = { subject: string; role: string; name: string };

/** Who an entry names and its kind, or undefined when the request is not audited. */
function auditedAs(c: Context<ApiEnv>): { who: AuditSubject; kind: AuditKind } | undefined {
  const principal = principalOf(c);
  if (`${c.req.method} ${c.req.path}` === LOGIN_ROUTE)
    return { who: c.get('loginAttempt') ?? { subject: 'login:', role: '', name: '' }, kind: 'login' };
  if (!principal) return undefined;
  const who = { subject: subjectOf(principal), role: principal.role, name: principal.name };
  if (c.get('csrfRefused')) return { who, kind: 'csrf' };
  return isAuditedPath(c.req.path) ? { who, kind: auditKind(c.req.path) } : undefined;
}

/** Whether this code runs inside an audited request (an export's inner call): it is that request's own. */
export function insideAudit(): boolean {
  return insideAuditedRequest.getStore() === true;
}

/** The entry for one answered request; `pathAndQuery` as the client sent it. */
export function auditEntry(a: {
  at: Date;
  who: AuditSubject;
  kind: AuditKind;
  method: string;
  pathAndQuery: string;
  status: number;
  ip: string | null;
}): AuditEntry {
  const q = a.pathAndQuery.indexOf('?');
  const path = q < 0 ? a.pathAndQuery : a.pathAndQuery.slice(0, q);
  const query = q < 0 ? '' : a.pathAndQuery.slice(q + 1);
  return {
    at: a.at,
    ...a.who,
    kind: a.kind,
    method: a.method,
    path,
    query,
    status: a.status,
    area_ids: areaIdsOf(path, new URLSearchParams(query)),
    ip: a.ip,
  };
}

/**
 * The middleware: mount after `authenticate` and before `csrfProtection` (a refusal is recorded) and
 * the response cache (a hit is recorded). The response leaves only once its entry is committed (the
 * group commit of ./log.ts); if the store cannot take the entry, the caller gets 503
 * `audit_unavailable` instead of an answer nobody could account for. A login's body (the password)
 * is never read here.
 */
export function auditRequests(log: AuditLog): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    if (insideAudit()) return next();
    const at = new Date();
    await insideAuditedRequest.run(true, next);
    const audited = auditedAs(c);
    if (!audited) return;
    const url = new URL(c.req.url);
    const committed = await log.record(
      auditEntry({
        at,
        ...audited,
        method: c.req.method,
        pathAndQuery: `${url.pathname}${url.search}`,
        status: c.res.status,
        ip: clientOf(c).ip ?? null,
      }),
    );
    if (!committed) c.res = c.json(errorBody('audit_unavailable'), ERRORS.audit_unavailable.status);
  };
}

/** An instant: a calendar date (its UTC midnight) or an ISO 8601 date-time with offset. */
const instant = z
  .string()
  .refine(
    (v) => isCalendarDate(v) || z.iso.datetime({ offset: true }).safeParse(v).success,
    'use AAAA-MM-DD o una fecha-hora ISO 8601',
  )
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
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'cursor inválido')
    .optional(),
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
      throw new AppError(
        name === 'from' || name === 'to' ? 'invalid_date' : 'invalid_parameter',
        `${name}: ${issue?.message ?? 'inválido'}`,
      );
    }
    const { from, to, subject, limit, cursor } = q.data;
    if (from && to && !(from < to)) throw new AppError('invalid_range', 'from/to');
    await log.flush(); // the admin sees every request up to this one
    const page = await repositories.audit.list({ from, to, subject, limit: limit ?? DEFAULT_AUDIT_LIMIT, cursor });
    c.header('Cache-Control', 'no-store');
    return c.json(page);
  });
}
