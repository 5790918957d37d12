/**
 * Login attempts per account and per client address: the rate limit and the lockout. A guess
 * claims its attempt before the password is checked, so a race of guesses gets no more checks than
 * the limit allows.
 */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';
import { normaliseEmail } from './accounts.ts';

export async function recordLoginAttempt(
  store: Pick<Store, 'db'>,
  a: { email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await store.db
    .insertInto('login_attempts')
    .values({ email: normaliseEmail(a.email), ip: a.ip, succeeded: a.succeeded })
    .execute();
}

export interface LoginLimits {
  /** failures per e-mail before the lockout; 0 = no lockout */
  maxFailures: number;
  /** failures per IP address within the window; 0 = no limit */
  ipMaxFailures: number;
  /** the window and the lockout's length */
  windowMs: number;
}

/**
 * Milliseconds until `email` (or `ip`) may try again, or 0. Counting only failures after the last
 * success: when the latest failure and the `maxFailures − 1` before it fall within one window, the
 * address is locked until one window after that latest failure. Attempts refused while locked are
 * not recorded (the caller's job), so the lock has a fixed end and hammering cannot extend it.
 * The same per IP with `ipMaxFailures`, where a success resets only the failures of its own
 * e-mail: logging into one's own account must not wipe the count of guesses at other accounts.
 * Times come from the database clock.
 */
export async function loginBlockedForMs(
  store: Pick<Store, 'db'>,
  email: string,
  ip: string,
  limits: LoginLimits,
): Promise<number> {
  const window = `${Math.floor(limits.windowMs)} milliseconds`;
  const blockedFor = async (column: 'email' | 'ip', value: string, max: number): Promise<number> => {
    if (max <= 0) return 0;
    const r = await sql<{ n: number; remaining_ms: number | null }>`
      with failures as (
        select f.attempted_at from login_attempts f
        where f.${sql.ref(column)} = ${value} and not f.succeeded
          and f.attempted_at > now() - ${window}::interval
          and f.attempted_at > coalesce((select max(s.attempted_at) from login_attempts s
                                         where s.${sql.ref(column)} = ${value} and s.email = f.email and s.succeeded), '-infinity')
      ), latest as (select max(attempted_at) as at from failures)
      select count(*)::int as n,
             (extract(epoch from ((select at from latest) + ${window}::interval - now())) * 1000)::float8 as remaining_ms
      from failures where attempted_at > (select at from latest) - ${window}::interval`.execute(store.db);
    const { n, remaining_ms } = r.rows[0];
    return n >= max && remaining_ms !== null ? Math.max(0, Number(remaining_ms)) : 0;
  };
  return Math.max(
    await blockedFor('email', normaliseEmail(email), limits.maxFailures),
    await blockedFor('ip', ip, limits.ipMaxFailures),
  );
}

export type LoginClaim = { blockedMs: number } | { attemptId: string };

/**
 * Claims one login attempt before its password is checked: in one transaction that holds the
 * attempts table against other claims, either the lock is found (`blockedMs`, nothing recorded) or
 * the attempt is recorded as a failure (`attemptId`) for `settleLoginAttempt` to turn into a
 * success. So N guesses sent at once get at most `maxFailures` password checks: each claim sees the
 * ones before it, however long their checks take.
 */
export async function claimLoginAttempt(
  store: Pick<Store, 'db'>,
  email: string,
  ip: string,
  limits: LoginLimits,
): Promise<LoginClaim> {
  return store.db.transaction().execute(async (trx): Promise<LoginClaim> => {
    // self-conflicting but leaves reads free: one claim at a time, for the few milliseconds it takes
    await sql`lock table login_attempts in share row exclusive mode`.execute(trx);
    const blockedMs = await loginBlockedForMs({ db: trx }, email, ip, limits);
    if (blockedMs > 0) return { blockedMs };
    const row = await trx
      .insertInto('login_attempts')
      .values({ email: normaliseEmail(email), ip, succeeded: false })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { attemptId: String(row.id) };
  });
}

/** Records a claimed attempt's outcome (claims are failures until settled as a success). */
export async function settleLoginAttempt(
  store: Pick<Store, 'db'>,
  attemptId: string,
  succeeded: boolean,
): Promise<void> {
  if (succeeded)
    await store.db
      .updateTable('login_attempts')
      .set({ succeeded: true })
      .where('id', '=', attemptId as never)
      .execute();
}

/** Drops attempts older than `olderThanMs` (they no longer count for anything). */
export async function purgeLoginAttempts(store: Pick<Store, 'db'>, olderThanMs: number): Promise<void> {
  await store.db
    .deleteFrom('login_attempts')
    .where('attempted_at', '<', sql<Date>`now() - ${`${Math.floor(olderThanMs)} milliseconds`}::interval`)
    .execute();
}
