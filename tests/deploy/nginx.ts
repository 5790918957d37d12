/**
 * Debian's nginx for the deployment test, run with the project's own `deploy/nginx.conf` (filled in
 * the way its header shows, without envsubst: the same names, replaced here), and a throwaway
 * self-signed certificate made with Debian's `openssl` CLI.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../reference/files/index.ts';

const NGINX = '/usr/sbin/nginx';

/** The nginx binary, installed with apt-get (as root) when missing, as the harness does for Chromium. */
export function ensureNginx(log: (line: string) => void = (l) => process.stderr.write(`${l}\n`)): string {
  if (existsSync(NGINX)) return NGINX;
  if (process.getuid?.() !== 0)
    throw new Error(
      'nginx is not installed and the tests are not running as root: run `sudo apt-get install -y nginx`',
    );
  log('[deploy] nginx is missing: installing the Debian package with apt-get…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'nginx']]) {
    const r = spawnSync('apt-get', args, { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    if (r.error || r.status !== 0)
      throw new Error(
        `Could not install nginx (apt-get ${args.join(' ')} failed): ${r.error?.message ?? r.stderr.trim().split('\n').slice(-5).join('\n')}`,
      );
  }
  if (!existsSync(NGINX)) throw new Error(`apt-get installed nginx but ${NGINX} does not exist`);
  return NGINX;
}

/** A self-signed certificate for `host` (key and chain as PEM files in `dir`). */
export function selfSignedCertificate(dir: string, host: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  const r = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-keyout',
      key,
      '-out',
      cert,
      '-days',
      '1',
      '-subj',
      `/CN=${host}`,
      '-addext',
      `subjectAltName=DNS:${host}`,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`openssl req failed: ${r.stderr}`);
  return { cert, key };
}

export interface NginxSettings {
  MAPA_SERVER_NAME: string;
  MAPA_LISTEN: string;
  MAPA_CERT: string;
  MAPA_KEY: string;
  MAPA_UPSTREAM_A: string;
  MAPA_UPSTREAM_B: string;
  MAPA_RUN_DIR: string;
}

/** deploy/nginx.conf with its `${MAPA_…}` names filled in; an unknown name is an error. */
export function renderNginxConf(settings: NginxSettings): string {
  const template = readFileSync(join(REPO_ROOT, 'deploy', 'nginx.conf'), 'utf8');
  return template.replace(/\$\{(MAPA_[A-Z_]+)\}/g, (_, name: string) => {
    const value = (settings as unknown as Record<string, string | undefined>)[name];
    if (value === undefined) throw new Error(`deploy/nginx.conf names \${${name}}, which the test does not set`);
    return value;
  });
}

export interface RunningNginx {
  child: ChildProcess;
  log(): string;
  stop(): Promise<void>;
}

/** Starts nginx in the foreground with the rendered config in `settings.MAPA_RUN_DIR`; resolves once it listens. */
export async function startNginx(settings: NginxSettings): Promise<RunningNginx> {
  const binary = ensureNginx();
  mkdirSync(settings.MAPA_RUN_DIR, { recursive: true });
  const conf = join(settings.MAPA_RUN_DIR, 'nginx.conf');
  writeFileSync(conf, renderNginxConf(settings));
  const test = spawnSync(binary, ['-t', '-p', settings.MAPA_RUN_DIR, '-c', conf], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t: ${test.stderr}`);
  const child = spawn(binary, ['-p', settings.MAPA_RUN_DIR, '-c', conf, '-g', 'daemon off;'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const port = Number(settings.MAPA_LISTEN);
  for (let i = 0; ; i++) {
    if (await listening(port)) break;
    if (child.exitCode !== null || i > 100) throw new Error(`nginx did not start: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    child,
    log: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGQUIT');
      await exited;
    },
  };
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}
