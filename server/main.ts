/**
 * `npm start`: open the store (PGlite in DATA_DIR, or DATABASE_URL), load the bundled data on the
 * first run, build the web app if needed, then serve API + map on one port, and the command
 * channel for CLI commands on a socket in DATA_DIR.
 */
import { serve } from '@hono/node-server';
import { openStore, type Store } from '../db/connect.ts';
import { serveCommandChannel } from '../db/channel/index.ts';
import { importBundledData, isStoreEmpty } from '../etl/bundled.ts';
import { runCommand } from '../etl/cli.ts';
import { createApp } from './app.ts';
import { DataVersion } from './cache/index.ts';
import { createIncidentRepository } from '../db/queries/index.ts';
import { readConfig } from './config.ts';
import { ensureWebBuild, mountWebApp } from './static/index.ts';

const log = (msg: string) => process.stderr.write(msg + '\n');

async function main() {
  const config = readConfig();
  const started = Date.now();
  // Claim DATA_DIR before opening the store: a second PGlite process on the same folder would
  // corrupt it. Commands that arrive while the store is still loading wait for it.
  let storeReady!: (s: Store) => void;
  const storePromise = new Promise<Store>((resolve) => (storeReady = resolve));
  let dataVersion: DataVersion | undefined;
  const channel = await serveCommandChannel(config.dataDir, async (argv, io) => {
    try {
      return await runCommand(argv, { store: await storePromise, io });
    } finally {
      // a command may import data: the next request must see the new data version at once
      dataVersion?.invalidate();
    }
  });
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  log(`Base de datos: ${store.backend === 'pglite' ? `PGlite en ${config.dataDir}` : 'PostgreSQL (DATABASE_URL)'}`);

  if (await isStoreEmpty(store)) {
    log('Primera ejecución: cargando los datos abiertos incluidos (SSC 2013–2016, FGJ Milpa Alta)…');
    await importBundledData(store, { progress: true });
  }
  await ensureWebBuild(log);

  const repository = createIncidentRepository(store);
  dataVersion = new DataVersion(() => repository.dataVersion());
  const app = createApp({ store, repository, dataVersion });
  mountWebApp(app);
  storeReady(store);
  const server = serve({ fetch: app.fetch, port: config.port }, (info) => {
    log(`Mapa Común listo en http://localhost:${info.port}  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  });

  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    channel.close();
    server.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((e) => {
  log(`Error al iniciar: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
