/**
 * End-to-end: a browser submits a citizen report through the form, a
 * moderator approves it through the API with a bearer token, and it appears in the hotspot
 * counts — at the H3 cell computed here with h3-js from the place the moderator sees.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import type { Page } from 'playwright-core';
import { createToken } from '../../db/queries/tokens.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, type LaunchedBrowser } from '../harness/chromium.ts';

describe('citizen report: browser → moderation → hotspots', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true, reports: { rateLimit: 0 } });
    browser = await launchBrowser();
    page = await browser.newPage({ width: 390, height: 844 }, pageErrors); // a phone: the form is mobile first
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('is submitted, approved and counted', async () => {
    await page.goto(`${server.url}/#reportar`);
    const form = page.locator('[data-testid="report-form"]');
    await form.waitFor({ timeout: 60_000 });
    await expect
      .poll(() => form.locator('select[name="category"] option[value="robo_transeunte"]').count(), { timeout: 30_000 })
      .toBe(1);
    expect(await form.textContent()).toContain('911');
    expect(await form.textContent()).toContain('089');

    await form.locator('select[name="category"]').selectOption('robo_transeunte');
    await form.locator('input[name="date"]').fill('2016-03-15');
    await form.locator('select[name="hour"]').selectOption('21');
    await form.locator('input[name="place"]').fill('Metro Pino Suárez');
    await form.getByRole('button', { name: 'Buscar' }).click();
    await form.locator('[data-testid="report-place-ok"]').check();
    expect(await form.locator('.understood').textContent()).toContain('estación');
    await form
      .locator('textarea[name="description"]')
      .fill('Me arrebataron el celular <b>al salir</b>, tel 55 1234 5678');

    // without consent the form refuses
    await form.locator('[data-testid="report-submit"]').click();
    expect(await form.locator('[data-testid="report-error"]').textContent()).toContain('consentimiento');
    await form.locator('[data-testid="report-consent"]').check();
    await form.locator('[data-testid="report-submit"]').click();
    const folio = (await page.locator('[data-testid="report-folio"]').textContent({ timeout: 30_000 }))!.trim();
    expect(folio).toMatch(/^MC-[A-Z2-7]{10}$/);

    const moderator = await createToken(store, { role: 'moderador', name: 'e2e' });
    const auth = { authorization: `Bearer ${moderator}` };
    const queue = (await (
      await fetch(`${server.url}/api/moderation/reports?status=pending`, { headers: auth })
    ).json()) as any;
    const mine = queue.reports.find((r: any) => r.folio === folio);
    expect(mine).toMatchObject({ category: 'robo_transeunte', date: '2016-03-15', hour: 21, origin: 'form' });
    expect(mine.description_raw).toBe('Me arrebataron el celular <b>al salir</b>, tel 55 1234 5678');
    expect(mine.description_redacted).toBe('Me arrebataron el celular <b>al salir</b>, tel [teléfono]');

    const cell = latLngToCell(mine.place.lat, mine.place.lon, 9);
    const hotspots = `${server.url}/api/hotspots?res=9&from=2016-03-01&to=2016-04-01&category=robo_transeunte`;
    const countAt = async () => {
      const body = (await (await fetch(hotspots, { headers: auth })).json()) as any;
      return (body.cells.find((c: any) => c.h3 === cell)?.count ?? 0) as number;
    };
    const before = await countAt();
    const approved = await fetch(`${server.url}/api/moderation/reports/${folio}/approve`, {
      method: 'POST',
      headers: auth,
    });
    expect(approved.status).toBe(200);
    expect(await countAt()).toBe(before + 1);

    // the reporter sees the new status through the folio lookup in the form
    await page.locator('.lookup input').fill(folio);
    await page.locator('.lookup button').click();
    await expect.poll(() => page.locator('.lookup [role="status"]').textContent()).toContain('Aprobado');
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('opens without the map code; "Elegir en el mapa" loads the map and takes the tapped point', async () => {
    const phone = await browser.context.newPage();
    await phone.setViewportSize({ width: 390, height: 844 });
    phone.on('pageerror', (error) => pageErrors.push(error.message));
    const scripts: string[] = [];
    phone.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await phone.goto(`${server.url}/#reportar`);
    const form = phone.locator('[data-testid="report-form"]');
    await form.waitFor({ timeout: 60_000 });
    await phone.waitForLoadState('networkidle');
    // the map screen (MapLibre, deck.gl) is a chunk of its own, fetched only when the map is shown
    expect(scripts.filter((path) => path.includes('MapView'))).toEqual([]);
    expect(await phone.locator('.maplibregl-canvas').count()).toBe(0);

    await form.locator('[data-testid="report-pick"]').click();
    // the layers (the picker among them) are mounted once the map has loaded; the hexagon layer marks it
    await phone.waitForSelector('[data-testid="map"][data-hexagons-state]', { timeout: 90_000 });
    expect(scripts.some((path) => path.includes('MapView'))).toBe(true);
    await phone.locator('[data-testid="map"]').click({ position: { x: 300, y: 620 } });
    await expect
      .poll(() => form.locator('.understood').textContent(), { timeout: 30_000 })
      .toMatch(/^Punto elegido: 19\.\d{5}, -99\.\d{5}$/);
    expect(pageErrors).toEqual([]);
    await phone.close();
  }, 300_000);
});
