/**
 * Who is asking, stored on the context for the policy (server/policy):
 *
 * - `Authorization: Bearer <token>` → the API token's principal (role and territory). A header
 *   that is present but not a live token → 401 `invalid_token`: a client that meant to
 *   authenticate must learn it failed, rather than silently getting the public view.
 * - otherwise the `mc_session` cookie (server/auth/session.ts) → the user's principal. A cookie
 *   that names no live session is simply the public: browsers keep stale cookies after an expiry.
 * - neither → the public (principal null).
 *
 * The principal is `{role, territory, name, via, subject}` whichever way it came; `subject`
 * (`token:<id>` or `user:<id>`) names the credential for the audit log.
 *
 * `csrfProtection`: a state-changing request (POST, PUT, PATCH, DELETE) authenticated by the
 * cookie must pass the shared origin check (server/http/origin.ts, 403 `forbidden_origin`) and
 * carry `X-CSRF-Token` equal to its session's token, else 403 `csrf_failed`. Bearer
 * requests (no browser sends those on its own) and anonymous ones are exempt, and so are the
 * routes that open a session (login, accepting an invitation), which check the Origin instead.
 */
import type { MiddlewareHandler } from 'hono';
import { parse as parseCookie } from 'hono/utils/cookie';
import { AppError } from '../../core/errors/index.ts';
import type { AccountRepository, Role, TokenRepository, User } from '../services/ports.ts';
import { assertSameOrigin } from '../http/origin.ts';
import { csrfTokenFor, ephemeralSessionKey, isSessionId, safeEqual, SESSION_COOKIE, sessionIdHash } from './session.ts';

export { ROLES, type Role } from '../services/ports.ts';

/** What authentication reads: API tokens, and sessions with the epoch that ends them at once. */
export interface CredentialStore {
  tokens: TokenRepository;
  accounts: Pick<AccountRepository, 'findSession' | 'touchSession' | 'credentialsEpoch'>;
}

export interface Principal {
  role: Role;
  /** alcaldía cvegeo ids or sector names (mesa, enlace); empty for the others */
  territory: readonly string[];
  name: string;
  /** how the caller authenticated; always set by `authenticate` (optional only for hand-built principals in tests) */
  via?: 'token' | 'session';
  /** `token:<id>` or `user:<id>`; always set by `authenticate` */
  subject?: string;
}

/** The session behind a cookie-authenticated request. */
export interface SessionContext {
  idHash: string;
  csrfToken: string;
  user: User;
}

/** Who a login attempt named (set by the login route, read by the audit log: the caller has no principal yet). */
export interface LoginAttempt {
  subject: string;
  role: string;
  name: string;
}

export type AuthEnv = {
  Variables: {
    principal?: Principal | null;
    session?: SessionContext;
    loginAttempt?: LoginAttempt;
    /** set when `csrfProtection` refused the request: the audit log records the refusal */
    csrfRefused?: true;
  };
};

export interface SessionSettings {
  /** HMAC key for session ids and CSRF tokens (server/auth/session.ts) */
  key: Buffer;
  /** a session unused this long ends */
  idleMs: number;
}

/** The bearer token of an `Authorization` header; undefined without one; null when malformed. */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

const CACHE_MS = 5000;
const CACHE_MAX = 1000;
/** how stale `last_seen_at` may get before a request writes it again (idle expiry needs no finer clock) */
const TOUCH_EVERY_MS = 60_000;

type Memo = { principal: Principal | null; session?: SessionContext; sessionId?: number; at: number };

/** Who a request is, as `authenticate` resolves it. */
export interface Caller {
  principal: Principal | null;
  session?: SessionContext;
}

/** The middleware, with the same memoised lookup for callers outside Hono (the cache's fast path). */
export type Authenticator = MiddlewareHandler<AuthEnv> & {
  /** the caller behind these two headers; throws AppError `invalid_token` for a malformed or dead bearer token */
  resolve(authorization: string | undefined, cookieHeader: string | undefined): Promise<Caller>;
};

/**
 * The middleware. Lookups are memoised for a few seconds (credential hash → principal), so cached
 * responses stay cheap for authenticated clients too. The memo is dropped whenever this process
 * revokes a token, disables a user or ends a session (`credentialsEpoch`), so those take effect
 * on the next request; a change made by another process takes effect within the memo's 5 seconds.
 */
