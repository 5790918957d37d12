/**
 * The real HTTP server for end-to-end tests: the Hono app over a test store, plus the built web
 * app (`web/dist`) when present, served by @hono/node-server on a free port of 127.0.0.1.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { Store } from '../../db/connect.ts';
import { createApp, type AppOptions } from '../../server/app.ts';
import { ensureWebBuild, mountWebApp } from '../../server/static/index.ts';

export interface TestServer {
  /** base URL without a trailing slash, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export interface TestServerOptions extends Omit<AppOptions, 'store'> {
  /** build `web/dist` with Vite first when it is missing or stale (for browser tests). */
  buildWeb?: boolean;
}

export async function startTestServer(store: Store, opts: TestServerOptions = {}): Promise<TestServer> {
  const { buildWeb, ...appOptions } = opts;
  if (buildWeb) await ensureWebBuild((msg) => process.stderr.write(`[harness] ${msg}\n`), { rebuildStale: true });
  const app = createApp({ ...appOptions, store });
  mountWebApp(app as unknown as Parameters<typeof mountWebApp>[0]);
  const { server, port } = await new Promise<{ server: ReturnType<typeof serve>; port: number }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, port: info.port }),
    );
    server.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        // Keep-alive sockets (browsers, fetch) would hold close() open: drop them.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
