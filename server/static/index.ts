/**
 * Serving the built web app (`web/dist`) beside the API, with an SPA fallback to index.html.
 * Vite names assets by content hash, so they can be cached for a year; index.html must revalidate.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export const WEB_ROOT = resolve(fileURLToPath(new URL('../../web', import.meta.url)));
export const WEB_DIST = join(WEB_ROOT, 'dist');

export function mountWebApp(app: Hono, distDir = WEB_DIST): void {
  app.use(
    '/assets/*',
    serveStatic({
      root: distDir,
      onFound: (_path, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
    }),
  );
  app.use('*', serveStatic({ root: distDir, onFound: (_p, c) => c.header('Cache-Control', 'no-cache') }));
  // Client-side routes (e.g. /fuentes) get the app shell; unknown /api paths stay JSON 404s.
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: distDir, path: 'index.html' })(c, next);
  });
}

/** True when web/dist is missing or older than any file under web/ (outside dist). */
export function webBuildIsStale(root = WEB_ROOT): boolean {
  const index = join(root, 'dist', 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) => {
      if (e.name === 'dist' || e.name === 'node_modules') return false;
      const p = join(dir, e.name);
      return e.isDirectory() ? newer(p) : statSync(p).mtimeMs > built;
    });
  return newer(root);
}

/** Builds the web app with Vite when it is stale (first start, or after a pull). */
export async function ensureWebBuild(log: (msg: string) => void): Promise<void> {
  if (!webBuildIsStale()) return;
  log('Construyendo la aplicación web (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(WEB_ROOT, '..', 'vite.config.ts'), logLevel: 'warn' });
}
