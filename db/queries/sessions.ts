/**
 * Browser sessions in the store: created at login, found by the HMAC of their id, touched while
 * used, deleted at logout and purged when idle. Only the HMAC of a session id is stored.
 */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';
import { credentialsChanged, toUser, type User } from './accounts.ts';

export async function createSession(
  store: Pick<Store, 'db'>,
  s: { idHash: string; userId: number; expiresAt: Date },
): Promise<void> {
  await store.db
    .insertInto('sessions')
    .values({ id_hash: s.idHash, user_id: s.userId, expires_at: s.expiresAt })
    .execute();
  await store.db
    .updateTable('users')
    .set({ last_login_at: sql`now()` as never })
    .where('id', '=', s.userId)
    .execute();
}

export interface LiveSession {
  sessionId: number;
  lastSeenAt: Date;
  user: User;
}

/**
 * The live session with `idHash`: not past its absolute end, seen within `idleMs`, its user not
 * disabled. Expiry is decided by the database clock (one clock for every server process).
 */
export async function findSession(
  store: Pick<Store, 'db'>,
  idHash: string,
  idleMs: number,
): Promise<LiveSession | undefined> {
  const row = await store.db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      's.id as session_id',
      's.last_seen_at',
      'u.id',
      'u.email',
      'u.name',
      'u.role',
      'u.territory',
      'u.created_at',
      'u.last_login_at',
      'u.disabled_at',
    ])
    .where('s.id_hash', '=', idHash)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('s.last_seen_at', '>', sql<Date>`now() - ${`${Math.floor(idleMs)} milliseconds`}::interval`)
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_id, last_seen_at, ...user } = row;
  return { sessionId: Number(session_id), lastSeenAt: new Date(last_seen_at), user: toUser(user) };
}

/** Marks a session as used now (the idle clock restarts). */
export async function touchSession(store: Pick<Store, 'db'>, sessionId: number): Promise<void> {
  await store.db
    .updateTable('sessions')
    .set({ last_seen_at: sql`now()` as never })
    .where('id', '=', sessionId)
    .execute();
}

export async function deleteSession(store: Pick<Store, 'db'>, idHash: string): Promise<void> {
  await store.db.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
  credentialsChanged();
}

/** Drops sessions past their absolute end or idle longer than `idleMs` (housekeeping). */
export async function purgeExpiredSessions(store: Pick<Store, 'db'>, idleMs: number): Promise<number> {
  const r = await store.db
    .deleteFrom('sessions')
    .where((eb) =>
      eb.or([
        eb('expires_at', '<=', sql<Date>`now()`),
        eb('last_seen_at', '<=', sql<Date>`now() - ${`${Math.floor(idleMs)} milliseconds`}::interval`),
      ]),
    )
    .executeTakeFirst();
  return Number(r.numDeletedRows);
}
