/**
 * API bearer tokens: creation and lookup. A token is `mc_` + 32 random bytes in base64url
 * (256 bits: guessing is hopeless, so a plain SHA-256 is the right hash — no slow KDF needed, as
 * for passwords); only that hash is stored. Lookups compare hashes in SQL through a unique index.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Store } from '../connect.ts';

import { ROLES, type Role } from '../schema.ts';

export { ROLES, type Role } from '../schema.ts';

export const TOKEN_PREFIX = 'mc_';
const TOKEN_RE = /^mc_[A-Za-z0-9_-]{43}$/;

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface TokenRecord {
  id: number;
  role: Role;
  name: string;
  territory: string[];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A fresh random token string (not stored). */
export function generateToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Creates a token; returns the token itself (shown once) — the store keeps only its hash. */
export async function createToken(
  store: Pick<Store, 'db'>,
  t: { role: Role; name: string; territory?: readonly string[] },
): Promise<string> {
  return (await issueToken(store, t)).token;
}

/** Creates a token; returns it (shown once) with the id that lists and revokes it. */
export async function issueToken(
  store: Pick<Store, 'db'>,
  t: { role: Role; name: string; territory?: readonly string[] },
): Promise<{ id: number; token: string }> {
  const token = generateToken();
  const row = await store.db
    .insertInto('api_tokens')
    .values({
      token_sha256: hashToken(token),
      role: t.role,
      name: t.name,
      territory: sql`${JSON.stringify([...(t.territory ?? [])])}::jsonb`,
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: Number(row.id), token };
}

export interface TokenListing extends TokenRecord {
  created_at: string;
  revoked_at: string | null;
}

/** Every token, newest first: what it grants and when it was revoked (never the token or its hash). */
export async function listTokens(store: Pick<Store, 'db'>): Promise<TokenListing[]> {
  const rows = await store.db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name', 'territory', 'created_at', 'revoked_at'])
    .orderBy('id', 'desc')
    .execute();
  return rows.map((row) => ({
    id: Number(row.id),
    role: row.role,
    name: row.name,
    territory: (typeof row.territory === 'string' ? (JSON.parse(row.territory) as string[]) : row.territory).map(
      String,
    ),
    created_at: new Date(row.created_at).toISOString(),
    revoked_at: row.revoked_at ? new Date(row.revoked_at).toISOString() : null,
  }));
}

/** The live token record for `token`, or undefined (malformed, unknown or revoked). */
export async function findToken(store: Pick<Store, 'db'>, token: string): Promise<TokenRecord | undefined> {
  if (!TOKEN_RE.test(token)) return undefined;
  const row = await store.db
    .selectFrom('api_tokens')
    .select(['id', 'role', 'name', 'territory'])
    .where('token_sha256', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const territory = typeof row.territory === 'string' ? (JSON.parse(row.territory) as string[]) : row.territory;
  return { id: Number(row.id), role: row.role, name: row.name, territory: territory.map(String) };
}
