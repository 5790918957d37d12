/**
 * Web load benchmark: what a new visitor's browser downloads and waits for, per route of the web app.
 * The built app (`web/dist`, rebuilt when older than `web/`) is served with the API over the embedded
 * database holding the bundled import (the test harness's PGlite dump from `.test-artifacts/`, made
 * here and cached there when missing), and headless Chromium (the test harness's binary and flags)
 * loads each route in a fresh browser context, so nothing is cached, after one unmeasured warm-up load.
 *
 * Per route: the compressed JavaScript bytes transferred (what the network carried, after
 * Content-Encoding) and the uncompressed size, up to the network going quiet after the route is
 * ready; the time from navigation start to ready; the long tasks (> 50 ms) of the main thread until then.
 * "Ready" is the route's element in the page plus two animation frames (the frame holding it painted):
 * the map's `data-hexagons-state="ready"` (the hexagons drawn), the report form, the login page.
 *
 * `npm run bench -- web-load`; `BENCH_WEB_LOADS` (default 3) loads per route, the median is printed;
 * `BENCH_WEB_ROUTES=/,reportar` picks routes (by path or name); `BENCH_WEB_DIST=<folder>` serves that
 * build as it is instead of (re)building web/dist, e.g. to compare two builds.
 * The server shares this process with the Playwright driver, which only relays a few messages.
 */
import { readFileSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { openStore, type Store } from '../db/connect.ts';
import { CHROMIUM_ARGS, findChromium } from '../tests/harness/chromium.ts';
import { startTestServer, type TestServer } from '../tests/harness/server.ts';
import { createApp } from '../server/app.ts';
import { mountWebApp } from '../server/static/index.ts';
import {
  cachedDumpPath,
  importInto,
  loadImporter,
  sourcesHash,
  writeCachedDump,
} from '../tests/harness/bundled-import.ts';
import { compactDump } from '../tests/harness/pglite-dump.ts';
import { fmtInt, fmtMs, isMain, table } from './bench-env.ts';
import { listenApp, percentile } from './http-load.ts';

export interface WebRoute {
  name: string;
  /** path and hash after the server's origin */
  path: string;
  /** the element whose presence means the route is ready */
  ready: string;
}

export const WEB_ROUTES: WebRoute[] = [
  { name: '#mapa (default view)', path: '/', ready: '[data-testid="map"][data-hexagons-state="ready"]' },
  { name: '#reportar', path: '/#reportar', ready: '[data-testid="report-form"]' },
  { name: '#entrar (login)', path: '/#entrar', ready: '[data-testid="login-page"]' },
];

export interface LoadFigures {
  readyMs: number;
  longTaskMs: number;
  longTasks: number;
  /** JavaScript as transferred (compressed) and as run, in bytes */
  jsTransferred: number;
  jsDecoded: number;
  jsFiles: number;
  /** Content-Encoding of the JavaScript responses, e.g. "br" */
  encodings: string[];
}

export interface RouteFigures {
  route: WebRoute;
  loads: LoadFigures[];
}

/**
 * Runs before the page's scripts: `window.__benchReady` resolves with `performance.now()` (ms since
 * navigation start) two animation frames after the selector matches, and the long tasks until then.
 * Plain JavaScript source: a function passed to the browser would carry tsx's `__name` helper calls.
 */
function probeSource(selector: string): string {
  return `(() => {
  const selector = ${JSON.stringify(selector)};
  let longTaskMs = 0;
  let longTasks = 0;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) {
        longTaskMs += entry.duration;
        longTasks += 1;
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  window.__benchReady = new Promise((resolve) => {
    const observer = new MutationObserver(() => check());
    const check = () => {
      if (!document.querySelector(selector)) return false;
      observer.disconnect();
      requestAnimationFrame(() =>
        requestAnimationFrame(() => resolve({ readyMs: performance.now(), longTaskMs, longTasks })),
      );
      return true;
    };
    if (!check()) observer.observe(document, { subtree: true, childList: true, attributes: true });
  });
})();`;
}

async function loadOnce(browser: Browser, baseUrl: string, route: WebRoute): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    await context.addInitScript({ content: probeSource(route.ready) });
    const page = await context.newPage();
    const scripts: Promise<{ transferred: number; decoded: number; encoding: string }>[] = [];
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'script') return;
      scripts.push(
        (async () => {
          const [sizes, body, headers] = await Promise.all([
            response.request().sizes(),
            response.body(),
            response.allHeaders(),
          ]);
          return {
            transferred: sizes.responseBodySize,
            decoded: body.length,
            encoding: headers['content-encoding'] ?? 'identity',
          };
        })(),
      );
    });
    await page.goto(`${baseUrl}${route.path}`, { waitUntil: 'commit' });
    const probe = await page.evaluate(
      () =>
        (window as unknown as { __benchReady: Promise<{ readyMs: number; longTaskMs: number; longTasks: number }> })
          .__benchReady,
    );
    // what the route loads after it is ready (e.g. chunks fetched on idle) counts as its weight too
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => {});
    const sizes = await Promise.all(scripts);
    return {
      ...probe,
      jsTransferred: sizes.reduce((n, s) => n + s.transferred, 0),
      jsDecoded: sizes.reduce((n, s) => n + s.decoded, 0),
      jsFiles: sizes.length,
      encodings: [...new Set(sizes.map((s) => s.encoding))],
    };
  } finally {
    await context.close();
  }
}

