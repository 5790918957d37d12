/**
 * Accounts over HTTP (contract in notes/contracts-s2.md):
 *
 * - `POST /api/session` `{email, password}` → 200 `{user, csrf_token}` and the `mc_session` cookie;
 *   401 `invalid_credentials` (the same answer, after the same scrypt work, for an unknown e-mail
 *   and a wrong password); 429 `too_many_attempts` with Retry-After while the e-mail or the client
 *   IP is locked out (server/accounts/options.ts); 403 `account_disabled`.
 * - `GET /api/session` → `{user: null}` for the public, `{user, csrf_token}` for a session, and
 *   `{user: null, token: {role, name, territory}}` for a bearer token.
 * - `DELETE /api/session` (CSRF) → ends the session, clears the cookie → `{user: null}`.
 * - `POST /api/invitations` (admin) `{email, role, territory?}` → 201 `{url: "/#invitacion=<token>", token, expires_at}`.
 * - `POST /api/invitations/accept` `{token, name, password}` → 201 `{user, csrf_token}` + cookie;
 *   410 `invitation_invalid` (unknown, used or expired), 409 `account_exists`.
 * - `GET /api/users` (admin) → `{items: [user…]}` (never a hash); `DELETE /api/users/{id}` (admin) disables one;
 *   `PATCH /api/users/{id}` (admin) `{role, territory?}` → the user with its new role (its sessions end;
 *   409 `last_admin` for the last active admin).
 * - API tokens (admin): `GET /api/tokens` → `{items}` (what each grants, never the token);
 *   `POST /api/tokens` `{role, name, territory?}` → 201 `{id, token, …}` (the token is shown once);
 *   `DELETE /api/tokens/{id}` revokes one at once (404 `not_found` when unknown or already revoked).
 *
 * Login and accepting an invitation open a session, so they cannot ask for a CSRF token; they
 * refuse a browser request from another site instead (Origin / Sec-Fetch-Site), as login CSRF needs one.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { parseJsonBody } from '../shared/json-body.ts';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import {
  dummyPasswordHash,
  MAX_PASSWORD_CHARS,
  MIN_PASSWORD_CHARS,
  ROLES,
  verifyPassword,
  type User,
} from '../services/ports.ts';
import type { Services } from '../services/types.ts';
import type { ApiApp, ApiEnv } from '../context.ts';
import { principalOf } from '../auth/index.ts';
import { clearSessionCookie, csrfTokenFor, newSessionId, sessionIdHash, setSessionCookie } from '../auth/session.ts';
import { clientOf } from '../http/client.ts';
import { sameOriginOnly } from '../http/origin.ts';
import { resolveTerritory, territoryProblems } from '../../reference/boundaries/territory.ts';

export { accountSettings, type AccountOptions, type AccountSettings } from './options.ts';

/** Routes that open a session: exempt from the CSRF check (server/auth `csrfProtection`), Origin-checked here. */
export const SESSION_OPENING_ROUTES = ['POST /api/session', 'POST /api/invitations/accept'] as const;

const MAX_BODY_BYTES = 4 * 1024;

const Email = z
  .string()
  .trim()
  .min(3)
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'correo inválido');
const LoginBody = z.object({ email: Email, password: z.string().min(1).max(MAX_PASSWORD_CHARS) }).strict();
const Territory = z.array(z.string().trim().min(1).max(40)).max(50).optional();
/** mesa and enlace see their territory in detail; the other roles have none */
const territoryFitsRole = (b: { role: string; territory?: string[] }) =>
  (b.role === 'mesa' || b.role === 'enlace') === Boolean(b.territory?.length);
const TERRITORY_RULE = { message: 'mesa y enlace llevan territorio; los demás roles no', path: ['territory'] };
const InvitationBody = z
  .object({ email: Email, role: z.enum(ROLES), territory: Territory })
  .strict()
  .refine(territoryFitsRole, TERRITORY_RULE);
const RoleBody = z
  .object({ role: z.enum(ROLES), territory: Territory })
  .strict()
  .refine(territoryFitsRole, TERRITORY_RULE);
