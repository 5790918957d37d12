/**
 * Plenary mode end to end: the real server over a fresh copy of the
 * bundled import, in headless Chromium. Opens `#plenaria` with a one-area, one-category agenda
 * (the sector with the most robo a transeúnte in June 2016, as /api/rank says), walks the five
 * slides with the keyboard checking each heading, the counter and the URL, checks the semáforo
 * slide's figures against GET /api/semaforo and the trend slide against GET /api/trend (asked here
 * with an admin token, independently of the UI code), then downloads the PDF from
 * /api/plenary/pdf and checks its page count and the first page's text with pdfjs-dist
 * (getTextContent), and one slide through /api/plenary/png. The PDF and the PNG are saved to
 * `.test-artifacts/` for a person to look at.
 *
 * The browser sends the admin token too (extra HTTP header), so the slides show exact figures,
 * as the API gives the admin; the PDF route forwards the caller's Authorization to the page.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { REPO_ROOT } from '../../reference/files/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { closePlenaryRenderers } from '../../server/plenary/index.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, type LaunchedBrowser } from '../harness/chromium.ts';
import { expectedCoverageLine, sourceMonths } from '../support/source-months.ts';

const ARTIFACTS = join(REPO_ROOT, '.test-artifacts');
const MONTH = '2016-06';
const CATEGORY = 'robo_transeunte';
const VINTAGE = '2016';

/** Text of a PDF page, whitespace removed: pdfjs splits runs at arbitrary points. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: bytes, useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  await pdf.destroy();
  return pages;
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23), after checking the signature. */
function pngSize(bytes: Uint8Array): { width: number; height: number } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

