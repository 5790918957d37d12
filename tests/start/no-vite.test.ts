/**
 * `npm ci --omit=dev` leaves vite out: start-up must not need it. Each case runs in a child Node
 * process whose module resolution refuses `vite` (a resolve hook registered after tsx's, so it
 * runs first), as a production install would.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { freePort } from '../harness/postgres-cluster.ts';

const dir = mkdtempSync(join(tmpdir(), 'mc-no-vite-'));
writeFileSync(
  join(dir, 'hooks.mjs'),
  `export async function resolve(specifier, context, next) {
  if (specifier === 'vite' || specifier.startsWith('vite/')) throw Object.assign(new Error('VITE_HIDDEN'), { code: 'ERR_MODULE_NOT_FOUND' });
  return next(specifier, context);
}\n`,
);
writeFileSync(
  join(dir, 'hide-vite.mjs'),
  `import { register } from 'node:module';\nregister('./hooks.mjs', import.meta.url);\n`,
);

/** Runs `code` (an ES module body) with vite hidden; returns its stdout lines and status. */
function withoutVite(code: string, env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(
    process.execPath,
    ['--import', 'tsx', '--import', pathToFileURL(join(dir, 'hide-vite.mjs')).href, '--input-type=module', '-e', code],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_ENV: '', ...env },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { status: r.status, out: r.stdout.trim(), err: r.stderr };
}

const staticModule = JSON.stringify(pathToFileURL(join(REPO_ROOT, 'server/static/index.ts')).href);
const ensure = (distDir: string, production: boolean) => `
const { ensureWebBuild } = await import(${staticModule});
try { await ensureWebBuild(() => {}, { distDir: ${JSON.stringify(distDir)}, production: ${production} }); console.log('OK'); }
catch (e) { console.log('ERR ' + e.message); }`;

describe('start-up without vite', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the hook does hide vite (else the cases below prove nothing)', () => {
    const r = withoutVite(
      `try { await import('vite'); console.log('FOUND'); } catch (e) { console.log('ERR ' + e.message); }`,
    );
    expect(r.out, r.err).toBe('ERR VITE_HIDDEN');
  });

  it('NODE_ENV=production with web/dist missing: a clear message naming `npm run build`, vite never imported', () => {
    const r = withoutVite(ensure(join(dir, 'missing-dist'), true));
    expect(r.out, r.err).toMatch(/^ERR .*npm run build/);
    expect(r.out).not.toContain('VITE_HIDDEN');
  });

  it('development with web/dist missing and vite absent: the same advice, not a module error', () => {
    const r = withoutVite(ensure(join(dir, 'missing-dist'), false));
    expect(r.out, r.err).toMatch(/^ERR .*npm run build.*vite no está instalado/);
    expect(r.out).not.toContain('VITE_HIDDEN');
  });

  it('with web/dist built, start-up needs nothing of vite, in production or not', () => {
    const built = join(dir, 'dist');
    mkdirSync(built, { recursive: true });
    writeFileSync(join(built, 'index.html'), '<!doctype html><title>x</title>');
    expect(withoutVite(ensure(built, true)).out).toBe('OK');
    expect(withoutVite(ensure(built, false)).out).toBe('OK');
  });

  it('npm start itself (server/main.ts, NODE_ENV=production) loads its whole import graph without vite', async () => {
    // every static import of main.ts loads before main() runs; then the start stops on the unreachable
    // database (or, without web/dist, on the advice to build): either way with its own message, never vite's
    const closed = await freePort();
    const main = JSON.stringify(pathToFileURL(join(REPO_ROOT, 'server/main.ts')).href);
    const r = withoutVite(`await import(${main});`, {
      NODE_ENV: 'production',
      PORT: '0',
      DATA_DIR: join(dir, 'main-data'),
      DATABASE_URL: `postgres://nobody@127.0.0.1:${closed}/mapa`,
      LOG_LEVEL: 'fatal',
    });
    expect(r.err).toMatch(/Error al iniciar: /);
    expect(r.err).not.toContain('VITE_HIDDEN');
    expect(r.status).toBe(1);
  });

  it('the server modules main.ts mounts load without vite', () => {
    const app = JSON.stringify(pathToFileURL(join(REPO_ROOT, 'server/app.ts')).href);
    const r = withoutVite(`await import(${app}); await import(${staticModule}); console.log('OK');`);
    expect(r.out, r.err).toBe('OK');
  });
});
