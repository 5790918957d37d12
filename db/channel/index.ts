/**
 * The command channel: PGlite lets one process open a data folder, so while a server holds
 * `DATA_DIR`, CLI commands (`npm run etl -- …`, `npm run cli -- …`) run inside that server instead,
 * sent over a Unix socket in `DATA_DIR` that only its owner can open (mode 0600).
 *
 * Protocol: the client writes one JSON line `{argv}`; the server streams JSON lines
 * `{out: string}` / `{err: string}` and finally `{exit: number}`.
 */
import { chmodSync, existsSync, mkdirSync, unlinkSync } from 'node:fs';
import { createConnection, createServer, type Server } from 'node:net';
import { join } from 'node:path';

export const SOCKET_NAME = 'mapa.sock';

export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
export type CommandHandler = (argv: string[], io: CommandIO) => Promise<number>;

export function socketPath(dataDir: string): string {
  return join(dataDir, SOCKET_NAME);
}

/** Listens on `DATA_DIR/mapa.sock`. Fails when another live server already owns the folder. */
export async function serveCommandChannel(dataDir: string, handler: CommandHandler): Promise<Server> {
  mkdirSync(dataDir, { recursive: true });
  const path = socketPath(dataDir);
  if (existsSync(path)) {
    if (await isAlive(path)) throw new Error(`another Mapa Común server already uses ${dataDir} (socket ${path})`);
    unlinkSync(path); // stale socket from a killed server
  }
  const server = createServer((conn) => {
    let buffered = '';
    let started = false;
    conn.setEncoding('utf8');
    conn.on('error', () => {});
    conn.on('data', (chunk: string) => {
      buffered += chunk;
      const nl = buffered.indexOf('\n');
      if (started || nl < 0) return;
      started = true;
      const send = (msg: object) => conn.writable && conn.write(JSON.stringify(msg) + '\n');
      let argv: unknown;
      try {
        argv = JSON.parse(buffered.slice(0, nl)).argv;
      } catch {
        argv = null;
      }
      if (!Array.isArray(argv) || !argv.every((a) => typeof a === 'string')) {
        send({ err: 'invalid command message\n' });
        conn.end(JSON.stringify({ exit: 2 }) + '\n');
        return;
      }
      handler(argv, { stdout: (out) => send({ out }), stderr: (err) => send({ err }) })
        .catch((e: Error) => (send({ err: `${e.message}\n` }), 1))
        .then((exit) => conn.end(JSON.stringify({ exit }) + '\n'));
    });
  });
  const oldMask = process.umask(0o177); // the socket file is created 0600
  try {
    await new Promise<void>((resolve, reject) => server.once('error', reject).listen(path, resolve));
  } finally {
    process.umask(oldMask);
  }
  chmodSync(path, 0o600);
  return server;
}

/**
 * Runs `argv` in the server that holds `dataDir`, relaying its output.
 * Returns the exit code, or null when no server holds the folder.
 */
export function sendCommand(dataDir: string, argv: string[], io: CommandIO): Promise<number | null> {
  const path = socketPath(dataDir);
  if (!existsSync(path)) return Promise.resolve(null);
  return new Promise((resolve) => {
    const conn = createConnection(path);
    let buffered = '';
    let exit: number | null = null;
    let connected = false;
    conn.setEncoding('utf8');
    conn.on('connect', () => {
      connected = true;
      conn.write(JSON.stringify({ argv }) + '\n');
    });
    conn.on('data', (chunk: string) => {
      buffered += chunk;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const msg = JSON.parse(buffered.slice(0, nl));
        buffered = buffered.slice(nl + 1);
        if (typeof msg.out === 'string') io.stdout(msg.out);
        else if (typeof msg.err === 'string') io.stderr(msg.err);
        else if (typeof msg.exit === 'number') exit = msg.exit;
      }
    });
    // A refused connection means a stale socket: no live server holds the folder.
    conn.on('error', () => resolve(connected ? (exit ?? 1) : null));
    conn.on('close', () => resolve(connected ? (exit ?? 1) : null));
  });
}

function isAlive(path: string): Promise<boolean> {
  return new Promise((resolve) => {
    const conn = createConnection(path);
    conn.on('connect', () => (conn.destroy(), resolve(true)));
    conn.on('error', () => resolve(false));
  });
}
