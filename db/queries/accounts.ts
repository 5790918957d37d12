/**
 * Accounts in the store (migration 005): users, invitations and token revocation (sessions:
 * ./sessions.ts; login attempts: ./login-attempts.ts). Only hashes of secrets are stored (passwords: scrypt, db/queries/password.ts; session
 * ids: an HMAC the server computes; invitation tokens: SHA-256, 256 random bits like API tokens).
 *
 * `credentialsEpoch()` counts the changes that must end access at once (a revoked token, a
 * disabled user, a deleted session): the server's authentication memo (server/auth) drops its
 * entries when the epoch moves, so such a change takes effect on the next request in this process.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../connect.ts';
import { hashPassword } from './password.ts';
import type { Role } from '../schema.ts';
import { hashToken } from './tokens.ts';

let epoch = 0;
/** Moves whenever some credential stops being valid (see the module comment). */
export function credentialsEpoch(): number {
  return epoch;
}
export function credentialsChanged(): void {
  epoch++;
}

/** The one spelling of an address: trimmed, lower-cased. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

const jsonb = (values: readonly string[]) => sql`${JSON.stringify([...values].map(String))}::jsonb`;
const territoryOf = (v: string[] | string): string[] =>
  (typeof v === 'string' ? (JSON.parse(v) as unknown[]) : v).map(String);

/** A user as the API shows it: never the hash. */
export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  territory: string[];
  created_at: Date;
  last_login_at: Date | null;
  disabled_at: Date | null;
}

const USER_COLUMNS = [
  'id',
  'email',
  'name',
  'role',
  'territory',
  'created_at',
  'last_login_at',
  'disabled_at',
] as const;
export function toUser(row: {
  id: number;
  email: string;
  name: string;
  role: Role;
  territory: string[] | string;
  created_at: Date;
  last_login_at: Date | null;
  disabled_at: Date | null;
}): User {
  return { ...row, id: Number(row.id), territory: territoryOf(row.territory) };
}

export interface NewUser {
  email: string;
  /** the plain password (hashed here); or `passwordHash`, already made by `hashPassword` */
  password?: string;
  passwordHash?: string;
  role: Role;
  name: string;
  territory?: readonly string[];
}

/** Creates a user (password hashed with scrypt here); a taken e-mail throws the store's unique-violation error. */
export async function createUser(store: Pick<Store, 'db'>, u: NewUser): Promise<User> {
  if (u.passwordHash === undefined && u.password === undefined)
    throw new Error('createUser: password or passwordHash required');
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password!));
  const row = await store.db
    .insertInto('users')
    .values({
      email: normaliseEmail(u.email),
      name: u.name.trim(),
      role: u.role,
      territory: jsonb(u.territory ?? []),
      password_hash: passwordHash,
    })
    .returning(USER_COLUMNS)
    .executeTakeFirstOrThrow();
  return toUser(row);
}

/** The user with `email` and its password hash (disabled ones too: the caller decides), or undefined. */
export async function findUserForLogin(
  store: Pick<Store, 'db'>,
  email: string,
): Promise<(User & { password_hash: string }) | undefined> {
  const row = await store.db
    .selectFrom('users')
    .select([...USER_COLUMNS, 'password_hash'])
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row ? { ...toUser(row), password_hash: row.password_hash } : undefined;
}

export async function userByEmail(store: Pick<Store, 'db'>, email: string): Promise<User | undefined> {
  const row = await store.db
    .selectFrom('users')
    .select(USER_COLUMNS)
    .where('email', '=', normaliseEmail(email))
    .executeTakeFirst();
  return row ? toUser(row) : undefined;
}

export async function listUsers(store: Pick<Store, 'db'>): Promise<User[]> {
  const rows = await store.db.selectFrom('users').select(USER_COLUMNS).orderBy('id').execute();
  return rows.map(toUser);
}

export type DisableResult = 'disabled' | 'not_found' | 'last_admin';

/**
 * Disables a user and ends its sessions. The last active admin account is kept (`last_admin`):
 * without one nobody could invite or disable anyone. The admin rows are locked first, so two admins
 * disabling each other at once cannot both succeed.
 */
export async function disableUser(store: Pick<Store, 'db'>, id: number): Promise<DisableResult> {
  const done = await store.db.transaction().execute(async (trx): Promise<DisableResult> => {
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    if (admins.length === 1 && admins[0].id === id) return 'last_admin';
    const r = await trx
      .updateTable('users')
      .set({ disabled_at: sql`coalesce(disabled_at, now())` as never })
      .where('id', '=', id)
      .executeTakeFirst();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return Number(r.numUpdatedRows) > 0 ? 'disabled' : 'not_found';
  });
  credentialsChanged();
  return done;
}

export type RoleChangeResult = 'changed' | 'not_found' | 'last_admin';

