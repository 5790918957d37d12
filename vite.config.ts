import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

/** Files worth compressing (fonts and images are compressed already). */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map)$/;

/**
 * Writes `name.br` and `name.gz` beside every compressible file of the build, once, at build time:
 * server/static sends them with the right Content-Encoding, so no request compresses anything.
 */
function precompress(): Plugin {
  return {
    name: 'mapa-comun-precompress',
    apply: 'build',
    writeBundle(options) {
      const walk = (dir: string): string[] =>
        readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
          e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
        );
      for (const file of walk(options.dir!).filter((f) => COMPRESSIBLE.test(f))) {
        const body = readFileSync(file);
        if (body.length < 1024) continue;
        writeFileSync(`${file}.gz`, gzipSync(body, { level: 9 }));
        writeFileSync(
          `${file}.br`,
          brotliCompressSync(body, {
            params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
          }),
        );
      }
    },
  };
}

/**
 * Two test projects: `unit` (pure code, no database) and `db` (anything that needs the store:
 * `*.db.test.ts` files, server features, `tests/`). Only `db` pays for the global setup that
 * starts a throwaway PostgreSQL cluster and imports the bundled data once per backend.
 */
const dbTests = ['**/*.db.test.ts', 'server/**/*.test.ts', 'tests/**/*.test.ts'];
/** Checks of the source tree itself (import graph): no store, so they run with the unit tests. */
const architectureTests = 'tests/architecture/**/*.test.ts';

export default defineConfig({
  root: 'web',
  plugins: [svelte(), precompress()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 4000 },
  server: { proxy: { '/api': 'http://localhost:8080' } },
  test: {
    root: repoRoot,
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 120_000,
    hookTimeout: 600_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{core,geo,reference,etl,cli,eval,db,web/src,bench}/**/*.test.ts', architectureTests],
          exclude: ['**/node_modules/**', ...dbTests.filter((glob) => !glob.startsWith('tests/'))],
        },
      },
      {
        extends: true,
        test: {
          name: 'db',
          include: dbTests,
          exclude: ['**/node_modules/**', architectureTests],
          globalSetup: ['tests/harness/global-setup.ts'],
        },
      },
    ],
  },
});