describe('plenary mode (headless Chromium)', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  let auth: { authorization: string };
  /** the sector with the most robo a transeúnte in the month (GET /api/rank as admin) */
  let sector: { id: string; name: string; count: number };
  /** every slide's sources line: each source with its first and last month in the store */
  let sourcesLine: string;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true });
    browser = await launchBrowser();
    auth = { authorization: `Bearer ${await createToken(store, { role: 'admin', name: 'e2e-plenary' })}` };
    page = await browser.newPage({ width: 1400, height: 800 }, pageErrors);
    await page.setExtraHTTPHeaders(auth);
    const rank = await api(
      `/api/rank?kind=sector&vintage=${VINTAGE}&from=${MONTH}-01&to=2016-07-01&category=${CATEGORY}&by=count&limit=1`,
    );
    sector = rank.items[0];
    sourcesLine = `Fuentes: ${expectedCoverageLine(await sourceMonths(store))}`;
  }, 600_000);

  afterAll(async () => {
    await closePlenaryRenderers();
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function api(path: string) {
    const res = await fetch(`${server.url}${path}`, { headers: auth });
    expect(res.status, `${path}: ${res.status}`).toBe(200);
    return (await res.json()) as any;
  }

  async function expectSlide(number: number, total: number, heading: string | RegExp) {
    await page.waitForSelector(`[data-testid="plenary"][data-ready="true"][data-slide="${number}"]`, {
      timeout: 90_000,
    });
    expect(await page.locator('[data-testid="slide-counter"]').textContent()).toBe(`${number} / ${total}`);
    const shown = (await page.locator('[data-testid="slide-heading"]').textContent())!.trim();
    if (typeof heading === 'string') expect(shown).toBe(heading);
    else expect(shown).toMatch(heading);
    expect(await page.locator('[data-testid="slide-data-until"]').textContent()).toMatch(
      /^Datos al \d{1,2} de [a-z]+ de \d{4}$/,
    );
    expect(await page.locator('[data-testid="slide-sources"]').textContent()).toBe(sourcesLine);
    if (number > 1) expect(page.url()).toContain(`slide=${number}`);
  }

  it('walks a five-slide session with the keyboard, its figures as the API gives them, then exports it as PDF and PNG', async () => {
    expect(sector.count).toBeGreaterThan(0);
    const agenda = `areas=sector:${encodeURIComponent(sector.id)}&categories=${CATEGORY}&month=${MONTH}&vintage=${VINTAGE}`;
    const health = await api('/api/health');
    // a Mesa target for the area (mesa-api, POST /api/targets as admin): −10 % against 2015, due June 2016
    const created = await fetch(`${server.url}/api/targets`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'Robo a transeúnte −10 %',
        kind: 'sector',
        area_id: sector.id,
        vintage: Number(VINTAGE),
        category: CATEGORY,
        baseline_from: '2015-01',
        baseline_to: '2016-01',
        reduction_pct: 10,
        due_month: MONTH,
      }),
    });
    expect(created.status, await created.clone().text()).toBe(201);
    const target = (await created.json()) as { id: number };
    const progress = await api(`/api/targets/${target.id}/progress`);

    await page.goto(`${server.url}/#plenaria?${agenda}`);
    // title, semáforo, change map, trend, targets
    await expectSlide(1, 5, 'Mesa de Seguridad y Justicia: junio de 2016');
    expect(await page.locator('[data-testid="title-slide"]').textContent()).toContain(`Sector ${sector.name}`);

    await page.keyboard.press('ArrowRight');
    await expectSlide(2, 5, 'Semáforo delictivo: Robo a transeúnte');
    const semaforo = await api(
      `/api/semaforo?kind=sector&ids=${encodeURIComponent(sector.id)}&month=${MONTH}&category=${CATEGORY}&vintage=${VINTAGE}`,
    );
    const expected = semaforo.items[0];
    expect(expected.baseline_months).toBe(36); // 2013-06 … 2016-05 lie in the SSC data: the colour is decided
    const row = page.locator(`[data-testid="semaforo-table"] tr[data-area-id="${sector.id}"]`);
    expect(Number(await row.getAttribute('data-count'))).toBe(expected.count);
    expect(Number(await row.getAttribute('data-baseline-mean'))).toBe(expected.baseline_mean);
    expect(Number(await row.getAttribute('data-pct-change'))).toBe(expected.pct_change);
    expect(await row.getAttribute('data-color')).toBe(expected.color);
    // what people read: the count, and the colour's name in words beside its icon
    expect((await row.locator('[data-testid="semaforo-count"]').textContent())!.replace(/\D/g, '')).toBe(
      String(expected.count),
    );
    const label = { verde: 'Verde', amarillo: 'Amarillo', rojo: 'Rojo' }[expected.color as string];
    expect(await row.locator('[data-testid="semaforo-label"]').textContent()).toContain(label);

    await page.keyboard.press('PageDown');
    await expectSlide(3, 5, `Sector ${sector.name}: Robo a transeúnte`);
    expect(await page.locator('[data-testid="map-slide"]').getAttribute('data-map-state')).toBe('ready');
    const change = await api(
      `/api/compare?kind=sector&ids=${encodeURIComponent(sector.id)}&vintage=${VINTAGE}&p1=2015-06-01..2015-07-01&p2=2016-06-01..2016-07-01&category=${CATEGORY}`,
    );
    expect(change.items[0].p2).toBe(expected.count); // the map's month count is the semáforo's
    expect((await page.locator('[data-testid="map-month-count"]').textContent())!).toContain(
      new Intl.NumberFormat('es-MX').format(change.items[0].p2),
    );

    await page.keyboard.press(' ');
    await expectSlide(4, 5, `Tendencia: Sector ${sector.name}, Robo a transeúnte`);
    const trend = await api(
      `/api/trend?kind=sector&id=${encodeURIComponent(sector.id)}&from=2013-07-01&to=2016-07-01&category=${CATEGORY}&vintage=${VINTAGE}`,
    );
    expect(trend.n).toBe(36);
    expect(await page.locator('[data-testid="trend-slide"]').getAttribute('data-direction')).toBe(trend.direction);
    const verdict = { up: 'Tendencia al alza', down: 'Tendencia a la baja', none: 'Sin tendencia significativa' }[
      trend.direction as string
    ]!;
    expect(await page.locator('[data-testid="trend-verdict"]').textContent()).toContain(verdict);
    expect(await page.locator('[data-testid="series-table"] tr[data-period]').count()).toBe(36);

    await page.keyboard.press('End');
    await expectSlide(5, 5, 'Avance de las metas');
    const shownTarget = page.locator('[data-testid="target"]');
    expect(await shownTarget.count()).toBe(1);
    expect(await shownTarget.textContent()).toContain('Robo a transeúnte −10 %');
    expect(await shownTarget.getAttribute('data-status')).toBe(progress.status ?? '');
    const statusLabel =
      { cumplida: 'Meta cumplida', en_curso: 'En curso', no_cumplida: 'Meta no cumplida' }[progress.status as string] ??
      'Sin evaluar';
    expect(await shownTarget.textContent()).toContain(statusLabel);
    await page.keyboard.press('ArrowRight'); // past the end: stays
    await expectSlide(5, 5, 'Avance de las metas');

    await page.keyboard.press('Home');
    await expectSlide(1, 5, 'Mesa de Seguridad y Justicia: junio de 2016');
    await page.keyboard.press('ArrowLeft'); // before the start: stays
    await expectSlide(1, 5, 'Mesa de Seguridad y Justicia: junio de 2016');

    // a link to slide 4 opens slide 4
    await page.goto(`${server.url}/#plenaria?${agenda}&slide=4`);
    await page.reload();
    await expectSlide(4, 5, `Tendencia: Sector ${sector.name}, Robo a transeúnte`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[data-testid="plenary"]', { state: 'detached' });
    expect(new URL(page.url()).hash).not.toContain('plenaria');

    // without an agenda: the builder, which says what is missing
    await page.goto(`${server.url}/#plenaria`);
    await page.reload();
    const builder = page.locator('[data-testid="agenda-builder"]');
    await builder.waitFor();
    await builder.locator('button[type="submit"]').click();
    await expect.poll(() => builder.locator('.problems').textContent()).toContain('Elija al menos un área.');
    expect(pageErrors).toEqual([]);

    // the PDF: one landscape page per slide, the title slide first
    const pdfRes = await fetch(`${server.url}/api/plenary/pdf?${agenda}`, { headers: auth });
    expect(
      pdfRes.status,
      await pdfRes
        .clone()
        .text()
        .catch(() => ''),
    ).toBe(200);
    expect(pdfRes.headers.get('content-type')).toBe('application/pdf');
    expect(pdfRes.headers.get('cache-control')).toContain('private');
    const pdf = new Uint8Array(await pdfRes.arrayBuffer());
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(join(ARTIFACTS, 'plenary.pdf'), pdf);
    const pages = await pdfPages(pdf.slice());
    expect(pages).toHaveLength(5);
    const first = squeeze(pages[0]);
    expect(first).toContain(squeeze('Mesa de Seguridad y Justicia: junio de 2016'));
    expect(first).toContain(squeeze(`Sector ${sector.name}`));
    expect(first).toContain(squeeze(`Datos al`));
    expect(first).toContain(squeeze(sourcesLine));
    expect(first).toContain('1/5');
    expect(health.data_until).toBeTruthy();
    expect(squeeze(pages[1])).toContain(squeeze('Semáforo delictivo: Robo a transeúnte'));
    expect(squeeze(pages[1])).toContain(squeeze(label!));
    expect(squeeze(pages[4])).toContain(squeeze('Robo a transeúnte −10 %'));
    expect(squeeze(pages[4])).toContain('5/5');

    // one slide as PNG (the semáforo), 1600 × 900
    const pngRes = await fetch(`${server.url}/api/plenary/png?slide=2&${agenda}`, { headers: auth });
    expect(pngRes.status).toBe(200);
    expect(pngRes.headers.get('content-type')).toBe('image/png');
    const png = new Uint8Array(await pngRes.arrayBuffer());
    expect(pngSize(png)).toEqual({ width: 1600, height: 900 });
    writeFileSync(join(ARTIFACTS, 'plenary-slide-2.png'), png);
    // a slide beyond the session's five
    const beyond = await fetch(`${server.url}/api/plenary/png?slide=9&${agenda}`, { headers: auth });
    expect(beyond.status).toBe(400);
    expect(((await beyond.json()) as any).error.code).toBe('invalid_parameter');
  });

  it('exports what the caller may see: a sensitive category is refused to the public and shown to an admin', async () => {
    // feminicidio is public only by alcaldía (server/policy): the page's own API calls decide
    const agenda = `areas=sector:${encodeURIComponent(sector.id)}&categories=feminicidio&month=${MONTH}&vintage=${VINTAGE}`;
    const asPublic = await fetch(`${server.url}/api/plenary/pdf?${agenda}`);
    const asAdmin = await fetch(`${server.url}/api/plenary/pdf?${agenda}`, { headers: auth });
    expect([asPublic.status, asAdmin.status]).toEqual([200, 200]);
    const publicPages = await pdfPages(new Uint8Array(await asPublic.arrayBuffer()));
    const adminPages = await pdfPages(new Uint8Array(await asAdmin.arrayBuffer()));
    expect(publicPages).toHaveLength(5);
    expect(adminPages).toHaveLength(5);
    const sensitive = squeeze('Categoría sensible');
    // page 2 is the semáforo: an error for the public, the table for the admin
    expect(squeeze(publicPages[1])).toContain(sensitive);
    expect(squeeze(adminPages[1])).not.toContain(sensitive);
    expect(squeeze(adminPages[1])).toContain(squeeze('Incidentes en el mes'));
  });
});
