/**
 * Serving the built web app (`web/dist`) beside the API, with an SPA fallback to index.html.
 * Vite names assets by content hash, so they can be cached for a year; index.html must revalidate.
 * The build writes a brotli (`.br`) and a gzip (`.gz`) copy of every compressible file beside it
 * (vite.config.ts): they are sent as they are, with `Content-Encoding` and `Vary: Accept-Encoding`,
 * to clients that accept them, so no request pays for compression.
 */
import { parseConfig } from '../../core/config/index.ts';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Hono, MiddlewareHandler } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

export const WEB_ROOT = resolve(fileURLToPath(new URL('../../web', import.meta.url)));
export const WEB_DIST = join(WEB_ROOT, 'dist');

export function mountWebApp(app: Hono, distDir = WEB_DIST): void {
  // headers set in serveStatic's onFound come after its response is built and are lost: set them on the way out
  const cacheFor =
    (value: string): MiddlewareHandler =>
    async (c, next) => {
      await next();
      if (c.res.ok && !c.req.path.startsWith('/api/')) {
        c.res.headers.set('Cache-Control', value);
        // the answer depends on Accept-Encoding (precompressed copies): shared caches must key on it
        c.res.headers.set('Vary', 'Accept-Encoding');
      }
    };
  app.use(
    '/assets/*',
    cacheFor('public, max-age=31536000, immutable'),
    serveStatic({ root: distDir, precompressed: true }),
  );
  app.use('*', cacheFor('no-cache'), serveStatic({ root: distDir, precompressed: true }));
  // Client-side routes (e.g. /fuentes) get the app shell; unknown /api paths stay JSON 404s.
  app.get('*', (c, next) => {
    if (c.req.path.startsWith('/api/')) return next();
    return serveStatic({ root: distDir, path: 'index.html', precompressed: true })(c, next);
  });
}

/** True when the built web app (its index.html) is missing from `distDir`. */
export function webBuildMissing(distDir = WEB_DIST): boolean {
  return !existsSync(join(distDir, 'index.html'));
}

/** True when web/dist is missing or older than any file under web/ (outside dist): the test harness rebuilds then. */
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

export interface WebBuildOptions {
  distDir?: string;
  /** NODE_ENV=production: never import vite (a devDependency, absent after `npm ci --omit=dev`) */
  production?: boolean;
  /** also rebuild a build older than its sources (the test harness; never in production) */
  rebuildStale?: boolean;
}

/**
 * Makes sure `web/dist` exists before serving. The build itself is `npm run build`; `npm start`
 * builds only when web/dist is missing, in development, and only if vite is installed. In
 * production it never imports vite and stops with a message naming the command instead.
 * (A stale build is not rebuilt at start: `npm run build` after changing web/.)
 */
export async function ensureWebBuild(log: (msg: string) => void, opts: WebBuildOptions = {}): Promise<void> {
  const distDir = opts.distDir ?? WEB_DIST;
  const production = opts.production ?? parseConfig(process.env).NODE_ENV === 'production';
  const stale = opts.rebuildStale && !production && distDir === WEB_DIST && webBuildIsStale();
  if (!webBuildMissing(distDir) && !stale) return;
  const missing = `falta la aplicación web construida (${distDir}/index.html): ejecute \`npm run build\` antes de \`npm start\``;
  if (production) throw new Error(`${missing} — web build missing (NODE_ENV=production never builds)`);
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    throw new Error(
      `${missing}; vite no está instalado (¿npm ci --omit=dev?) — web build missing and vite unavailable`,
    );
  }
  log('Construyendo la aplicación web (vite build)…');
  await vite.build({
    configFile: join(WEB_ROOT, '..', 'vite.config.ts'),
    logLevel: 'warn',
    build: { outDir: distDir },
  });
}
