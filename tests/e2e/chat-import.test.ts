/**
 * A moderador imports a neighbourhood chat export from the browser (headless Chromium): she opens
 * #moderacion, picks the file, reads the preview (nothing stored yet), confirms, and finds the
 * messages in the review queue.
 *
 * The export is the hand-written `tests/fixtures/chat/whatsapp-android.txt` (no real chat exists
 * in the project; see that folder's README). Expected values were read from it: 8 messages from
 * 12/05/24 to 13/05/24, two of them incident reports (an assault at Medellín y Puebla and a van
 * stolen on calle Durango, both in colonia Roma Norte).
 * Screenshots: `.test-artifacts/screenshots/moderation-chat-import-{preview,result,queue}.png`.
 */
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { emptyStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, loginThroughPage, type LaunchedBrowser } from '../harness/chromium.ts';

const SHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');
const EXPORT = readFileSync(join(REPO_ROOT, 'tests/fixtures/chat/whatsapp-android.txt'));

describe('a moderador imports a chat export from the browser (headless Chromium)', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let adminToken: string;
  const pageErrors: string[] = [];

  const pendingChatReports = async () =>
    (
      (await (
        await fetch(`${server.url}/api/moderation/reports?status=pending`, {
          headers: { authorization: `Bearer ${adminToken}` },
        })
      ).json()) as { reports: { origin: string; description_redacted: string }[] }
    ).reports.filter((r) => r.origin === 'chat');

  beforeAll(async () => {
    store = await emptyStore('pglite');
    server = await startTestServer(store, {
      buildWeb: true,
      chat: { dataDir: mkdtempSync(join(tmpdir(), 'e2e-chat-')) },
    });
    browser = await launchBrowser();
    page = await browser.newPage({ width: 1400, height: 900 }, pageErrors);
    adminToken = await createToken(store, { role: 'admin', name: 'e2e-admin' });
    await createUser(store, {
      email: 'modera.chat@example.org',
      password: 'clave-de-moderacion-2',
      name: 'Modera',
      role: 'moderador',
    });
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('picks the file, sees the preview, confirms, and finds the messages in the queue', async () => {
    await loginThroughPage(page, server.url, 'modera.chat@example.org', 'clave-de-moderacion-2');
    await page.goto(`${server.url}/#moderacion`);
    const panel = page.locator('[data-testid="chat-import"]');
    await panel.waitFor({ timeout: 60_000 });

    await panel.locator('[data-testid="chat-file"]').setInputFiles({
      name: 'Chat de WhatsApp con Vecinos Roma Norte.txt',
      mimeType: 'text/plain',
      buffer: EXPORT,
    });
    const preview = panel.locator('[data-testid="chat-preview"]');
    await preview.waitFor({ timeout: 60_000 });
    const previewText = (await preview.textContent())!;
    expect(previewText).toContain('8 mensajes');
    expect(previewText).toContain('del 12 may 2024 al 13 may 2024');
    expect(await preview.locator('[data-testid="chat-preview-incidents"]').textContent()).toContain(
      '2 reportes de incidentes',
    );
    expect(previewText).toContain('Roma Norte');
    // the phone number in the first report is not shown
    expect(previewText).not.toMatch(/8765|1234 5678/);
    await panel.screenshot({ path: join(SHOTS, 'moderation-chat-import-preview.png') });
    // a preview stores nothing
    expect(await pendingChatReports()).toEqual([]);

    await panel.locator('[data-testid="chat-confirm"]').click();
    const result = panel.locator('[data-testid="chat-result"]');
    await result.waitFor({ timeout: 60_000 });
    expect(await result.textContent()).toContain('2 mensajes agregados a la cola');
    await panel.screenshot({ path: join(SHOTS, 'moderation-chat-import-result.png') });

    // the queue now lists the two chat messages
    const items = page.locator('[data-testid="queue-item"]');
    await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(2);
    const queueText = (await page.locator('[data-testid="queue"]').textContent())!;
    expect(queueText).toContain('Medellín y Puebla');
    expect(queueText).toContain('calle Durango');
    expect(queueText.match(/Chat importado/g)).toHaveLength(2);
    await panel.locator('[data-testid="chat-queue-link"]').click();
    await page.screenshot({ path: join(SHOTS, 'moderation-chat-import-queue.png') });

    const stored = await pendingChatReports();
    expect(stored).toHaveLength(2);
    expect(pageErrors).toEqual([]);
  }, 240_000);
});
