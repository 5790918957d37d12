/** Runtime configuration from the environment; documented in the README. */
import { resolve } from 'node:path';

export interface Config {
  port: number;
  /** everything the app writes: `pglite/`, later the news archive, secrets and caches */
  dataDir: string;
  /** a PostgreSQL server; when unset the embedded PGlite store in `dataDir` is used */
  databaseUrl?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  return {
    port,
    dataDir: resolve(env.DATA_DIR || './var'),
    databaseUrl: env.DATABASE_URL || undefined,
  };
}
