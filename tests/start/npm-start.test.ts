/**
 * The newcomer's path: `npm start` on a fresh DATA_DIR loads the bundled data into the embedded
 * database, serves API and map on PORT, and a CLI import run while the server holds the folder
 * goes through the server's command socket (PGlite allows one process per folder).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { readBundled, REPO_ROOT } from '../../reference/files/index.ts';

const FIXTURE = join(REPO_ROOT, 'etl/official/fixtures/fgj_carpetas_handwritten.csv');
/**
 * Read off the hand-written fixture: 10 data rows; HW-0001 appears twice (one incident), HW-0006
 * is a non-crime (HECHO NO DELICTIVO) and HW-0007 has no date (quarantined) → 7 incidents.
 */
const FIXTURE_INCIDENTS = 7;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer().listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Incidents the bundled files give, counted from the raw CSVs (as the harness test does). */
function bundledIncidents(): number {
  const ssc = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const fgj = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const keys = new Set(
    fgj
      .filter((r) => r.Categoria !== 'HECHO NO DELICTIVO' && /^\d{2}\/\d{2}\/\d{4}$/.test(r.Fecha))
      .map((r) => `${r.idCarpeta}\u0000${r.Delito}`),
  );
  return ssc.length + keys.size;
}

function run(
  cmd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: REPO_ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('npm start on a fresh DATA_DIR', () => {
  let dataDir: string;
  let port: number;
  let server: ChildProcess;
  let log = '';
  const base = () => `http://127.0.0.1:${port}`;
  const env = () => ({ DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '' });

  beforeAll(async () => {
    dataDir = join(mkdtempSync(join(tmpdir(), 'mapa-start-')), 'var');
    port = await freePort();
    // detached: npm starts tsx as a child; killing the group stops both
    server = spawn('npm', ['start'], { cwd: REPO_ROOT, env: { ...process.env, ...env() }, detached: true });
    server.stderr!.on('data', (d) => (log += d));
    server.stdout!.on('data', (d) => (log += d));
    const deadline = Date.now() + 540_000;
    while (!/listo en http/.test(log)) {
      if (server.exitCode !== null || Date.now() > deadline) throw new Error(`npm start did not come up:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  }, 600_000);

  afterAll(async () => {
    if (server?.pid && server.exitCode === null) {
      process.kill(-server.pid, 'SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
    if (dataDir) rmSync(join(dataDir, '..'), { recursive: true, force: true });
  });

  it('loads the bundled data into DATA_DIR/pglite with a progress display, and serves on PORT', async () => {
    expect(log).toMatch(/Primera ejecución/);
    expect(log).toMatch(/ssc_crime_points_2013_2016\.csv\.gz \[ssc_points\].*132,692 filas/);
    expect(existsSync(join(dataDir, 'pglite', 'PG_VERSION'))).toBe(true);
    const health = await (await fetch(`${base()}/api/health`)).json();
    expect(health).toMatchObject({ ok: true, db: 'pglite', incidents: bundledIncidents() });
  });

  it('serves the map page and its assets on the same port', async () => {
    const page = await fetch(`${base()}/`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/<div id="app"|<script type="module"/);
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(asset).toBeTruthy();
    expect((await fetch(`${base()}${asset}`)).status).toBe(200);
  });

  it('keeps the command socket owner-only, and runs a CLI import through the server', async () => {
    expect(statSync(join(dataDir, 'mapa.sock')).mode & 0o777).toBe(0o600);
    const before = (await (await fetch(`${base()}/api/health`)).json()).incidents as number;

    const first = await run(
      'npm',
      ['run', '--silent', 'etl', '--', 'import', FIXTURE, '--format', 'fgj_carpetas'],
      env(),
    );
    expect(first.code, first.stderr).toBe(0);
    const report = JSON.parse(first.stdout);
    expect(report).toBeTypeOf('object');
    // the data version is bumped at once: no stale cached health
    const after = (await (await fetch(`${base()}/api/health`)).json()).incidents as number;
    expect(after - before).toBe(FIXTURE_INCIDENTS);

    // the same file again changes nothing
    const again = await run(
      'npm',
      ['run', '--silent', 'etl', '--', 'import', FIXTURE, '--format', 'fgj_carpetas'],
      env(),
    );
    expect(again.code, again.stderr).toBe(0);
    expect((await (await fetch(`${base()}/api/health`)).json()).incidents).toBe(after);
  });

  it('refuses a second server on the same DATA_DIR with a clear message', async () => {
    const second = await run('npx', ['tsx', 'server/main.ts'], { ...env(), PORT: String(await freePort()) });
    expect(second.code).toBe(1);
    expect(second.stderr).toMatch(/already uses|ya/);
  });
});
