import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readOrCreateSecret } from './secrets.ts';

describe('secrets in DATA_DIR', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-secrets-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates 32 random bytes (hex) on first use, mode 0600 in a 0700 folder, and returns the same value afterwards', () => {
    const key = readOrCreateSecret(dir, 'session-key');
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(join(dir, 'secrets', 'session-key'), 'utf8')).toBe(key);
    expect(statSync(join(dir, 'secrets', 'session-key')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'secrets')).mode & 0o777).toBe(0o700);
    expect(readOrCreateSecret(dir, 'session-key')).toBe(key);
    expect(readOrCreateSecret(dir, 'chat-salt')).not.toBe(key);
  });

  it('tightens a file left too open, and refuses one too short', () => {
    const file = join(dir, 'secrets', 'session-key');
    writeFileSync(file, 'ab'.repeat(32), { mode: 0o644 });
    expect(readOrCreateSecret(dir, 'session-key')).toBe('ab'.repeat(32));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    writeFileSync(file, 'abc');
    expect(() => readOrCreateSecret(dir, 'session-key')).toThrow(/too short/);
  });
});