/** The embedded store with the bundled import: the harness's cached dump, made and cached when missing. */
async function bundledStore(log: (line: string) => void): Promise<Store> {
  const dump = cachedDumpPath('full', sourcesHash());
  try {
    const bytes = readFileSync(dump);
    log(`PGlite from the harness's dump ${dump}`);
    return await openStore({ memory: true, loadDataDir: new Blob([bytes as Uint8Array<ArrayBuffer>]) });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const importer = await loadImporter();
  if (!importer) throw new Error('etl/bundled.ts is missing: no bundled data to serve');
  log('no cached PGlite dump: importing the bundled data (10–20 min), then caching it in .test-artifacts/');
  const store = await openStore({ memory: true });
  await importInto(importer, store, log);
  writeCachedDump('full', sourcesHash(), await compactDump(store));
  return store;
}

/** The app over `store` serving an existing build folder as it is (to compare builds side by side). */
async function serveBuild(store: Store, distDir: string): Promise<TestServer> {
  const app = createApp({ store });
  mountWebApp(app as unknown as Parameters<typeof mountWebApp>[0], distDir);
  return listenApp(app);
}

export async function run(opts: { loads?: number; log?: (line: string) => void } = {}): Promise<RouteFigures[]> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const loads = opts.loads ?? Number(process.env.BENCH_WEB_LOADS ?? 3);
  const executablePath = findChromium();
  if (!executablePath) throw new Error('no Chromium: install it (apt-get install chromium) or set CHROMIUM_PATH');
  const store = await bundledStore(log);
  const dist = process.env.BENCH_WEB_DIST;
  const server = dist ? await serveBuild(store, dist) : await startTestServer(store, { buildWeb: true });
  const only = process.env.BENCH_WEB_ROUTES?.split(',');
  const routes = only
    ? WEB_ROUTES.filter((r) => only.some((o) => r.path.includes(o) || r.name.includes(o)))
    : WEB_ROUTES;
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
  const results: RouteFigures[] = [];
  try {
    for (const route of routes) {
      await loadOnce(browser, server.url, route); // warm-up: the server's caches and code paths
      const figures: LoadFigures[] = [];
      for (let i = 0; i < loads; i++) figures.push(await loadOnce(browser, server.url, route));
      results.push({ route, loads: figures });
    }
  } finally {
    await browser.close();
    await server.close();
    await store.close();
  }
  log(report(results));
  return results;
}

const median = (xs: number[]) => percentile(xs, 50);
const kb = (bytes: number) => `${fmtInt(bytes / 1000)} KB`;

function report(results: RouteFigures[]): string {
  const rows = results.map(({ route, loads }) => {
    const ready = loads.map((l) => l.readyMs);
    return [
      route.name,
      `${fmtMs(median(ready))} ms`,
      `${fmtMs(Math.min(...ready))}–${fmtMs(Math.max(...ready))}`,
      `${fmtMs(median(loads.map((l) => l.longTaskMs)))} ms (${median(loads.map((l) => l.longTasks))})`,
      kb(median(loads.map((l) => l.jsTransferred))),
      kb(median(loads.map((l) => l.jsDecoded))),
      String(median(loads.map((l) => l.jsFiles))),
      [...new Set(loads.flatMap((l) => l.encodings))].join(','),
    ];
  });
  return table(
    ['route', 'ready (median)', 'range', 'long tasks', 'JS transferred', 'JS decoded', 'JS files', 'encoding'],
    rows,
  );
}

if (isMain(import.meta.url)) {
  run().then(
    () => process.exit(0),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}
