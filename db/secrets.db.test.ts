/**
 * Secrets shared by several processes: from the environment (hashed), or generated once into the
 * store. Passphrases below are hand-written examples.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from './connect.ts';
import { resolveSecret, secretFromEnvValue } from './secrets.ts';

const LONG = 'una frase de paso larga, de más de treinta y dos bytes';

describe('secrets for several processes', () => {
  let a: Store;
  const dirs = [mkdtempSync(join(tmpdir(), 'mc-sec-a-')), mkdtempSync(join(tmpdir(), 'mc-sec-b-'))];
  beforeAll(async () => {
    a = await openStore({ memory: true });
  });
  afterAll(async () => {
    await a.close();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('takes SESSION_KEY / CHAT_SALT from the environment, hashed with SHA-256, whatever DATA_DIR says', async () => {
    const expected = createHash('sha256').update(LONG).digest('hex');
    for (const dataDir of dirs) {
      expect(await resolveSecret('session-key', { env: { SESSION_KEY: LONG }, dataDir })).toBe(expected);
      expect(await resolveSecret('chat-salt', { env: { CHAT_SALT: LONG }, store: a, inDatabase: true })).toBe(expected);
    }
  });

  it('refuses a value shorter than 32 bytes with a message naming the variable', async () => {
    expect(() => secretFromEnvValue('SESSION_KEY', 'corta')).toThrow(/SESSION_KEY.*32 bytes/);
    await expect(resolveSecret('chat-salt', { env: { CHAT_SALT: 'x'.repeat(31) } })).rejects.toThrow(/CHAT_SALT/);
    expect(secretFromEnvValue('SESSION_KEY', 'x'.repeat(32))).toMatch(/^[0-9a-f]{64}$/);
  });

  it('without the variable, generates one value in the store that every caller gets, even when they ask at once', async () => {
    const asked = await Promise.all(
      [1, 2, 3, 4].map(() => resolveSecret('session-key', { env: {}, store: a, inDatabase: true })),
    );
    expect(new Set(asked).size).toBe(1);
    expect(asked[0]).toMatch(/^[0-9a-f]{64}$/);
    const salt = await resolveSecret('chat-salt', { env: {}, store: a, inDatabase: true });
    expect(salt).not.toBe(asked[0]);
    // files per DATA_DIR (PGlite) differ: exactly what several processes must not rely on
    const fromFiles = await Promise.all(dirs.map((dataDir) => resolveSecret('session-key', { env: {}, dataDir })));
    expect(fromFiles[0]).not.toBe(fromFiles[1]);
  });
});
