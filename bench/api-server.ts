/**
 * A server process for the API benchmark, so that the load generator and the measured server do not
 * share an event loop and the server's memory can be read on its own (`/proc/<pid>/status`):
 *  - `app <json>`: the Hono app (`createApp`, no response cache: every request is uncached) over the
 *    store `{ databaseUrl }` or `{ dataDir }`;
 *  - `bare <file>`: the floor, a `node:http` server answering each known path with fixed bytes and headers
 *    (`listenBare`), from a JSON file `{ [path]: { body: base64, headers } }`.
 * Prints `LISTENING <url>` once it accepts connections; stops on SIGTERM.
 */
import { readFileSync } from 'node:fs';
import { openStore } from '../db/connect.ts';
import { createApp } from '../server/app.ts';
import { listenApp, listenBare, type FixedResponse } from './http-load.ts';

async function main(): Promise<void> {
  const [mode, arg] = process.argv.slice(2);
  if (mode === 'app') {
    const store = await openStore(JSON.parse(arg));
    const server = await listenApp(createApp({ store, cache: { maxEntries: 0 } }));
    process.once('SIGTERM', () => void server.close().finally(() => store.close().finally(() => process.exit(0))));
    process.stdout.write(`LISTENING ${server.url}\n`);
  } else if (mode === 'bare') {
    const raw = JSON.parse(readFileSync(arg, 'utf8')) as Record<
      string,
      { body: string; headers: Record<string, string> }
    >;
    const responses = new Map<string, FixedResponse>(
      Object.entries(raw).map(([path, r]) => [path, { body: Buffer.from(r.body, 'base64'), headers: r.headers }]),
    );
    const server = await listenBare(responses);
    process.once('SIGTERM', () => void server.close().finally(() => process.exit(0)));
    process.stdout.write(`LISTENING ${server.url}\n`);
  } else {
    throw new Error(`usage: api-server.ts app '{"databaseUrl":…}' | bare <responses.json>`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
