/**
 * Who is asking: `Authorization: Bearer <token>` → the token's principal (role and territory),
 * stored on the context for the policy (server/policy). No header → the public (principal null).
 * A header that is present but not a live token → 401 `invalid_token`: a client that meant to
 * authenticate must learn it failed, rather than silently getting the public view.
 */
import type { MiddlewareHandler } from 'hono';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import { findToken, type Role } from '../../db/queries/tokens.ts';

export { ROLES, type Role } from '../../db/queries/tokens.ts';

export interface Principal {
  role: Role;
  /** alcaldía cvegeo ids or sector names (mesa, enlace); empty for the others */
  territory: readonly string[];
  name: string;
}

export type AuthEnv = { Variables: { principal?: Principal | null } };

/** The bearer token of an `Authorization` header; undefined without one; null when malformed. */
export function bearerToken(header: string | undefined): string | undefined | null {
  if (header === undefined) return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1] : null;
}

const CACHE_MS = 5000;
const CACHE_MAX = 1000;

/**
 * The middleware. Token lookups are memoised for a few seconds (hash → principal), so cached
 * responses stay cheap for authenticated clients too; a revoked token stops working within that time.
 */
export function authenticate(store: Pick<Store, 'db'>): MiddlewareHandler<AuthEnv> {
  const memo = new Map<string, { principal: Principal | null; at: number }>();
  return async (c, next) => {
    const token = bearerToken(c.req.header('authorization'));
    if (token === undefined) {
      c.set('principal', null);
      return next();
    }
    if (token === null) throw new AppError('invalid_token', 'use "Authorization: Bearer <token>"');
    const now = performance.now();
    let hit = memo.get(token);
    if (!hit || now - hit.at > CACHE_MS) {
      const record = await findToken(store, token);
      hit = { principal: record ? { role: record.role, territory: record.territory, name: record.name } : null, at: now };
      if (memo.size >= CACHE_MAX) memo.clear();
      memo.set(token, hit);
    }
    if (!hit.principal) throw new AppError('invalid_token');
    c.set('principal', hit.principal);
    return next();
  };
}

/** The caller (null: the public), as the middleware resolved it. */
export function principalOf(c: { get(key: 'principal'): Principal | null | undefined }): Principal | null {
  return c.get('principal') ?? null;
}