/**
 * Gives a user another role and territory and ends its sessions (the next login carries the new
 * role). Demoting the last active admin is refused (`last_admin`), under the same row lock as
 * `disableUser`.
 */
export async function changeUserRole(
  store: Pick<Store, 'db'>,
  id: number,
  change: { role: Role; territory: readonly string[] },
): Promise<RoleChangeResult> {
  const done = await store.db.transaction().execute(async (trx): Promise<RoleChangeResult> => {
    const admins = await trx
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('disabled_at', 'is', null)
      .orderBy('id')
      .forUpdate()
      .execute();
    if (change.role !== 'admin' && admins.length === 1 && admins[0].id === id) return 'last_admin';
    const r = await trx
      .updateTable('users')
      .set({ role: change.role, territory: jsonb(change.territory) })
      .where('id', '=', id)
      .executeTakeFirst();
    await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
    return Number(r.numUpdatedRows) > 0 ? 'changed' : 'not_found';
  });
  credentialsChanged();
  return done;
}

// ---- sessions ----
// ---- invitations ----

export const INVITATION_PREFIX = 'inv_';
const INVITATION_RE = /^inv_[A-Za-z0-9_-]{43}$/;

export interface Invitation {
  id: number;
  email: string;
  role: Role;
  territory: string[];
  expires_at: Date;
}

/** Creates an invitation; returns its token (shown once — only its SHA-256 is stored). */
export async function createInvitation(
  store: Pick<Store, 'db'>,
  inv: { email: string; role: Role; territory?: readonly string[]; createdBy: string; validMs: number },
): Promise<{ token: string; invitation: Invitation }> {
  const token = `${INVITATION_PREFIX}${randomBytes(32).toString('base64url')}`;
  const row = await store.db
    .insertInto('invitations')
    .values({
      token_sha256: hashToken(token),
      email: normaliseEmail(inv.email),
      role: inv.role,
      territory: jsonb(inv.territory ?? []),
      created_by: inv.createdBy,
      expires_at: sql`now() + ${`${Math.floor(inv.validMs)} milliseconds`}::interval` as never,
    })
    .returning(['id', 'email', 'role', 'territory', 'expires_at'])
    .executeTakeFirstOrThrow();
  return {
    token,
    invitation: {
      ...row,
      id: Number(row.id),
      territory: territoryOf(row.territory),
      expires_at: new Date(row.expires_at),
    },
  };
}

export type RedeemResult =
  { ok: true; user: User } | { ok: false; reason: 'invalid' | 'used' | 'expired' | 'account_exists' };

/**
 * Uses an invitation: in one transaction, claims it (unused, unexpired; the row lock makes a second
 * concurrent use wait and then find it used) and creates the user with its e-mail, role and territory.
 */
export async function redeemInvitation(
  store: Pick<Store, 'db'>,
  token: string,
  account: { name: string; password: string },
): Promise<RedeemResult> {
  if (!INVITATION_RE.test(token)) return { ok: false, reason: 'invalid' };
  const passwordHash = await hashPassword(account.password);
  return store.db.transaction().execute(async (trx): Promise<RedeemResult> => {
    const inv = await trx
      .selectFrom('invitations')
      .select(['id', 'email', 'role', 'territory', 'used_at', sql<boolean>`expires_at <= now()`.as('expired')])
      .where('token_sha256', '=', hashToken(token))
      .forUpdate()
      .executeTakeFirst();
    if (!inv) return { ok: false, reason: 'invalid' };
    if (inv.used_at !== null) return { ok: false, reason: 'used' };
    if (inv.expired) return { ok: false, reason: 'expired' };
    const taken = await trx.selectFrom('users').select('id').where('email', '=', inv.email).executeTakeFirst();
    if (taken) return { ok: false, reason: 'account_exists' };
    const user = await trx
      .insertInto('users')
      .values({
        email: inv.email,
        name: account.name.trim(),
        role: inv.role,
        territory: jsonb(territoryOf(inv.territory)),
        password_hash: passwordHash,
      })
      .returning(USER_COLUMNS)
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('invitations')
      .set({ used_at: sql`now()` as never, user_id: user.id })
      .where('id', '=', inv.id)
      .execute();
    return { ok: true, user: toUser(user) };
  });
}

// ---- login attempts (rate limit and lockout) ----
// ---- API tokens ----

/** Revokes an API token (db/queries/tokens.ts) by id or by the token itself; false when no live token matches. */
export async function revokeToken(
  store: Pick<Store, 'db'>,
  which: { id: number } | { token: string },
): Promise<boolean> {
  const r = await store.db
    .updateTable('api_tokens')
    .set({ revoked_at: sql`now()` as never })
    .where((eb) => ('id' in which ? eb('id', '=', which.id) : eb('token_sha256', '=', hashToken(which.token))))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  credentialsChanged();
  return Number(r.numUpdatedRows) > 0;
}