const TokenBody = z
  .object({ role: z.enum(ROLES), name: z.string().trim().min(1).max(120), territory: Territory })
  .strict()
  .refine(territoryFitsRole, TERRITORY_RULE);

/** A numeric id from the path, or NaN. */
const pathId = (raw: string) => (/^\d{1,9}$/.test(raw) ? Number(raw) : NaN);
const AcceptBody = z
  .object({
    token: z.string().min(1).max(100),
    name: z.string().trim().min(1).max(120),
    password: z.string().min(MIN_PASSWORD_CHARS, `mínimo ${MIN_PASSWORD_CHARS} caracteres`).max(MAX_PASSWORD_CHARS),
  })
  .strict();

const jsonBody = <T>(c: Context, schema: z.ZodType<T>): Promise<T> =>
  parseJsonBody(c, schema, { requireJsonType: true });

/** Login CSRF needs a page of another site: the shared origin check (server/http/origin.ts) refuses it. */
const sameSiteOnly = sameOriginOnly();

const noStore: MiddlewareHandler<ApiEnv> = async (c, next) => {
  c.set('skipLru', true);
  c.set('cacheControl', 'no-store');
  await next();
  c.header('Cache-Control', 'no-store');
};

const requireAdmin: MiddlewareHandler<ApiEnv> = async (c, next) => {
  const p = principalOf(c);
  if (!p) throw new AppError('authentication_required');
  if (p.role !== 'admin') throw new AppError('forbidden', `rol ${p.role}`);
  await next();
};

const publicUser = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, territory: u.territory });

