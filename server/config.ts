/** The server's start-up settings, from the one configuration schema (core/config). */
import { resolve } from 'node:path';
import { parseConfig, type Config as Settings } from '../core/config/index.ts';

export interface Config {
  port: number;
  /** everything the app writes: `pglite/`, later the news archive, secrets and caches */
  dataDir: string;
  /** a PostgreSQL server; when unset the embedded PGlite store in `dataDir` is used */
  databaseUrl?: string;
  /** read replicas of `databaseUrl` for the read-only queries (none: every read on the primary) */
  replicaUrls: string[];
  logLevel: Settings['LOG_LEVEL'];
  /** `NODE_ENV=production`: never build the web app at start */
  production: boolean;
  /** the whole parsed environment, for the modules that read their own settings */
  settings: Settings;
}

export function readConfig(env: NodeJS.ProcessEnv): Config {
  const settings = parseConfig(env);
  if (settings.DATABASE_REPLICA_URL.length && !settings.DATABASE_URL) {
    throw new Error(
      'DATABASE_REPLICA_URL necesita DATABASE_URL (el primario) — DATABASE_REPLICA_URL needs DATABASE_URL (the primary)',
    );
  }
  return {
    port: settings.PORT,
    dataDir: resolve(settings.DATA_DIR),
    databaseUrl: settings.DATABASE_URL,
    replicaUrls: settings.DATABASE_REPLICA_URL,
    logLevel: settings.LOG_LEVEL,
    production: settings.NODE_ENV === 'production',
    settings,
  };
}
