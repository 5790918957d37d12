/**
 * The end-to-end plumbing: the test server answers over real HTTP, also to headless Chromium.
 */
import { describe, expect, it } from 'vitest';
import { BACKENDS, emptyStore } from './stores.ts';
import { startTestServer } from './server.ts';
import { launchBrowser } from './chromium.ts';

describe.each(BACKENDS)('test server on %s', (backend) => {
  it('answers /api/health from its own store over HTTP', async () => {
    const store = await emptyStore(backend);
    const server = await startTestServer(store);
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const res = await fetch(`${server.url}/api/health`);
      expect(res.status).toBe(200);
      expect(await res.json()).toMatchObject({ ok: true, db: backend, incidents: 0 });
    } finally {
      await server.close();
      await store.close();
    }
  });
});

describe('headless Chromium', () => {
  it('loads a page of the test server', async () => {
    const store = await emptyStore('pglite');
    const server = await startTestServer(store);
    const browser = await launchBrowser();
    try {
      const page = await browser.context.newPage();
      const res = await page.goto(`${server.url}/api/health`);
      expect(res?.status()).toBe(200);
      expect(await res?.json()).toMatchObject({ ok: true, db: 'pglite' });
    } finally {
      await browser.close();
      await server.close();
      await store.close();
    }
  });
});
