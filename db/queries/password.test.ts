import { describe, expect, it } from 'vitest';
import { scryptSync } from 'node:crypto';
import { dummyPasswordHash, hashPassword, scryptParams, verifyPassword } from './password.ts';

describe('password hashing (scrypt)', () => {
  it('verifies the right password only; every hash has its own salt', async () => {
    const a = await hashPassword('correcto-caballo');
    const b = await hashPassword('correcto-caballo');
    expect(a).not.toBe(b);
    expect(await verifyPassword('correcto-caballo', a)).toBe(true);
    expect(await verifyPassword('correcto-caballo', b)).toBe(true);
    expect(await verifyPassword('correcto-caballO', a)).toBe(false);
    expect(await verifyPassword('', a)).toBe(false);
  });

  it('is plain scrypt with the stored parameters (checked against node:crypto directly)', async () => {
    const stored = await hashPassword('otra-contraseña', { N: 2 ** 14, r: 8, p: 1 });
    const [, N, r, p, salt, key] = stored.split('$');
    expect([N, r, p]).toEqual(['16384', '8', '1']);
    const expected = scryptSync('otra-contraseña'.normalize('NFC'), Buffer.from(salt, 'base64url'), 32, {
      N: 16384,
      r: 8,
      p: 1,
    });
    expect(Buffer.from(key, 'base64url').equals(expected)).toBe(true);
    // composed and decomposed spellings of "ñ" are the same password
    expect(await verifyPassword('otra-contrasen\u0303a', stored)).toBe(true);
  });

  it('refuses malformed or out-of-bounds hashes without computing them', async () => {
    const good = await hashPassword('x'.repeat(12));
    for (const bad of [
      '',
      'scrypt$1$2$3',
      good.replace(/^scrypt/, 'bcrypt'),
      good.replace('$32768$', '$33554432$'),
      good.replace('$32768$', '$1000$'),
    ]) {
      expect(await verifyPassword('x'.repeat(12), bad), bad).toBe(false);
    }
  });

  it('the dummy hash (for unknown e-mails) uses the same parameters as real ones', async () => {
    const dummy = await dummyPasswordHash();
    expect(dummy.split('$').slice(0, 4)).toEqual((await hashPassword('y'.repeat(12))).split('$').slice(0, 4));
    expect(await dummyPasswordHash()).toBe(dummy);
  });

  it('PASSWORD_SCRYPT_N must be a power of two in range', () => {
    expect(scryptParams({}).N).toBe(32768);
    expect(scryptParams({ PASSWORD_SCRYPT_N: '131072' }).N).toBe(131072);
    for (const bad of ['1000', '1024', 'abc', String(2 ** 21)])
      expect(() => scryptParams({ PASSWORD_SCRYPT_N: bad }), bad).toThrow(/PASSWORD_SCRYPT_N/);
  });
});
