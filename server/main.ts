/**
 * `npm start`: open the store (PGlite in DATA_DIR, or DATABASE_URL), load the bundled data on the
 * first run, build the web app only when web/dist is missing in development (never with
 * NODE_ENV=production: `npm run build` does it), then serve API + map on one port, and the command
 * channel for CLI commands on a socket in DATA_DIR. The port answers 503 (`/api/ready`) until then.
 */
import { accessSync, constants, existsSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { openStore, serveCommandChannel, type Store } from './services/store.ts';
import { importBundledData, isStoreEmpty } from '../etl/bundled.ts';
import { runCommand } from '../cli/index.ts';
import { createApp } from './app.ts';
import { createServices } from './services/index.ts';
import { readConfig } from './config.ts';
import { ensureWebBuild, mountWebApp } from './static/index.ts';
import { startBackgroundJobs } from '../etl/jobs/index.ts';
import { closePlenaryRenderers } from './plenary/index.ts';
import { startingHandler } from './health/index.ts';
import { resolveSecret, secretFromEnvValue, SECRET_ENV } from './services/store.ts';
import { createLogger, type Logger } from './http/request-log.ts';
import { useTransitFrom } from '../reference/transit/index.ts';

/** Start-up messages until the configured logger exists (a bad LOG_LEVEL must still be reported). */
let logger: Logger = createLogger('info');
const log = (msg: string) => logger.info(msg);

/**
 * Fails at once, naming the folder, when DATA_DIR (or the embedded database in it) cannot be
 * written. Without this an unprivileged server on a read-only folder stopped after a long wait with
 * PGlite's bare "PGlite failed to initialize properly" (tests/load/readonly-datadir.test.ts). Root
 * passes every check, as it ignores permissions.
 */
function assertWritableDataDir(dataDir: string, embedded: boolean): void {
  const fail = (path: string, err: unknown): never => {
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new Error(
      `no se puede escribir en DATA_DIR ${dataDir} (${path}: ${code}); dé permiso de escritura al usuario del servidor o use otro DATA_DIR` +
        ` — DATA_DIR is not writable`,
    );
  };
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (err) {
    fail(dataDir, err);
  }
  const check = (path: string, recurse: boolean) => {
    try {
      accessSync(path, constants.W_OK);
    } catch (err) {
      fail(path, err);
    }
    if (recurse && lstatSync(path).isDirectory()) for (const name of readdirSync(path)) check(join(path, name), true);
  };
  check(dataDir, false);
  const pglite = join(dataDir, 'pglite');
  if (embedded && existsSync(pglite)) check(pglite, true);
}

async function main() {
  const config = readConfig(process.env);
  logger = createLogger(config.logLevel);
  const started = Date.now();
  // a too-short SESSION_KEY / CHAT_SALT stops the start before anything is opened
  for (const variable of Object.values(SECRET_ENV)) {
    const value = config.settings[variable];
    if (value) secretFromEnvValue(variable, value);
  }
  assertWritableDataDir(config.dataDir, !config.databaseUrl);
  // the transit network of the newest synced GTFS feed in DATA_DIR, else the bundled one
  useTransitFrom(config.dataDir);
  // Claim DATA_DIR before opening the store: a second PGlite process on the same folder would
  // corrupt it. Commands that arrive while the store is still loading wait for it.
  let storeReady!: (s: Store) => void;
  const storePromise = new Promise<Store>((resolve) => (storeReady = resolve));
  let dataVersion: { invalidate(): void } | undefined;
  const channel = await serveCommandChannel(config.dataDir, async (argv, io) => {
    try {
      return await runCommand(argv, { store: await storePromise, io });
    } finally {
      // a command may import data: the next request must see the new data version at once
      dataVersion?.invalidate();
    }
  });
  // the port opens at once: until the app is mounted every request gets 503 service_starting and
  // /api/ready says what start-up is doing (a load balancer keeps traffic away meanwhile)
  let phase = 'migraciones';
  let handler: (req: Request, env?: unknown) => Response | Promise<Response> = startingHandler(() => phase);
  let port = config.port;
  const server = serve({ fetch: (req, env) => handler(req, env), port: config.port }, (info) => {
    port = info.port;
    log(`Arrancando en http://localhost:${info.port} (/api/ready responde 503 hasta terminar)`);
  });
  // production never builds (no vite at run time): a missing web/dist stops the start before the long import
  const production = config.production;
  if (production) await ensureWebBuild(log, { production });

  const store = await openStore({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    replicaUrls: config.replicaUrls,
    statementTimeoutMs: config.settings.DATABASE_STATEMENT_TIMEOUT_MS,
  });
  log(
    `Base de datos: ${store.backend === 'pglite' ? `PGlite en ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}${store.reads ? `, réplicas de lectura: ${store.reads.names.join(', ')}` : ''}`,
  );

  if (await isStoreEmpty(store)) {
    phase = 'importación inicial';
    log('Primera ejecución: cargando los datos abiertos incluidos (SSC 2013–2016, FGJ Milpa Alta)…');
    await importBundledData(store, { progress: true });
  }
  phase = 'aplicación web';
  await ensureWebBuild(log, { production });

  // the session key: SESSION_KEY, else kept in PostgreSQL (shared by every process), else DATA_DIR/secrets/session-key.
  // The audit log is closed on shutdown (buffered entries written first), before the store.
  const sessionKey = await resolveSecret('session-key', {
    store,
    inDatabase: store.backend === 'postgres',
    dataDir: config.dataDir,
  });
  const services = createServices(store, {
    accounts: { sessionKey: Buffer.from(sessionKey!, 'hex') },
    chat: { dataDir: config.dataDir },
  });
  const { audit } = services;
  dataVersion = services.dataVersion;
  const app = createApp({ store, services, logger });
  mountWebApp(app);
  storeReady(store);
  // News sources on their schedule (when configured) and the chat-retention purge, in-process.
  const jobs = startBackgroundJobs({
    store,
    dataDir: config.dataDir,
    log,
    onNewsPass: () => dataVersion?.invalidate(),
    onSync: () => dataVersion?.invalidate(),
  });
  handler = app.fetch;
  log(`Mapa Común listo en http://localhost:${port}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    channel.close();
    server.close();
    await jobs.stop(); // waits for a news pass or purge in flight
    await closePlenaryRenderers(); // the export's headless Chromium
    await audit.close();
    await store.close();
    logger.flush(() => process.exit(0));
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  const message = `Error al iniciar: ${e instanceof Error ? e.message : e}`;
  logger.fatal({ err: e }, message);
  // also as plain text on stderr: the person who typed `npm start` reads the terminal, not a JSON log line
  process.stderr.write(`${message}\n`);
  logger.flush(() => process.exit(1));
});
