/**
 * What the `db` project's global setup hands to test files through vitest's `provide`/`inject`.
 * Kept in one place so both sides agree on the keys and their shapes.
 */

export interface PostgresInfo {
  /** URL of a maintenance database on the test server (for CREATE / DROP DATABASE). */
  adminUrl: string;
  /** database holding the migrated store with the full bundled import (a template). */
  fullTemplate: string;
  /** database holding the migrated, empty store (a template). */
  emptyTemplate: string;
  /** true when the harness started the cluster itself (false with TEST_DATABASE_URL). */
  throwaway: boolean;
}

export interface PGliteInfo {
  /** tarball (`dumpDataDir`) of the migrated store with the full bundled import. */
  fullDump: string;
  /** tarball of the migrated, empty store. */
  emptyDump: string;
}

export interface ChromiumInfo {
  /** path of the Chromium binary, or null when it could not be found or installed. */
  executablePath: string | null;
  /** why there is none (shown by `launchBrowser`). */
  error: string | null;
}

export interface HarnessTimings {
  clusterStartMs: number | null;
  postgresImportMs: number | null;
  pgliteImportMs: number | null;
  pgliteDumpMs: number | null;
  pgliteDumpCached: boolean;
  chromiumMs: number | null;
  totalMs: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    'harness:postgres': PostgresInfo;
    'harness:pglite': PGliteInfo;
    'harness:chromium': ChromiumInfo;
    /** whether the bundled data was imported (false while `etl/bundled.ts` does not exist). */
    'harness:imported': boolean;
    'harness:timings': HarnessTimings;
  }
}
