/**
 * `cli -- user create`: the password comes from stdin only, and the account it makes can log in.
 */
import { expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { openStore } from '../../db/connect.ts';
import { createApp } from '../../server/app.ts';
import { login } from '../../tests/support/accounts.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { runCommand, UsageError } from '../index.ts';
import { withPasswordFromStdin } from './index.ts';

const PASSWORD = 'contraseña-de-prueba-1';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (s: string) => void out.push(s), stderr: (s: string) => void err.push(s) }, out, err };
}

describeEachBackend('cli user create', (getStore) => {
  it('reads the password from stdin (first line), stores only its hash, and the user can log in with its role and territory', async () => {
    const store = getStore();
    const argv = await withPasswordFromStdin(
      [
        'user',
        'create',
        '--email',
        'Mesa.Uno@Example.mx',
        '--role',
        'mesa',
        '--name',
        'Mesa Uno',
        '--territory',
        '09015',
      ],
      Readable.from([`${PASSWORD}\nignored\n`]),
    );
    expect(argv.join(' ')).not.toContain(PASSWORD);
    const c = capture();
    expect(await runCommand(argv, { store, io: c.io })).toBe(0);
    expect(JSON.parse(c.out.join(''))).toMatchObject({
      email: 'mesa.uno@example.mx',
      name: 'Mesa Uno',
      role: 'mesa',
      territory: ['09015'],
    });
    const s = await login(createApp({ store }), 'mesa.uno@example.mx', PASSWORD);
    expect(s.res.status).toBe(200);
    expect(s.body.user).toMatchObject({ role: 'mesa', territory: ['09015'] });
  });

  it('refuses a short password, a missing or unknown territory for mesa, an unknown role, and an existing e-mail (exit 2, nothing stored)', async () => {
    const store = getStore();
    await expect(
      withPasswordFromStdin(
        ['user', 'create', '--email', 'x@example.mx', '--role', 'admin'],
        Readable.from(['corta\n']),
      ),
    ).rejects.toBeInstanceOf(UsageError);
    const before = (await sql<{ n: number }>`select count(*)::int as n from users`.execute(store.db)).rows[0].n;
    const refusals: [string[], RegExp][] = [
      [['user', 'create', '--email', 'y@example.mx', '--role', 'mesa'], /--territory/],
      [
        ['user', 'create', '--email', 'y@example.mx', '--role', 'mesa', '--territory', '09099'],
        /"unknown_territory".*09099/,
      ],
      [['user', 'create', '--email', 'y@example.mx', '--role', 'jefe'], /rol desconocido "jefe"/],
      [['user', 'create', '--email', 'no-es-correo', '--role', 'admin'], /--email inválido/],
      [['user', 'create', '--email', 'mesa.uno@example.mx', '--role', 'admin'], /user|cuenta/i],
      [['user', 'list'], /user create/],
    ];
    for (const [args, message] of refusals) {
      const argv = await withPasswordFromStdin(args, Readable.from([`${PASSWORD}\n`]));
      const c = capture();
      expect(await runCommand(argv, { store, io: c.io }), args.join(' ')).toBe(2);
      expect(c.out.join('')).toBe('');
      expect(c.err.join(''), args.join(' ')).toMatch(message);
    }
    expect((await sql<{ n: number }>`select count(*)::int as n from users`.execute(store.db)).rows[0].n).toBe(before);
  });
});

it('`npm run --silent cli -- user create` as a process: password on stdin, JSON on stdout; a short one exits 2', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mc-user-'));
  const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
  const run = (args: string[], stdin: string) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      const child = execFile('npm', ['run', '--silent', 'cli', '--', ...args], { env }, (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code) : 0, stdout, stderr }),
      );
      child.stdin!.end(stdin);
    });
  try {
    const ok = await run(
      ['user', 'create', '--email', 'admin@example.mx', '--role', 'admin', '--name', 'Admin'],
      `${PASSWORD}\n`,
    );
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ email: 'admin@example.mx', role: 'admin', name: 'Admin' });
    const short = await run(['user', 'create', '--email', 'b@example.mx', '--role', 'admin'], 'corta\n');
    expect(short.code).toBe(2);
    expect(short.stdout).toBe('');
    expect(short.stderr).toMatch(/contraseña/);
    const store = await openStore({ dataDir });
    try {
      expect((await login(createApp({ store }), 'admin@example.mx', PASSWORD)).res.status).toBe(200);
      const n = await sql<{ n: number }>`select count(*)::int as n from users`.execute(store.db);
      expect(n.rows[0].n).toBe(1);
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}, 180_000);
