/**
 * A throwaway PostgreSQL cluster for the tests: `initdb` into a fresh temporary folder, `pg_ctl
 * start` on a free port of 127.0.0.1, `pg_ctl stop -m immediate` and delete the folder at the end.
 * PostgreSQL refuses to run as root, so as root the folder belongs to `postgres` and the commands
 * run as that user. Durability is switched off: the data is disposable and speed is what counts.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Cluster {
  /** URL of the `postgres` maintenance database (trust auth, user postgres). */
  url: string;
  port: number;
  dir: string;
  /** stops the server and removes its folder; synchronous so it also works in an exit handler. */
  stop(): void;
  /** stops the server (fast shutdown) and keeps its folder: the server is down, as after a crash of its machine */
  halt(): void;
}

const SPEED_SETTINGS = {
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
  shared_buffers: '256MB',
  max_connections: '300',
  wal_level: 'minimal',
  max_wal_senders: '0',
  max_wal_size: '4GB',
  checkpoint_timeout: '30min',
  autovacuum: 'off',
  // Parallel query workers would compete with the test workers for 2 cores.
  max_parallel_workers_per_gather: '0',
};

/** What a primary needs for streaming replicas (tests/deploy): WAL for a standby, and hot standby reads. */
export const REPLICATION_SETTINGS = { wal_level: 'replica', max_wal_senders: '4', hot_standby: 'on' };

export interface ClusterOptions {
  /** postgresql.conf settings over the fast defaults (e.g. REPLICATION_SETTINGS) */
  settings?: Record<string, string>;
}

/** Starts a cluster; retries with a new port if another process took the chosen one meanwhile. */
export async function startCluster(opts: ClusterOptions = {}): Promise<Cluster> {
  const { dir, data, asPostgres } = clusterFolder();
  const stop = stopper(asPostgres, dir, data);
  try {
    check(
      run(asPostgres, dir, 'initdb', [
        '-D',
        data,
        '-U',
        'postgres',
        '--auth=trust',
        '-E',
        'UTF8',
        '--locale=C',
        '--no-sync',
        '--no-instructions',
      ]),
      'initdb',
    );
    const settings = Object.entries({
      ...SPEED_SETTINGS,
      ...opts.settings,
      listen_addresses: "'127.0.0.1'",
      unix_socket_directories: `'${dir}'`,
    })
      .map(([k, v]) => `${k} = ${v}`)
      .join('\n');
    appendFileSync(join(data, 'postgresql.conf'), `\n# test harness\n${settings}\n`);
    return await startServer(asPostgres, dir, data, stop);
  } catch (err) {
    stop();
    throw err;
  }
}

/**
 * A streaming hot standby of `primary` (started with REPLICATION_SETTINGS): `pg_basebackup -R`
 * copies the primary and writes the connection back to it, then the copy starts on its own port.
 */
export async function startStandby(primary: Cluster): Promise<Cluster> {
  const { dir, data, asPostgres } = clusterFolder();
  const stop = stopper(asPostgres, dir, data);
  try {
    check(
      run(asPostgres, dir, 'pg_basebackup', [
        '-D',
        data,
        '-R',
        '-X',
        'stream',
        '-c',
        'fast',
        '-h',
        '127.0.0.1',
        '-p',
        String(primary.port),
        '-U',
        'postgres',
        '--no-sync',
      ]),
      'pg_basebackup',
    );
    // its own socket folder; the rest of postgresql.conf comes with the copy
    appendFileSync(join(data, 'postgresql.conf'), `\n# standby\nunix_socket_directories = '${dir}'\n`);
    return await startServer(asPostgres, dir, data, stop);
  } catch (err) {
    stop();
    throw err;
  }
}

/** A fresh folder for a cluster (owned by `postgres` when we are root). */
function clusterFolder(): { dir: string; data: string; asPostgres: boolean } {
  const asPostgres = process.getuid?.() === 0;
  const owner = asPostgres ? postgresUser() : null;
  const dir = mkdtempSync(join(tmpdir(), 'mapa-pg-'));
  const data = join(dir, 'data');
  mkdirSync(data, { mode: 0o700 });
  if (owner) {
    chownSync(dir, owner.uid, owner.gid);
    chownSync(data, owner.uid, owner.gid);
  }
  return { dir, data, asPostgres };
}

function stopper(asPostgres: boolean, dir: string, data: string): () => void {
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    if (existsSync(join(data, 'postmaster.pid'))) {
      run(asPostgres, dir, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  return stop;
}

/** `pg_ctl start` on a free port (a new one when another process took it meanwhile). */
async function startServer(asPostgres: boolean, dir: string, data: string, stop: () => void): Promise<Cluster> {
  const log = join(dir, 'server.log');
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const r = run(asPostgres, dir, 'pg_ctl', ['-D', data, '-l', log, '-o', `-p ${port}`, '-w', '-t', '60', 'start']);
    if (r.status === 0)
      return {
        url: `postgres://postgres@127.0.0.1:${port}/postgres`,
        port,
        dir,
        stop,
        halt: () => void run(asPostgres, dir, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']),
      };
    const serverLog = existsSync(log) ? readFileSync(log, 'utf8') : '';
    if (attempt >= 3 || !/could not bind|address already in use/i.test(serverLog)) {
      throw new Error(`pg_ctl start failed: ${r.stderr || r.stdout}\n${serverLog.slice(-2000)}`);
    }
  }
}

/** A TCP port that was free a moment ago (the kernel picks it for a listener on port 0). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (typeof addr === 'object' && addr ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

function postgresUser(): { uid: number; gid: number } {
  const r = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const g = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (r.status !== 0 || g.status !== 0) {
    throw new Error(
      'The tests run as root, and PostgreSQL refuses to run as root; the `postgres` user does not exist. ' +
        "Install Debian's postgresql-15 (`apt-get install -y postgresql-15`) or set TEST_DATABASE_URL.",
    );
  }
  return { uid: Number(r.stdout.trim()), gid: Number(g.stdout.trim()) };
}

/** Runs a PostgreSQL binary, as `postgres` when we are root (PATH first, then Debian's folder). */
function run(asPostgres: boolean, cwd: string, bin: string, args: string[]): SpawnSyncReturns<string> {
  const path = resolveBinary(bin);
  const [cmd, argv] = asPostgres ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
  return spawnSync(cmd, argv, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function resolveBinary(bin: string): string {
  const onPath = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' }).stdout.trim();
  if (onPath) return onPath;
  const debian = `/usr/lib/postgresql/15/bin/${bin}`;
  if (existsSync(debian)) return debian;
  throw new Error(
    `${bin} not found: install Debian's postgresql-15 (apt-get install -y postgresql-15) or set TEST_DATABASE_URL`,
  );
}

function check(r: SpawnSyncReturns<string>, what: string) {
  if (r.error) throw new Error(`${what}: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what} failed (exit ${r.status}): ${r.stderr || r.stdout}`);
}
