/**
 * Account settings: options given to `createApp({accounts})` first, then the environment, then the
 * defaults. Load tests pass `{maxFailures: 0, ipMaxFailures: 0}` so they measure the server, not the limiter.
 *
 *   LOGIN_MAX_FAILURES      failures per e-mail before the lockout (5; 0 = no lockout)
 *   LOGIN_LOCKOUT_MINUTES   the lockout's length, and the window the failures are counted in (15)
 *   LOGIN_IP_MAX_FAILURES   failures per client IP within that window (50; 0 = no limit)
 *   SESSION_IDLE_HOURS      a session unused this long ends (12)
 *   SESSION_MAX_DAYS        a session ends this long after login, whatever the use (7)
 *   INVITATION_DAYS         an invitation link is valid this long (7)
 *   SESSION_KEY             the session key (≥ 32 bytes, hashed); every process given the same one
 *                           accepts the same sessions. Else `sessionKey` (main.ts: kept in PostgreSQL),
 *                           else the file in DATA_DIR, else a per-process random key.
 */
import { secretFromEnvValue } from '../services/ports.ts';
import type { SessionSettings } from '../auth/index.ts';
import { ephemeralSessionKey } from '../auth/session.ts';

export interface AccountOptions {
  /** where `secrets/session-key` lives (created on first start); without it (and without `sessionKey`), a per-process random key */
  dataDir?: string;
  sessionKey?: Buffer;
  maxFailures?: number;
  lockoutMinutes?: number;
  ipMaxFailures?: number;
  sessionIdleHours?: number;
  sessionMaxDays?: number;
  invitationDays?: number;
}

export interface AccountSettings extends SessionSettings {
  maxFailures: number;
  ipMaxFailures: number;
  /** lockout length and counting window */
  windowMs: number;
  /** absolute session lifetime */
  maxAgeMs: number;
  invitationMs: number;
}

export const DEFAULTS = {
  maxFailures: 5,
  lockoutMinutes: 15,
  ipMaxFailures: 50,
  sessionIdleHours: 12,
  sessionMaxDays: 7,
  invitationDays: 7,
} as const;

function fromEnv(env: NodeJS.ProcessEnv, name: string, min: number, integer = true): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || (integer && !Number.isInteger(n)))
    throw new Error(`${name} must be ${integer ? 'an integer' : 'a number'} ≥ ${min}, got "${raw}"`);
  return n;
}

/** Reads (or creates on first start) the session key kept in a data folder; the services construction passes the store's secrets reader. */
export type SessionKeyReader = (dataDir: string) => Buffer;

export function accountSettings(
  given: AccountOptions = {},
  env: NodeJS.ProcessEnv = process.env,
  readSessionKey?: SessionKeyReader,
): AccountSettings {
  const pick = (key: keyof typeof DEFAULTS, envName: string, min: number, integer = true): number => {
    const value = given[key] ?? fromEnv(env, envName, min, integer) ?? DEFAULTS[key];
    if (!Number.isFinite(value) || value < min) throw new Error(`accounts.${key} must be ≥ ${min}, got ${value}`);
    return value;
  };
  const envKey = env.SESSION_KEY ? Buffer.from(secretFromEnvValue('SESSION_KEY', env.SESSION_KEY), 'hex') : undefined;
  if (!given.sessionKey && !envKey && given.dataDir && !readSessionKey)
    throw new Error('accounts.dataDir needs a session-key reader');
  const key = given.sessionKey ?? envKey ?? (given.dataDir ? readSessionKey!(given.dataDir) : ephemeralSessionKey());
  return {
    key,
    maxFailures: pick('maxFailures', 'LOGIN_MAX_FAILURES', 0),
    ipMaxFailures: pick('ipMaxFailures', 'LOGIN_IP_MAX_FAILURES', 0),
    windowMs: pick('lockoutMinutes', 'LOGIN_LOCKOUT_MINUTES', 0, false) * 60_000,
    idleMs: pick('sessionIdleHours', 'SESSION_IDLE_HOURS', 0, false) * 3600_000,
    maxAgeMs: pick('sessionMaxDays', 'SESSION_MAX_DAYS', 0, false) * 86_400_000,
    invitationMs: pick('invitationDays', 'INVITATION_DAYS', 0, false) * 86_400_000,
  };
}
