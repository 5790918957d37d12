import { afterEach, describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { runCommand } from './index.ts';

function captured() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) } };
}
const noStore = async () => {
  throw new Error('config must not open the store');
};

describe('cli config', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('prints every setting as NAME=value, secrets masked, without opening the store', async () => {
    vi.stubEnv('PORT', '9090');
    vi.stubEnv('SESSION_KEY', 'x'.repeat(40));
    vi.stubEnv('DATABASE_REPLICA_URL', 'postgres://r:pw@replica/mapa');
    const { out, io } = captured();
    expect(await runCommand(['config'], { store: noStore, io })).toBe(0);
    const lines = out.join('').trim().split('\n');
    expect(lines).toContain('PORT=9090');
    expect(lines).toContain('SESSION_KEY=(definida)');
    expect(lines).toContain('DATABASE_REPLICA_URL=postgres://r:***@replica/mapa');
    expect(out.join('')).not.toContain('x'.repeat(40));
  });

  it('prints one line for each variable .env.example documents, and no other', async () => {
    const example = readFileSync(new URL('../.env.example', import.meta.url), 'utf8');
    const documented = [...example.matchAll(/^#?\s*([A-Z][A-Z0-9_]+)=/gm)].map((m) => m[1]);
    expect(documented.length).toBeGreaterThan(20);
    const { out, io } = captured();
    expect(await runCommand(['config'], { store: noStore, io })).toBe(0);
    const printed = out
      .join('')
      .trim()
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('=')));
    expect([...printed].sort()).toEqual([...documented].sort());
  });

  it('exits 2 naming the invalid variable', async () => {
    vi.stubEnv('REPORTS_RATE_LIMIT', 'mucho');
    const { err, io } = captured();
    expect(await runCommand(['config'], { store: noStore, io })).toBe(2);
    expect(err.join('')).toMatch(/REPORTS_RATE_LIMIT: .* — REPORTS_RATE_LIMIT must be an integer ≥ 0/);
  });
});
