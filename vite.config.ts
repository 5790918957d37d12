import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('.', import.meta.url));

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
  plugins: [svelte()],
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
