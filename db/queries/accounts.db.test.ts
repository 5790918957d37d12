/**
 * Account queries on both backends: what is stored (hashes only), e-mail uniqueness, invitations
 * used once even when two requests race, and the lockout arithmetic on the database clock.
 */
import { expect, it } from 'vitest';
import { sql } from 'kysely';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import {
  createInvitation,
  createUser,
  credentialsEpoch,
  disableUser,
  findUserForLogin,
  redeemInvitation,
} from './accounts.ts';
import { loginBlockedForMs, recordLoginAttempt } from './login-attempts.ts';
import { verifyPassword } from './password.ts';

const PASSWORD = 'una-contraseña-larga';
const DAY = 86_400_000;

describeEachBackend(
  'account queries',
  (getStore) => {
    it('stores a scrypt hash with its parameters, never the password; e-mails are unique whatever their case', async () => {
      const store = getStore();
      const user = await createUser(store, { email: 'Zoe@Example.MX', password: PASSWORD, role: 'admin', name: 'Zoe' });
      const row = (
        await sql<{ password_hash: string }>`select password_hash from users where id = ${user.id}`.execute(store.db)
      ).rows[0];
      expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$3\$[A-Za-z0-9_-]{22}\$[A-Za-z0-9_-]{43}$/);
      expect(row.password_hash).not.toContain(PASSWORD);
      expect(await verifyPassword(PASSWORD, row.password_hash)).toBe(true);
      expect((await findUserForLogin(store, ' ZOE@example.mx'))?.id).toBe(user.id);
      await expect(
        createUser(store, { email: 'zoe@example.mx', password: PASSWORD, role: 'admin', name: 'Otra' }),
      ).rejects.toThrow();
    });

    it('redeems an invitation once, even when two redemptions race', async () => {
      const store = getStore();
      const { token } = await createInvitation(store, {
        email: 'race@example.mx',
        role: 'moderador',
        createdBy: 'test',
        validMs: DAY,
      });
      const results = await Promise.all([
        redeemInvitation(store, token, { name: 'A', password: PASSWORD }),
        redeemInvitation(store, token, { name: 'B', password: PASSWORD }),
      ]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.reason)).toEqual([
        expect.stringMatching(/^(used|account_exists)$/),
      ]);
      const users = await sql<{
        n: number;
      }>`select count(*)::int as n from users where email = 'race@example.mx'`.execute(store.db);
      expect(users.rows[0].n).toBe(1);
      expect(await redeemInvitation(store, 'inv_short', { name: 'C', password: PASSWORD })).toEqual({
        ok: false,
        reason: 'invalid',
      });
    });

    it('locks after N failures within the window, until one window after the latest; a success resets the count', async () => {
      const store = getStore();
      const limits = { maxFailures: 3, ipMaxFailures: 0, windowMs: 15 * 60_000 };
      const email = 'lock@example.mx';
      const back = (minutes: number) =>
        sql`update login_attempts set attempted_at = attempted_at - ${`${minutes} minutes`}::interval where email = ${email}`.execute(
          store.db,
        );
      for (let i = 0; i < 2; i++) await recordLoginAttempt(store, { email, ip: '10.0.0.1', succeeded: false });
      expect(await loginBlockedForMs(store, email, '10.0.0.1', limits)).toBe(0);
      await back(10); // the first two failures were 10 minutes ago
      await recordLoginAttempt(store, { email: 'LOCK@example.mx', ip: '10.0.0.1', succeeded: false });
      const blocked = await loginBlockedForMs(store, email, '10.0.0.1', limits);
      expect(blocked).toBeGreaterThan(14 * 60_000);
      expect(blocked).toBeLessThanOrEqual(15 * 60_000);
      await back(10); // the oldest two are now 20 minutes old, the latest 10: outside one window of each other
      expect(await loginBlockedForMs(store, email, '10.0.0.1', limits)).toBe(0);
      for (let i = 0; i < 3; i++) await recordLoginAttempt(store, { email, ip: '10.0.0.2', succeeded: false });
      expect(await loginBlockedForMs(store, email, '10.0.0.9', limits)).toBeGreaterThan(0);
      await back(16);
      expect(await loginBlockedForMs(store, email, '10.0.0.9', limits)).toBe(0);
      // per IP, across e-mails
      const ipLimits = { maxFailures: 0, ipMaxFailures: 2, windowMs: 15 * 60_000 };
      await recordLoginAttempt(store, { email: 'a@x.mx', ip: '10.9.9.9', succeeded: false });
      expect(await loginBlockedForMs(store, 'c@x.mx', '10.9.9.9', ipLimits)).toBe(0);
      await recordLoginAttempt(store, { email: 'b@x.mx', ip: '10.9.9.9', succeeded: false });
      expect(await loginBlockedForMs(store, 'c@x.mx', '10.9.9.9', ipLimits)).toBeGreaterThan(0);
      // b's success from that IP resets b's failures only: a's still counts, and a new failure locks again
      await recordLoginAttempt(store, { email: 'b@x.mx', ip: '10.9.9.9', succeeded: true });
      expect(await loginBlockedForMs(store, 'c@x.mx', '10.9.9.9', ipLimits)).toBe(0);
      await recordLoginAttempt(store, { email: 'd@x.mx', ip: '10.9.9.9', succeeded: false });
      expect(await loginBlockedForMs(store, 'c@x.mx', '10.9.9.9', ipLimits)).toBeGreaterThan(0);
    });

    it('disabling a user moves the credentials epoch; territories must be real alcaldías or sectores', async () => {
      const store = getStore();
      const user = await createUser(store, { email: 'off@example.mx', password: PASSWORD, role: 'admin', name: 'Off' });
      // the only active admin account stays (the admins of earlier tests disabled first)
      await sql`update users set disabled_at = now() where role = 'admin' and id <> ${user.id}`.execute(store.db);
      expect(await disableUser(store, user.id)).toBe('last_admin');
      expect((await findUserForLogin(store, 'off@example.mx'))?.disabled_at).toBeNull();
      await createUser(store, { email: 'on@example.mx', password: PASSWORD, role: 'admin', name: 'On' });
      const before = credentialsEpoch();
      expect(await disableUser(store, user.id)).toBe('disabled');
      expect(credentialsEpoch()).toBeGreaterThan(before);
      expect((await findUserForLogin(store, 'off@example.mx'))?.disabled_at).toBeInstanceOf(Date);
    });
  },
  { contents: 'full' },
);
