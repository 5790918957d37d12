/**
 * End-to-end: the self-hosted street basemap. The server is given a PMTiles archive the test writes
 * from the city's alcaldías (tests/support/pmtiles.ts, as the basemap's `earth` layer); the map, in
 * headless Chromium, must read it through byte ranges of `/basemap/cdmx.pmtiles` (header, directory,
 * tiles: every answer a 206), paint it, and draw the hexagons inside MapLibre's canvas, under the
 * basemap's labels (deck.gl interleaved: no second canvas). The screenshot is saved
 * to `.test-artifacts/screenshots/map-basemap.png`.
 */
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, type LaunchedBrowser } from '../harness/chromium.ts';
import { cityBasemap } from '../support/pmtiles.ts';

const SCREENSHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

describe('the map over a self-hosted PMTiles basemap', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];
  const ranges: { status: number; range: string | null }[] = [];

  beforeAll(async () => {
    const archive = join(mkdtempSync(join(tmpdir(), 'mc-basemap-e2e-')), 'cdmx.pmtiles');
    cityBasemap(8, 12, archive);
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true, basemap: { pmtiles: archive } });
    browser = await launchBrowser();
    page = await browser.newPage({ width: 1200, height: 800 }, pageErrors);
    page.on('response', (res) => {
      if (new URL(res.url()).pathname === '/basemap/cdmx.pmtiles')
        ranges.push({ status: res.status(), range: res.request().headers()['range'] ?? null });
    });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('reads the archive by byte ranges, paints it, and draws the hexagons under its labels', async () => {
    await page.goto(`${server.url}/?z=11`);
    await page.waitForSelector('[data-testid="map"][data-hexagons-state="ready"]', { timeout: 90_000 });
    // MapLibre asks for tiles after the header and directory: wait until tile ranges have come in
    await expect.poll(() => ranges.length, { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
    expect(ranges.every((r) => r.status === 206 && /^bytes=\d+-\d+$/.test(r.range ?? ''))).toBe(true);
    // the hexagons are drawn into MapLibre's own canvas, under the basemap's labels (interleaved):
    // no second canvas on top of the map
    const canvases = await page.evaluate(() => document.querySelectorAll('[data-testid="map"] canvas').length);
    expect(canvases).toBe(1);
    await page.waitForTimeout(1_000); // let the last tiles paint
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'map-basemap.png') });
    expect(pageErrors).toEqual([]);
  });
});
