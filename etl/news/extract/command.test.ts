/**
 * The extract command as a child process, the way `npm run --silent etl -- extract` runs it:
 * stdout must be exactly one JSON object, errors go to stderr with exit 1 or 2.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, SHARED_DATA_DIR } from '../../../reference/files/index.ts';
import { startNewsServer } from '../../../tests/support/news/local-news-server.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the saved news pages are not in the repository */
const noPages = sharedDataMissing([SHARED.newsPages]);

const MAIN = join(REPO_ROOT, 'etl/news/extract/main.ts');
const PAGE = join(SHARED_DATA_DIR, 'news-pages', 'quadratinhidalgoindividual.html');

function run(...args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { cwd: REPO_ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const tmp = mkdtempSync(join(tmpdir(), 'extract-cmd-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('extract command (child process)', () => {
  it.skipIf(noPages)('prints exactly one JSON object for a saved page', async () => {
    const { code, stdout, stderr } = await run(PAGE);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const out = JSON.parse(stdout);
    expect(Object.keys(out)).toEqual(['url', 'title', 'published_at', 'author', 'text', 'methods', 'kind']);
    expect(out.kind).toBe('article');
    // The page has no JSON-LD article node: og:title, article:published_time, the visible byline, Readability.
    expect(out.methods).toEqual({ title: 'open-graph', published_at: 'meta', author: 'byline', text: 'readability' });
    // Values read off the page (see index.test.ts).
    expect(out.url).toBe(
      'https://hidalgo.quadratin.com.mx/sucesos/reportan-50-desaparecidos-y-danos-en-29-municipios-de-hidalgo-por-lluvias/',
    );
    expect(out.title).toBe('Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias');
    expect(out.published_at).toBe('2025-10-15T10:33:43-06:00');
    expect(out.author).toBe('Fernanda Martínez');
    expect(out.text).toMatch(/^PACHUCA, Hgo\., 15 de octubre de 2025\.- La búsqueda de 50 personas/);
    expect(out.text).toContain('\n\n');
  });

  it('falls back to the path given when the page has no canonical link', async () => {
    const file = join(tmp, 'sin-canonico.html');
    writeFileSync(
      file,
      '<html><head><title>Robo en Coyoacán</title></head><body><article><p>' +
        'Vecinos de Coyoacán denunciaron el robo de una motocicleta frente a un mercado. '.repeat(5) +
        '</p></article></body></html>',
    );
    const { code, stdout } = await run(file);
    expect(code).toBe(0);
    const out = JSON.parse(stdout);
    expect(out.url).toBe(file);
    expect(out.published_at).toBeNull();
    expect(out.author).toBeNull();
  });

  it.skipIf(noPages)('fetches a URL (robots.txt respected) and uses the page canonical link', async () => {
    const path = '/sucesos/reportan-50-desaparecidos-y-danos-en-29-municipios-de-hidalgo-por-lluvias/';
    const server = await startNewsServer({
      articles: [
        { path, file: 'quadratinhidalgoindividual.html', title: 't', pubDate: 'Wed, 15 Oct 2025 16:33:43 +0000' },
      ],
    });
    try {
      const { code, stdout } = await run(server.origin + path);
      expect(code).toBe(0);
      expect(JSON.parse(stdout).url).toBe(`https://hidalgo.quadratin.com.mx${path}`);
      expect(server.log.map((r) => r.path)).toEqual(['/robots.txt', path]);
      const missing = await run(`${server.origin}/no-existe`);
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatch(/404/);
    } finally {
      await server.close();
    }
  });

  it('exits 1 with a message on stderr for an unreadable file, 2 without an argument', async () => {
    const missing = await run(join(tmp, 'no-existe.html'));
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/no se pudo leer/);
    const usage = await run();
    expect(usage.code).toBe(2);
    expect(usage.stdout).toBe('');
    expect(usage.stderr).toMatch(/uso: etl extract/);
  });
});
