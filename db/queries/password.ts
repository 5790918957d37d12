/**
 * Password hashing with scrypt (node:crypto; Percival 2009, RFC 7914). Each hash carries its own
 * random salt and its parameters — `scrypt$<N>$<r>$<p>$<salt>$<hash>` (base64url) — so the cost can
 * be raised later without invalidating stored passwords.
 *
 * Cost: N = 2^15, r = 8, p = 3 — one of the equivalent settings that OWASP's password storage
 * cheat sheet lists beside N = 2^17, p = 1: the same work in 32 MiB instead of 128 MiB, which suits
 * the small 2-core machines the server is meant for. The login rate limit (server/accounts) bounds
 * online guessing on top. `PASSWORD_SCRYPT_N` (a power of two) raises N.
 */
import { parseConfig } from '../../core/config/index.ts';
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 15, r: 8, p: 3 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;
/** hashes outside these bounds are refused rather than computed (a tampered row must not stall the server) */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export const MIN_PASSWORD_CHARS = 10;
export const MAX_PASSWORD_CHARS = 200;

function scryptAsync(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; Node's default ceiling (32 MiB) is exactly N = 2^15, r = 8
  const options: ScryptOptions = {
    N: params.N,
    r: params.r,
    p: params.p,
    maxmem: 256 * params.N * params.r + 1024 * 1024,
  };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_BYTES, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** The parameters from the environment (`PASSWORD_SCRYPT_N`), else the defaults. */
export function scryptParams(env: NodeJS.ProcessEnv = process.env): ScryptParams {
  const N = parseConfig(env).PASSWORD_SCRYPT_N;
  return N === DEFAULT_SCRYPT.N ? DEFAULT_SCRYPT : { ...DEFAULT_SCRYPT, N };
}

/** A new hash of `password` with a fresh salt. */
export async function hashPassword(password: string, params: ScryptParams = scryptParams()): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scryptAsync(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  if (
    ![N, r, p].every((n) => Number.isInteger(n) && n > 0) ||
    N > MAX_N ||
    r > MAX_R ||
    p > MAX_P ||
    (N & (N - 1)) !== 0
  )
    return undefined;
  const salt = Buffer.from(parts[4], 'base64url');
  const key = Buffer.from(parts[5], 'base64url');
  if (salt.length < 8 || key.length !== KEY_BYTES) return undefined;
  return { params: { N, r, p }, salt, key };
}

/** Whether `password` matches `stored`, compared in constant time; false for a malformed hash. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await scryptAsync(password, parsed.salt, parsed.params);
  return timingSafeEqual(key, parsed.key);
}

let dummy: Promise<string> | undefined;
/**
 * A hash no password matches in practice, with the current parameters: verifying against it when
 * the e-mail is unknown costs what a wrong password costs, so timing does not tell them apart.
 */
export function dummyPasswordHash(): Promise<string> {
  return (dummy ??= hashPassword(randomBytes(32).toString('base64url')));
}
