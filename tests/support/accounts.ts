/**
 * Test helpers for code that needs a logged-in browser: create a user in the store, then log in
 * through the API as a browser would, and send back the cookie (and the CSRF token on writes).
 */
import { randomBytes } from 'node:crypto';
import type { Hono } from 'hono';
import type { Store } from '../../db/connect.ts';
import { createUser } from '../../db/queries/accounts.ts';
import type { Role } from '../../db/queries/tokens.ts';

const JSON_HEADERS = { 'content-type': 'application/json' };

/** POST /api/session; returns the response, its body, the raw Set-Cookie and the cookie pair to send back. */
export async function login(app: Hono, email: string, password: string, headers: Record<string, string> = {}) {
  const res = await app.request('/api/session', {
    method: 'POST',
    headers: { ...JSON_HEADERS, ...headers },
    body: JSON.stringify({ email, password }),
  });
  const body = (await res.json()) as any;
  const setCookie = res.headers.get('set-cookie') ?? '';
  const cookie = /^(mc_session=[^;]+)/.exec(setCookie)?.[1];
  return { res, body, setCookie, cookie, csrf: body.csrf_token as string | undefined };
}

/** A new user of `role` logged in on `app`: headers for reads (`cookie`) and for writes (`cookie` + `x-csrf-token`). */
export async function sessionAs(app: Hono, store: Pick<Store, 'db'>, role: Role, territory: readonly string[] = []) {
  const email = `${role}-${randomBytes(6).toString('hex')}@example.mx`;
  const password = randomBytes(12).toString('base64url');
  const user = await createUser(store, { email, password, role, name: `Prueba ${role}`, territory });
  const s = await login(app, email, password);
  if (s.res.status !== 200 || !s.cookie || !s.csrf) throw new Error(`sessionAs: login answered ${s.res.status}`);
  return { user, read: { cookie: s.cookie }, write: { cookie: s.cookie, 'x-csrf-token': s.csrf } };
}