export function authenticate(
  { tokens, accounts }: CredentialStore,
  sessions: SessionSettings = { key: ephemeralSessionKey(), idleMs: 12 * 3600_000 },
): Authenticator {
  const memo = new Map<string, Memo>();
  const { credentialsEpoch } = accounts;
  let epoch = credentialsEpoch();
  const remember = (key: string, hit: Memo) => {
    if (memo.size >= CACHE_MAX) memo.clear();
    memo.set(key, hit);
  };
  const fresh = (key: string, now: number) => {
    if (epoch !== credentialsEpoch()) {
      memo.clear();
      epoch = credentialsEpoch();
    }
    const hit = memo.get(key);
    return hit && now - hit.at <= CACHE_MS ? hit : undefined;
  };

  async function resolve(authorization: string | undefined, cookieHeader: string | undefined): Promise<Caller> {
    const token = bearerToken(authorization);
    const now = performance.now();
    if (token === null) throw new AppError('invalid_token', 'use "Authorization: Bearer <token>"');
    if (token !== undefined) {
      let hit = fresh(`t:${token}`, now);
      if (!hit) {
        const record = await tokens.find(token);
        const principal: Principal | null = record
          ? {
              role: record.role,
              territory: record.territory,
              name: record.name,
              via: 'token',
              subject: `token:${record.id}`,
            }
          : null;
        remember(`t:${token}`, (hit = { principal, at: now }));
      }
      if (!hit.principal) throw new AppError('invalid_token');
      return { principal: hit.principal };
    }

    const sessionId = cookieHeader ? parseCookie(cookieHeader, SESSION_COOKIE)[SESSION_COOKIE] : undefined;
    if (!isSessionId(sessionId)) return { principal: null };
    const idHash = sessionIdHash(sessions.key, sessionId);
    let hit = fresh(`s:${idHash}`, now);
    if (!hit) {
      const live = await accounts.findSession(idHash, sessions.idleMs);
      if (live && Date.now() - live.lastSeenAt.getTime() > TOUCH_EVERY_MS) await accounts.touchSession(live.sessionId);
      hit = live
        ? {
            principal: {
              role: live.user.role,
              territory: live.user.territory,
              name: live.user.name,
              via: 'session',
              subject: `user:${live.user.id}`,
            },
            session: { idHash, csrfToken: csrfTokenFor(sessions.key, sessionId), user: live.user },
            at: now,
          }
        : { principal: null, at: now };
      remember(`s:${idHash}`, hit);
    }
    return { principal: hit.principal, session: hit.session };
  }

  const middleware: MiddlewareHandler<AuthEnv> = async (c, next) => {
    const { principal, session } = await resolve(c.req.header('authorization'), c.req.header('cookie'));
    c.set('principal', principal);
    if (session) c.set('session', session);
    return next();
  };
  return Object.assign(middleware, { resolve });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * 403 `csrf_failed` for a cookie-authenticated state-changing request without the session's
 * `X-CSRF-Token`. `exempt`: `METHOD path` pairs that open a session (they check the Origin).
 */
export function csrfProtection(exempt: readonly string[] = []): MiddlewareHandler<AuthEnv> {
  const skip = new Set(exempt);
  return async (c, next) => {
    const session = c.get('session');
    if (
      session &&
      c.get('principal')?.via === 'session' &&
      STATE_CHANGING.has(c.req.method) &&
      !skip.has(`${c.req.method} ${c.req.path}`)
    ) {
      c.set('csrfRefused', true);
      assertSameOrigin(c);
      const sent = c.req.header('x-csrf-token');
      if (sent === undefined || !safeEqual(sent, session.csrfToken))
        throw new AppError(
          'csrf_failed',
          sent === undefined ? 'falta la cabecera X-CSRF-Token' : 'X-CSRF-Token no corresponde a la sesión',
        );
      c.set('csrfRefused', undefined);
    }
    return next();
  };
}

/** The caller (null: the public), as the middleware resolved it. */
export function principalOf(c: { get(key: 'principal'): Principal | null | undefined }): Principal | null {
  return c.get('principal') ?? null;
}