export function registerAccounts(app: ApiApp, services: Services): void {
  const settings = services.settings.accounts;
  const accounts = services.repositories.accounts;
  const limit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new AppError('payload_too_large', `máximo ${MAX_BODY_BYTES} bytes`);
    },
  });
  let logins = 0;

  /** Opens a session for `user`: cookie + the body both login routes answer. */
  async function openSession(c: Context<ApiEnv>, user: User) {
    const previous = c.get('session');
    if (previous) await accounts.deleteSession(previous.idHash);
    const sessionId = newSessionId();
    await accounts.createSession({
      idHash: sessionIdHash(settings.key, sessionId),
      userId: user.id,
      expiresAt: new Date(Date.now() + settings.maxAgeMs),
    });
    setSessionCookie(c, sessionId, settings.maxAgeMs / 1000);
    return { user: publicUser(user), csrf_token: csrfTokenFor(settings.key, sessionId) };
  }

  app.post('/api/session', noStore, sameSiteOnly, limit, async (c) => {
    const { email, password } = await jsonBody(c, LoginBody);
    // the audit log records every attempt under the e-mail it named, or the account's subject when one has it
    c.set('loginAttempt', { subject: `login:${email}`, role: '', name: email });
    const ip = clientOf(c).ip;
    const limits = {
      maxFailures: settings.maxFailures,
      ipMaxFailures: settings.ipMaxFailures,
      windowMs: settings.windowMs,
    };
    // claimed before the password is checked: concurrent guesses cannot all pass the lockout check first
    const claim = await accounts.claimLoginAttempt(email, ip, limits);
    if ('blockedMs' in claim) {
      c.header('Retry-After', String(Math.max(1, Math.ceil(claim.blockedMs / 1000))));
      throw new AppError('too_many_attempts');
    }
    const user = await accounts.findUserForLogin(email);
    if (user) c.set('loginAttempt', { subject: `user:${user.id}`, role: user.role, name: user.name });
    // an unknown e-mail pays the same scrypt as a wrong password: timing tells nothing
    const matches = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const ok = Boolean(user) && matches;
    await accounts.settleLoginAttempt(claim.attemptId, ok && !user!.disabled_at);
    if (++logins % 100 === 0) {
      // housekeeping, now and then: old attempts count for nothing, ended sessions open nothing
      await accounts.purgeLoginAttempts(Math.max(settings.windowMs, 86_400_000));
      await accounts.purgeExpiredSessions(settings.idleMs);
    }
    if (!ok) throw new AppError('invalid_credentials');
    if (user!.disabled_at) throw new AppError('account_disabled');
    return c.json(await openSession(c, user!));
  });

  app.get('/api/session', noStore, (c) => {
    const session = c.get('session');
    if (session) return c.json({ user: publicUser(session.user), csrf_token: session.csrfToken });
    const p = principalOf(c);
    if (p) return c.json({ user: null, token: { role: p.role, name: p.name, territory: p.territory } });
    return c.json({ user: null });
  });

  app.delete('/api/session', noStore, async (c) => {
    const session = c.get('session');
    if (session) await accounts.deleteSession(session.idHash);
    clearSessionCookie(c);
    return c.json({ user: null });
  });

  /** The territory of a body in its stored form; 400 `unknown_territory` when an entry names no area of one numbering. */
  function knownTerritory(given: readonly string[] | undefined): string[] {
    const resolved = resolveTerritory(given ?? []);
    const problems = territoryProblems(resolved);
    if (problems) throw new AppError('unknown_territory', problems);
    return resolved.territory;
  }

  app.post('/api/invitations', noStore, requireAdmin, limit, async (c) => {
    const body = await jsonBody(c, InvitationBody);
    const territory = knownTerritory(body.territory);
    const p = principalOf(c)!;
    const { token, invitation } = await accounts.createInvitation({
      email: body.email,
      role: body.role,
      territory,
      createdBy: p.subject ?? `${p.role}:${p.name}`,
      validMs: settings.invitationMs,
    });
    return c.json(
      {
        url: `/#invitacion=${token}`,
        token,
        expires_at: invitation.expires_at.toISOString(),
        email: invitation.email,
        role: invitation.role,
        territory: invitation.territory,
      },
      201,
    );
  });

  app.post('/api/invitations/accept', noStore, sameSiteOnly, limit, async (c) => {
    const body = await jsonBody(c, AcceptBody);
    const r = await accounts.redeemInvitation(body.token, { name: body.name, password: body.password });
    if (!r.ok) {
      if (r.reason === 'account_exists') throw new AppError('account_exists');
      throw new AppError(
        'invitation_invalid',
        { invalid: 'desconocida', used: 'ya se usó', expired: 'venció' }[r.reason],
      );
    }
    return c.json(await openSession(c, r.user), 201);
  });

  app.get('/api/users', noStore, requireAdmin, async (c) => c.json({ items: await accounts.listUsers() }));

  app.patch('/api/users/:id', noStore, requireAdmin, limit, async (c) => {
    const id = pathId(c.req.param('id'));
    const body = await jsonBody(c, RoleBody);
    const territory = knownTerritory(body.territory);
    const result = Number.isInteger(id)
      ? await accounts.changeUserRole(id, { role: body.role, territory })
      : 'not_found';
    if (result === 'not_found') throw new AppError('not_found', 'usuario');
    if (result === 'last_admin') throw new AppError('last_admin');
    return c.json({ id, role: body.role, territory });
  });

  app.get('/api/tokens', noStore, requireAdmin, async (c) =>
    c.json({ items: await services.repositories.tokens.list() }),
  );

  app.post('/api/tokens', noStore, requireAdmin, limit, async (c) => {
    const body = await jsonBody(c, TokenBody);
    const territory = knownTerritory(body.territory);
    const { id, token } = await services.repositories.tokens.issue({ role: body.role, name: body.name, territory });
    return c.json({ id, token, role: body.role, name: body.name, territory }, 201);
  });

  app.delete('/api/tokens/:id', noStore, requireAdmin, async (c) => {
    const id = pathId(c.req.param('id'));
    const revoked = Number.isInteger(id) && (await services.repositories.tokens.revoke({ id }));
    if (!revoked) throw new AppError('not_found', 'token');
    return c.json({ id, revoked: true });
  });

  app.delete('/api/users/:id', noStore, requireAdmin, async (c) => {
    const id = pathId(c.req.param('id'));
    const result = Number.isInteger(id) ? await accounts.disableUser(id) : 'not_found';
    if (result === 'not_found') throw new AppError('not_found', 'usuario');
    if (result === 'last_admin') throw new AppError('last_admin');
    return c.json({ id, disabled: true });
  });
}
