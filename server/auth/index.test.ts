import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { openStore, type Store } from '../../db/connect.ts';
import { runCommand } from '../../cli/index.ts';
import { createApp } from '../app.ts';
import { bearerToken } from './index.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

describe('bearer header parsing', () => {
  it('takes the token of "Bearer <token>", undefined without a header, null when malformed', () => {
    expect(bearerToken('Bearer mc_abc')).toBe('mc_abc');
    expect(bearerToken('bearer  mc_abc ')).toBe('mc_abc');
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('Basic eA==')).toBeNull();
    expect(bearerToken('Bearer')).toBeNull();
  });
});

describe('token create (CLI) and the middleware', () => {
  let store: Store;
  beforeAll(async () => {
    store = await openStore({ memory: true });
  });
  afterAll(async () => {
    await store.close();
  });

  it('prints one line holding only a high-entropy token and stores only its SHA-256, role, name and territory', async () => {
    const { io, out, err } = capture();
    const code = await runCommand(
      // ALAMEDA is a sector of the 2023 numbering only (data/boundaries): stored qualified
      ['token', 'create', '--role', 'enlace', '--name', 'Enlace Cuauhtémoc', '--territory', '09015,ALAMEDA'],
      { store, io },
    );
    expect(code).toBe(0);
    expect(err.join('')).toBe('');
    const printed = out.join('');
    expect(printed).toMatch(/^mc_[A-Za-z0-9_-]{43}\n$/);
    const token = printed.trim();
    const rows = await sql<Record<string, unknown>>`select * from api_tokens`.execute(store.db);
    expect(rows.rows).toHaveLength(1);
    const row = rows.rows[0];
    expect(row.token_sha256).toBe(createHash('sha256').update(token).digest('hex'));
    expect(row).toMatchObject({ role: 'enlace', name: 'Enlace Cuauhtémoc', territory: ['09015', '2023:ALAMEDA'] });
    expect(JSON.stringify(row)).not.toContain(token.slice(3));
    // two tokens never repeat
    const again = capture();
    await runCommand(['token', 'create', '--role', 'admin', '--name', 'x'], { store, io: again.io });
    expect(again.out.join('').trim()).not.toBe(token);
  });

  it('an unknown role (or a missing name) exits 2 with a message on stderr and stores nothing', async () => {
    const before = Number(
      (await sql<{ n: number }>`select count(*)::int as n from api_tokens`.execute(store.db)).rows[0].n,
    );
    for (const args of [
      ['token', 'create', '--role', 'superuser', '--name', 'x'],
      ['token', 'create', '--role', 'admin'],
      ['token', 'list'],
    ]) {
      const { io, out, err } = capture();
      expect(await runCommand(args, { store, io }), args.join(' ')).toBe(2);
      expect(out.join('')).toBe('');
      expect(err.join('')).toMatch(/token/);
    }
    expect(
      Number((await sql<{ n: number }>`select count(*)::int as n from api_tokens`.execute(store.db)).rows[0].n),
    ).toBe(before);
  });

  it('an unknown territory, or a sector name of both numberings without one, exits 2 with unknown_territory and stores nothing', async () => {
    const count = async () =>
      Number((await sql<{ n: number }>`select count(*)::int as n from api_tokens`.execute(store.db)).rows[0].n);
    const before = await count();
    // 99999 is no cvegeo; OASIS is a sector in 2016 and in 2023 (data/boundaries); 2016:ALAMEDA exists only in 2023
    for (const territory of ['99999', 'OASIS', '2016:ALAMEDA', '09015,2016:NO-EXISTE']) {
      const { io, out, err } = capture();
      const args = ['token', 'create', '--role', 'enlace', '--name', 'x', '--territory', territory];
      expect(await runCommand(args, { store, io }), territory).toBe(2);
      expect(out.join('')).toBe('');
      expect(JSON.parse(err.join('')).error.code, territory).toBe('unknown_territory');
    }
    expect(await count()).toBe(before);
    const { io, out } = capture();
    expect(
      await runCommand(['token', 'create', '--role', 'enlace', '--name', 'x', '--territory', '2016:OASIS'], {
        store,
        io,
      }),
    ).toBe(0);
    const row = await sql<{
      territory: string[];
    }>`select territory from api_tokens where token_sha256 = ${createHash('sha256').update(out.join('').trim()).digest('hex')}`.execute(
      store.db,
    );
    expect(row.rows[0]!.territory).toEqual(['2016:OASIS']);
  });

  it('resolves a created token to its role; a guessed one is 401 invalid_token', async () => {
    const { io, out } = capture();
    await runCommand(['token', 'create', '--role', 'admin', '--name', 'api'], { store, io });
    const app = createApp({ store });
    const ok = await app.request('/api/hotspots?res=11', {
      headers: { Authorization: `Bearer ${out.join('').trim()}` },
    });
    expect(ok.status).toBe(200); // admin: any resolution
    const anonymous = await app.request('/api/hotspots?res=11');
    expect(anonymous.status).toBe(403);
    const guessed = await app.request('/api/hotspots?res=8', {
      headers: { Authorization: `Bearer mc_${'x'.repeat(43)}` },
    });
    expect(guessed.status).toBe(401);
    expect(((await guessed.json()) as { error: { code: string } }).error.code).toBe('invalid_token');
  });

  it('`npm run --silent cli -- token create` works as a process: one line on stdout, exit 2 for an unknown role', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mc-token-'));
    const run = promisify(execFile);
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    try {
      const { stdout } = await run(
        'npm',
        [
          'run',
          '--silent',
          'cli',
          '--',
          'token',
          'create',
          '--role',
          'mesa',
          '--name',
          'Mesa 1',
          '--territory',
          '09002',
        ],
        { env },
      );
      expect(stdout).toMatch(/^mc_[A-Za-z0-9_-]{43}\n$/);
      const failed = await run(
        'npm',
        ['run', '--silent', 'cli', '--', 'token', 'create', '--role', 'jefe', '--name', 'x'],
        { env },
      ).catch((e) => e);
      expect(failed.code).toBe(2);
      expect(failed.stdout).toBe('');
      expect(failed.stderr).toMatch(/rol desconocido/);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
