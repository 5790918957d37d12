import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sendCommand, serveCommandChannel, socketPath } from './index.ts';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'mapa-channel-'));
  dirs.push(d);
  return d;
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function collect() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s) } };
}

describe('command channel', () => {
  it('returns null when no server holds the folder', async () => {
    const c = collect();
    expect(await sendCommand(tempDir(), ['x'], c.io)).toBeNull();
  });

  it('runs the command in the server, relays stdout/stderr in order and the exit code', async () => {
    const dir = tempDir();
    const server = await serveCommandChannel(dir, async (argv, io) => {
      io.stderr('working\n');
      io.stdout(JSON.stringify({ argv }) + '\n');
      return argv[0] === 'fail' ? 3 : 0;
    });
    try {
      expect(statSync(socketPath(dir)).mode & 0o777).toBe(0o600);
      const ok = collect();
      expect(await sendCommand(dir, ['import', 'a b.csv'], ok.io)).toBe(0);
      expect(ok.out.join('')).toBe('{"argv":["import","a b.csv"]}\n');
      expect(ok.err.join('')).toBe('working\n');
      const bad = collect();
      expect(await sendCommand(dir, ['fail'], bad.io)).toBe(3);
    } finally {
      server.close();
    }
  });

  it('refuses a second server on the same folder, and replaces a stale socket', async () => {
    const dir = tempDir();
    const first = await serveCommandChannel(dir, async () => 0);
    await expect(serveCommandChannel(dir, async () => 0)).rejects.toThrow(/already uses/);
    await new Promise((r) => first.close(r));
    // A server killed with SIGKILL leaves its socket file behind.
    const killed = spawn(process.execPath, [
      '-e',
      `require('net').createServer().listen(${JSON.stringify(socketPath(dir))}, () => console.log('up'))`,
    ]);
    await new Promise((r) => killed.stdout.once('data', r));
    killed.kill('SIGKILL');
    await new Promise((r) => killed.once('exit', r));
    expect(existsSync(socketPath(dir))).toBe(true);
    expect(await sendCommand(dir, [], collect().io)).toBeNull();
    const second = await serveCommandChannel(dir, async () => 7);
    try {
      expect(await sendCommand(dir, [], collect().io)).toBe(7);
    } finally {
      second.close();
    }
  });
});
