/**
 * The session cookie and the secrets derived from a session id.
 *
 * A session id is 32 random bytes (base64url) that only the browser holds, in the `mc_session`
 * cookie (HttpOnly; SameSite=Lax; Path=/; Secure when the client came over HTTPS, directly or through a trusted proxy). The store keeps
 * HMAC-SHA-256(session key, id), never the id: a copy of the database opens no session, and without
 * the key (DATA_DIR/secrets/session-key, db/secrets.ts) nobody who can write the database can mint one.
 * The CSRF token is a second HMAC of the same id: bound to the session, nothing more to store.
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { clientOf } from '../http/client.ts';

export const SESSION_COOKIE = 'mc_session';
const SESSION_ID_RE = /^[A-Za-z0-9_-]{43}$/;

let processKey: Buffer | undefined;
/**
 * A key for servers started without DATA_DIR (tests, in-memory stores): random, shared by every app
 * of this process, gone when it exits — sessions end with the process, which is what such a server wants.
 */
export function ephemeralSessionKey(): Buffer {
  return (processKey ??= randomBytes(32));
}

export function newSessionId(): string {
  return randomBytes(32).toString('base64url');
}

/** Whether a cookie value can be a session id at all (anything else is ignored without a lookup). */
export function isSessionId(value: string | undefined): value is string {
  return value !== undefined && SESSION_ID_RE.test(value);
}

export function sessionIdHash(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(`session:${sessionId}`).digest('hex');
}

export function csrfTokenFor(key: Buffer, sessionId: string): string {
  return createHmac('sha256', key).update(`csrf:${sessionId}`).digest('base64url');
}

/** Constant-time string equality (both sides hashed first, so lengths never leak or throw). */
export function safeEqual(a: string, b: string): boolean {
  const h = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(h(a), h(b)) && a.length === b.length;
}

/** HTTPS as the client saw it: TLS on the socket, or a trusted proxy's `X-Forwarded-Proto` (server/http/client.ts). */
export function cameOverHttps(c: Context): boolean {
  return clientOf(c).scheme === 'https';
}

export function setSessionCookie(c: Context, sessionId: string, maxAgeSeconds: number): void {
  setCookie(c, SESSION_COOKIE, sessionId, {
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    secure: cameOverHttps(c),
    maxAge: Math.floor(maxAgeSeconds),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, sameSite: 'Lax', path: '/', secure: cameOverHttps(c) });
}
