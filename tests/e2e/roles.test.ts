/**
 * End-to-end, each role through its main task in headless Chromium over the real server and a
 * fresh copy of the bundled import:
 * - anyone: a search pick of a colonia while cuadrantes are shown switches the layer, opens the
 *   colonia's panel, raises no page error, and the result list stays closed; «metro hidalgo», typed
 *   in lowercase, offers the station first and the map flies to it;
 * - a moderador opens #moderacion, places an unplaced chat report with a click on the small map,
 *   approves it, and the API (an admin token, not the UI) counts one more incident in the H3 cell
 *   of the point the screen says it used;
 * - a moderador reviews news on the "Notas de prensa" tab: one event of two outlets (hand-written
 *   articles through the news pipeline) is detached into two incidents, merged back into one and
 *   rejected with a reason; after each step the API's city-wide list says the same;
 * - an admin invites a Mesa member with a territory picked by name; accepting the invitation
 *   through the API gives an account whose territory is that alcaldía's INEGI id;
 * - a mesa member asking for #moderacion is told "No autorizado"; she downloads the ranking as CSV
 *   and its rows are those `/api/rank` gives her session for the same query;
 * - at 390 × 844 the patrol sheet's table is not squeezed and the page does not scroll sideways;
 *   the report form, the plenary agenda builder and the area panel fit the screen.
 * Screenshots go to `.test-artifacts/screenshots/roles-*.png`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { latLngToCell } from 'h3-js';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { insertReport } from '../../db/queries/reports.ts';
import { recordJobRuns } from '../../db/queries/job-runs.ts';
import { newFolio } from '../../core/reports/index.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, loginThroughPage, type LaunchedBrowser } from '../harness/chromium.ts';
import { processHandwritten } from '../support/news/handwritten-feed.ts';
import { TUNING } from '../fixtures/news-clustering/handwritten.ts';
import { loadTransit } from '../../reference/transit/index.ts';

const SHOTS = join(REPO_ROOT, '.test-artifacts', 'screenshots');

describe('every role through its main task (headless Chromium)', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let adminToken: string;
  const pageErrors: string[] = [];

  async function login(email: string, password: string) {
    await browser.context.clearCookies();
    await loginThroughPage(page, server.url, email, password);
  }

  const api = async (path: string) =>
    (
      await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${adminToken}` } })
    ).json() as Promise<any>;

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true });
    browser = await launchBrowser();
    page = await browser.newPage({ width: 1400, height: 900 }, pageErrors);
    page.on('console', (message) => {
      if (message.type() === 'error' && /already exists/.test(message.text())) pageErrors.push(message.text());
    });
    adminToken = await createToken(store, { role: 'admin', name: 'e2e-admin' });
    mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('a search pick of a colonia over cuadrantes opens its panel, cleanly', async () => {
    // the colonia the API's own search offers first for this text
    const found = (await (await fetch(`${server.url}/api/search?q=${encodeURIComponent('Roma Norte')}`)).json()) as any;
    const list = (Array.isArray(found) ? found : (found.results ?? found.items)) as any[];
    const colonia = list.find((r) => (r.type ?? r.kind) === 'colonia');
    expect(colonia, 'the search offers a colonia for «Roma Norte»').toBeTruthy();

    await page.goto(`${server.url}/?layer=cuadrante&v=2016&p=2016-01..2016-06`);
    await page.locator('#search-input').waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1500); // cuadrantes drawn
    await page.fill('#search-input', 'Roma Norte');
    const option = page.locator('#search-results [role="option"]', { hasText: colonia.name }).first();
    await option.waitFor({ timeout: 30_000 });
    await page.keyboard.press('ArrowDown');
    expect(await page.locator('#search-input').getAttribute('aria-activedescendant')).toBe('search-option-0');
    await option.locator('button').click();
    await expect
      .poll(() => page.locator('[data-testid="area-title"]').textContent(), { timeout: 30_000 })
      .toContain(colonia.name);
    expect(new URL(page.url()).searchParams.get('layer')).toBe('colonia');
    await page.waitForTimeout(1200); // the search debounce has passed: the list must not come back
    expect(await page.locator('#search-results').count()).toBe(0);
    expect(await page.locator('#search-input').getAttribute('aria-expanded')).toBe('false');
    await page.screenshot({ path: join(SHOTS, 'roles-search-colonia.png') });
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('a neighbour types «metro hidalgo» in lowercase, picks the station and the map flies to it', async () => {
    // the station's point from the bundled transit file, not from the search answer
    const hidalgo = loadTransit().stations.find((st) => st.system === 'metro' && st.name === 'Hidalgo');
    expect(hidalgo, 'Metro Hidalgo in the station file').toBeTruthy();
    await page.goto(`${server.url}/?p=2016-01..2016-06`);
    await page.locator('#search-input').waitFor({ timeout: 60_000 });
    await page.fill('#search-input', 'metro hidalgo');
    const option = page.locator('#search-results [role="option"]').first();
    await option.waitFor({ timeout: 30_000 });
    expect(await option.textContent()).toMatch(/^Hidalgo\s*Metro/);
    await option.locator('button').click();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('c'), { timeout: 30_000 })
      .toMatch(/^-?\d+\.\d+,\d+\.\d+$/);
    const [lng, lat] = new URL(page.url()).searchParams.get('c')!.split(',').map(Number);
    expect(Math.abs(lng! - hidalgo!.lon)).toBeLessThan(0.001);
    expect(Math.abs(lat! - hidalgo!.lat)).toBeLessThan(0.001);
    expect(Number(new URL(page.url()).searchParams.get('z'))).toBeGreaterThanOrEqual(14);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('a moderador places an unplaced chat report on the map and approves it; the API counts it', async () => {
    const folio = newFolio();
    await insertReport(store, {
      folio,
      origin: 'chat',
      category: 'robo_transeunte',
      occurred_on: '2015-07-04',
      hour: 21,
      lat: null,
      lon: null,
      location_precision: 'none',
      location_text: null,
      alcaldia_id: null,
      colonia_id: null,
      description_raw: 'Asaltaron a una señora saliendo del metro, tel 55 1234 5678',
      description_redacted: 'Asaltaron a una señora saliendo del metro, tel [teléfono]',
      sender_hash: 'e2e',
      chat_ref: folio,
      text_expires_at: null,
    });
    await createUser(store, {
      email: 'modera@example.org',
      password: 'clave-de-moderacion-1',
      name: 'Modera',
      role: 'moderador',
    });
    await login('modera@example.org', 'clave-de-moderacion-1');
    await page.goto(`${server.url}/#moderacion`);
    const item = page.locator(`[data-testid="queue-item"][data-folio="${folio}"]`);
    await item.waitFor({ timeout: 60_000 });
    await item.locator('button').click();
    const detail = page.locator(`[data-testid="report-detail"][data-folio="${folio}"]`);
    await detail.waitFor();
    expect(await detail.locator('[data-testid="report-text"]').textContent()).toContain('[teléfono]');
    expect(await detail.locator('[data-testid="report-text"]').textContent()).not.toContain('1234');

    // without a place, approving is refused on screen (the API would answer 409 report_unplaced)
    await page.keyboard.press('a');
    await expect.poll(() => detail.locator('[data-testid="detail-error"]').textContent()).toContain('no tiene lugar');

    const picker = detail.locator('[data-testid="place-picker"][data-ready="true"]');
    await picker.waitFor({ timeout: 60_000 });
    // the click goes to screen coordinates: bring the small map into the viewport first
    await picker.scrollIntoViewIfNeeded();
    const box = (await picker.boundingBox())!;
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    const choice = (await detail.locator('[data-testid="place-choice"]').textContent())!;
    const m = /punto (-?\d+\.\d+), (-?\d+\.\d+)/.exec(choice);
    expect(m, choice).toBeTruthy();
    const [lat, lon] = [Number(m![1]), Number(m![2])];
    const cell = latLngToCell(lat, lon, 9);
    const hotspots = '/api/hotspots?res=9&from=2015-07-01&to=2015-08-01&category=robo_transeunte';
    const before = ((await api(hotspots)).cells.find((c: any) => c.h3 === cell)?.count ?? 0) as number;
    await page.screenshot({ path: join(SHOTS, 'roles-moderation.png') });

    await detail.locator('[data-testid="approve"]').click();
    await expect
      .poll(() => page.locator('[data-testid="moderation-notice"]').textContent(), { timeout: 30_000 })
      .toContain(`${folio} aprobado`);
    const approved = (await api('/api/moderation/reports?status=approved')).reports.find((r: any) => r.folio === folio);
    expect(approved?.status).toBe('approved');
    const after = ((await api(hotspots)).cells.find((c: any) => c.h3 === cell)?.count ?? 0) as number;
    expect(after).toBe(before + 1);
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('a moderador reviews news: detaches a joined note, merges it back, rejects the incident', async () => {
    // one event told by two outlets (hand-written fixture: a homicide in colonia Morelos), joined by
    // the news pipeline into one incident; each article names the corner, so each places by itself
    const e2 = TUNING.filter((a) => a.event === 'E2');
    await processHandwritten(store, e2);
    const march = 'from=2024-03-01&to=2024-04-01&limit=200';
    const cityList = async () => (await api(`/api/news/incidents?${march}`)) as { total: number; incidents: any[] };
    const [original] = (await cityList()).incidents;
    expect(original.sources).toHaveLength(e2.length);

    await createUser(store, {
      email: 'prensa@example.org',
      password: 'clave-de-prensa-1',
      name: 'Prensa',
      role: 'moderador',
    });
    await login('prensa@example.org', 'clave-de-prensa-1');
    await page.goto(`${server.url}/#moderacion`);
    await page.locator('[data-testid="tab-news"]').click();
    await page.fill('[data-testid="news-from"]', '2024-03');
    await page.fill('[data-testid="news-to"]', '2024-03');
    const items = page.locator('[data-testid="news-review-incident"]');
    const notice = page.locator('[data-testid="news-review-notice"]');
    await expect.poll(() => items.count(), { timeout: 60_000 }).toBe(1);
    const card = page.locator(`[data-testid="news-review-incident"][data-id="${original.id}"]`);
    for (const a of e2) expect(await card.textContent()).toContain(a.title);
    await page.screenshot({ path: join(SHOTS, 'roles-moderation-news.png'), fullPage: true });

    await card.locator('[data-testid="news-detach"]').click();
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('ahora es el incidente');
    const detached = (await cityList()).incidents.find((i) => i.id !== original.id);
    expect(await notice.textContent()).toContain(`ahora es el incidente ${detached.id}`);
    await expect.poll(() => items.count()).toBe(2);
    expect(detached.sources).toHaveLength(1);
    expect((await cityList()).incidents.find((i) => i.id === original.id).sources).toHaveLength(1);

    const other = page.locator(`[data-testid="news-review-incident"][data-id="${detached.id}"]`);
    await other.locator('[data-testid="news-merge-into"]').selectOption(original.id);
    await other.locator('[data-testid="news-merge"]').click();
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('unido');
    await expect.poll(() => items.count()).toBe(1);
    const merged = await cityList();
    expect(merged.incidents.map((i) => i.id)).toEqual([original.id]);
    expect(merged.incidents[0].sources).toHaveLength(e2.length);

    // rejecting without a reason is refused on screen; with one, the incident leaves the list and the API
    await card.locator('[data-testid="news-reject"]').click();
    expect(await notice.textContent()).toContain('motivo');
    await card.locator('[data-testid="news-reason"]').fill('nota de opinión, no un hecho');
    await card.locator('[data-testid="news-reject"]').click();
    await expect.poll(() => notice.textContent(), { timeout: 30_000 }).toContain('rechazado');
    await expect.poll(() => items.count()).toBe(0);
    expect((await cityList()).total).toBe(0);
    expect(pageErrors).toEqual([]);
  }, 180_000);

  it('an admin invites a Mesa member with a territory picked by name', async () => {
    const alcaldias = (await api('/api/boundaries/alcaldia?vintage=2023')).features as any[];
    const coyoacan = alcaldias.find((f) => f.properties.name === 'Coyoacán');
    expect(coyoacan).toBeTruthy();
    await createUser(store, {
      email: 'admin@example.org',
      password: 'clave-de-admin-123',
      name: 'Admin',
      role: 'admin',
    });
    await login('admin@example.org', 'clave-de-admin-123');
    await page.goto(`${server.url}/#admin`);
    await page.locator('[data-testid="invite-form"]').waitFor({ timeout: 60_000 });
    await page.fill('[data-testid="invite-email"]', 'mesa.coyoacan@example.org');
    await page.selectOption('[data-testid="invite-role"]', 'mesa');
    await page.fill('[data-testid="territory-search"]', 'coyoacan');
    await page.locator('[data-testid="territory-matches"] button', { hasText: 'Alcaldía Coyoacán' }).click();
    await page.click('[data-testid="invite-submit"]');
    const link = (await page.locator('[data-testid="invitation-link"]').textContent({ timeout: 30_000 }))!;
    await page.screenshot({ path: join(SHOTS, 'roles-admin-invite.png') });
    const token = decodeURIComponent(/#invitacion=(.+)$/.exec(link)![1]);
    const accepted = await fetch(`${server.url}/api/invitations/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token, name: 'Mesa Coyoacán', password: 'clave-de-la-mesa-9' }),
    });
    expect(accepted.status).toBe(201);
    const body = (await accepted.json()) as any;
    expect(body.user).toMatchObject({ role: 'mesa', territory: [coyoacan.properties.id] });

    // the news sources' runs: a failed run of a source of the bundled config (recorded here by hand, as the scheduler records one)
    await recordJobRuns(store, [
      {
        job: 'noticias',
        source: 'jornada-capital',
        startedAt: new Date(),
        status: 'failed',
        reason: 'sin respuesta del servidor (tiempo agotado)',
        counts: { articles: 0, incidents: 0 },
        instance: 'e2e:1',
      },
    ]);
    await page.click('[data-testid="tab-news-sources"]');
    const row = page.locator('[data-testid="news-sources-admin"] tr[data-source="jornada-capital"]');
    await expect.poll(() => row.textContent(), { timeout: 30_000 }).toContain('falló');
    expect(await row.textContent()).toContain('tiempo agotado');
    expect(
      await page.locator('[data-testid="news-sources-admin"] tr[data-source="eluniversal-metropoli"]').textContent(),
    ).toContain('sin ejecutar');
    await page.screenshot({ path: join(SHOTS, 'roles-admin-news-sources.png') });
    expect(pageErrors).toEqual([]);
  }, 240_000);

  it('a mesa member asking for moderation is told she is not authorised', async () => {
    await login('mesa.coyoacan@example.org', 'clave-de-la-mesa-9');
    await page.goto(`${server.url}/#moderacion`);
    await expect
      .poll(() => page.locator('[data-testid="not-authorized"]').textContent(), { timeout: 30_000 })
      .toContain('No autorizado');
  }, 120_000);

  it('a mesa member downloads a ranking CSV whose rows are those of /api/rank', async () => {
    // still logged in as the Mesa member of the previous test
    await page.goto(`${server.url}/?p=2016-01..2016-06#ranking`);
    await page.locator('[data-testid="ranking"][data-state="ready"]').waitFor({ timeout: 60_000 });
    await page.selectOption('[data-testid="ranking-kind"]', 'colonia');
    await page.locator('[data-testid="ranking"][data-state="ready"] tbody tr').first().waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="ranking-download"] summary').click();
    const link = page.locator('[data-testid="ranking-download"] a[data-format="csv"]');
    const href = (await link.getAttribute('href'))!;
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), link.click()]);
    const file = await download.path();
    const rows = parse(readFileSync(file!, 'utf8').replace(/^\uFEFF/, ''), { columns: true }) as Record<
      string,
      string
    >[];
    // the JSON ranking for the same query, asked with the same session (the page's cookies)
    const query = href.split('?')[1];
    expect(query).toContain('kind=colonia');
    const json = (await (await page.request.get(`${server.url}/api/rank?${query}`)).json()) as any;
    expect(rows.length).toBe(json.items.length);
    expect(rows.length).toBeGreaterThan(0);
    rows.forEach((row, i) => {
      expect(row.id).toBe(json.items[i].id);
      expect(row.count).toBe(json.items[i].count === null ? '' : String(json.items[i].count));
    });
    await page.screenshot({ path: join(SHOTS, 'roles-ranking.png') });
  }, 180_000);

  it('the patrol sheet and the report form are usable on a 390 px phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const cuadrantes = (await api('/api/boundaries/cuadrante?vintage=2016')).features as any[];
    const mine = cuadrantes.find((f) => f.properties.alcaldia_id === '09003');
    expect(mine, 'a 2016 cuadrante in Coyoacán').toBeTruthy();
    await page.goto(
      `${server.url}/?p=2016-01..2016-06#patrullaje?cuadrante=${encodeURIComponent(mine.properties.id)}&v=2016`,
    );
    await page.locator('[data-testid="patrol-sheet"][data-state="ready"]').waitFor({ timeout: 60_000 });
    // the heat table keeps readable cells (it scrolls inside its box instead of being squeezed)
    const table = (await page.locator('[data-testid="heat-table"]').boundingBox())!;
    expect(table.width).toBeGreaterThan(300);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(390);
    await page.screenshot({ path: join(SHOTS, 'roles-phone-patrol.png'), fullPage: true });

    await page.goto(`${server.url}/#reportar`);
    const form = page.locator('form').first();
    await form.waitFor({ timeout: 60_000 });
    const box = (await form.boundingBox())!;
    expect(box.width).toBeGreaterThan(300);
    expect(box.x + box.width).toBeLessThanOrEqual(391);
    await page.screenshot({ path: join(SHOTS, 'roles-phone-report.png'), fullPage: true });

    // the plenary agenda builder and the area panel (a bottom sheet) fit the phone's width
    await page.goto(`${server.url}/#plenaria`);
    await page.locator('[data-testid="agenda-builder"]').waitFor({ timeout: 60_000 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const builder = (await page.locator('[data-testid="agenda-builder"]').boundingBox())!;
    expect(builder.x + builder.width).toBeLessThanOrEqual(391);
    await page.screenshot({ path: join(SHOTS, 'roles-phone-plenary.png'), fullPage: true });
    await page.goto(`${server.url}/?p=2016-01..2016-06&layer=alcaldia&sel=09003`);
    const panel = page.locator('[data-testid="area-panel"][data-state="ready"]');
    await panel.waitFor({ timeout: 60_000 });
    const sheet = (await panel.boundingBox())!;
    expect(sheet.width).toBeGreaterThan(350);
    expect(sheet.x + sheet.width).toBeLessThanOrEqual(391);
    await page.screenshot({ path: join(SHOTS, 'roles-phone-panel.png') });
    await page.setViewportSize({ width: 1400, height: 900 });
    expect(pageErrors).toEqual([]);
  }, 180_000);
});
