/**
 * A data folder the server cannot write → a clear error naming the folder, a
 * non-zero exit within a bounded time, and the folder's contents unchanged (a hash of the tree
 * before and after). The tests run as root, which ignores permissions, so the server runs as the
 * unprivileged `nobody` (`runuser -u nobody`).
 *
 * 1. DATA_DIR owned by root with mode 0555 (holding a file, so there is something to corrupt).
 * 2. An existing PGlite DATA_DIR whose database folder was made read-only (`pglite/`, root-owned,
 *    no write bits), while DATA_DIR itself is writable — so the embedded database is what fails.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, chownSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { figure, REPO_ROOT, restorePGliteDataDir, spawnServer, tempDir, treeHash, waitFor } from './helpers.ts';

const USER = 'nobody';
const EXIT_WITHIN_MS = 180_000;
const isRoot = process.getuid?.() === 0;

function uidOf(user: string): { uid: number; gid: number } {
  const u = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (u.status !== 0 || g.status !== 0) throw new Error(`user ${user} does not exist`);
  return { uid: Number(u.stdout), gid: Number(g.stdout) };
}

/** Removes every write bit under `dir` (and from `dir`). */
function makeReadOnly(dir: string) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) makeReadOnly(p);
    else chmodSync(p, statSync(p).mode & 0o555);
  }
  chmodSync(dir, statSync(dir).mode & 0o555);
}

/** Runs the server as `nobody` on `dataDir`; resolves when it exits (it must, by itself). */
async function runUnprivileged(dataDir: string) {
  const t0 = Date.now();
  const server = await spawnServer({ dataDir, user: USER });
  await waitFor(
    () => server.child.exitCode !== null || server.child.signalCode !== null,
    EXIT_WITHIN_MS,
    `the server to exit:\n${server.log()}`,
  ).catch((err) => {
    server.kill('SIGKILL');
    throw err;
  });
  const { code } = await server.exited;
  return { code, log: server.log(), ms: Date.now() - t0 };
}

describe.skipIf(!isRoot)(`a data folder the server cannot write (server run as ${USER})`, () => {
  beforeAll(() => {
    // the unprivileged user must be able to read the code and run it; otherwise the test would
    // measure that, not the data folder
    const r = spawnSync('runuser', [
      '-u',
      USER,
      '--',
      'test',
      '-r',
      join(REPO_ROOT, 'server/main.ts'),
      '-a',
      '-r',
      join(REPO_ROOT, 'node_modules/tsx/package.json'),
    ]);
    expect(r.status, `${USER} cannot read the repository or node_modules`).toBe(0);
  });

  it(
    'DATA_DIR owned by root with mode 0555: exits non-zero naming the folder, contents unchanged',
    async () => {
      const parent = tempDir('mapa-readonly-');
      chmodSync(parent, 0o755);
      const dataDir = join(parent, 'var');
      mkdirSync(dataDir);
      writeFileSync(join(dataDir, 'notas.txt'), 'contenido que no debe cambiar\n');
      chmodSync(dataDir, 0o555);
      const before = treeHash(dataDir);

      const run = await runUnprivileged(dataDir);
      figure(
        `readonly-datadir (0555 folder): exit ${run.code} after ${run.ms} ms: ${run.log.trim().split('\n').pop()}`,
      );
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      expect(run.log).toContain(dataDir);
      expect(run.log).toMatch(/no se puede escribir|not writable/i);
      expect(treeHash(dataDir)).toBe(before);
    },
    EXIT_WITHIN_MS + 60_000,
  );

  it(
    'an existing PGlite DATA_DIR whose database folder is read-only: exits non-zero naming it, database unchanged',
    async () => {
      const parent = tempDir('mapa-readonly-pglite-');
      chmodSync(parent, 0o755);
      const dataDir = join(parent, 'var');
      await restorePGliteDataDir(dataDir, [], 'empty');
      const { uid, gid } = uidOf(USER);
      chownSync(dataDir, uid, gid); // DATA_DIR itself is writable by the server's user…
      makeReadOnly(join(dataDir, 'pglite')); // …its database is not (root-owned, no write bits)
      const before = treeHash(join(dataDir, 'pglite'));

      const run = await runUnprivileged(dataDir);
      figure(
        `readonly-datadir (read-only pglite/): exit ${run.code} after ${run.ms} ms: ${run.log.trim().split('\n').pop()}`,
      );
      expect(run.code).not.toBe(0);
      expect(run.code).not.toBeNull();
      expect(run.log).toContain(join(dataDir, 'pglite'));
      expect(run.log).toMatch(/no se puede escribir|not writable/i);
      expect(treeHash(join(dataDir, 'pglite'))).toBe(before);
    },
    EXIT_WITHIN_MS + 120_000,
  );
});
