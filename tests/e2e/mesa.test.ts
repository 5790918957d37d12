/**
 * End-to-end, Mesa views (the Mesa panel, patrol sheet, split view and difference map), in headless
 * Chromium over the real server and a fresh copy of the bundled import:
 * - the split view draws both periods' hexagons (as many as the API returns for each) and keeps
 *   the two maps on the same camera after a pan; the difference map draws the union of both;
 * - the patrol sheet of a real 2016 cuadrante, opened with an admin bearer token, shows an
 *   hour × day-of-week table equal, cell by cell, to a count made here from the raw SSC CSV
 *   (`../shared/data/crime/ssc_crime_points_2013_2016.csv`), prints on one landscape page, and
 *   tells the public in Spanish why it is refused;
 * - the area panel shows the semáforo the API computes, with its text label;
 * - the hexagons switched to emerging hot spots and to Gi* draw exactly the cells the API classifies,
 *   the legend counts each class, and the PAI back-test of the hot spots is shown;
 * - a Mesa member logs in, sets a target (meta) for her sector with the panel's form, and sees its
 *   month-by-month progress equal to the raw CSV counts against the goal;
 * - with "Hexágonos" chosen, a click on a hexagon selects that H3 cell: its panel shows the cell's
 *   monthly counts as h3-js places the raw points, and the semáforo the API computes for it;
 * - a Mesa member of an alcaldía opens the area's news sources: the hand-written articles of one event
 *   (tests/fixtures/news-clustering), put through the news pipeline, are listed as one incident with
 *   both outlets' linked headlines and the sentence that placed it.
 * Screenshots go to `.test-artifacts/mesa-*.png`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Page } from 'playwright-core';
import { REPO_ROOT, readBundled } from '../../reference/files/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, loginThroughPage, type LaunchedBrowser } from '../harness/chromium.ts';
import { cellToLatLng } from 'h3-js';
import { monthlyByCell, monthlyOf, rawSscRows, ROBO_TRANSEUNTE, sectorLookup2016 } from '../support/ssc-raw.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { processHandwritten } from '../support/news/handwritten-feed.ts';
import { monthViolation, windowViolation } from '../support/published.ts';
import { TUNING } from '../fixtures/news-clustering/handwritten.ts';

const ARTIFACTS = join(REPO_ROOT, '.test-artifacts');
const FROM = '2016-01-01';
const TO = '2016-07-01';

interface SscRow {
  cuadrante: string;
  crime: string;
  date: string;
  hour: string;
}

/** Monday-first day of week (0 = lunes) of a calendar date, computed in UTC (a date, not an instant). */
function dayOfWeek(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Per stated cuadrante: the 7 × 24 table of SSC incidents in [FROM, TO) with an hour, and those without. */
function sscHeatByCuadrante(): Map<string, { counts: number[][]; noHour: number }> {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
  const out = new Map<string, { counts: number[][]; noHour: number }>();
  for (const row of rows) {
    if (row.date < FROM || row.date >= TO) continue;
    let entry = out.get(row.cuadrante);
    if (!entry) {
      entry = { counts: Array.from({ length: 7 }, () => new Array<number>(24).fill(0)), noHour: 0 };
      out.set(row.cuadrante, entry);
    }
    const match = /^(\d{1,2}):\d{2}/.exec(row.hour ?? '');
    const hour = match ? Number(match[1]) : NaN;
    if (hour >= 0 && hour <= 23) entry.counts[dayOfWeek(row.date)][hour]++;
    else entry.noHour++;
  }
  return out;
}

const sum = (table: number[][]) => table.flat().reduce((a, b) => a + b, 0);

async function center(page: Page, testid: string): Promise<[number, number]> {
  const value = await page.locator(`[data-testid="${testid}"]`).getAttribute('data-center');
  return value!.split(',').map(Number) as [number, number];
}

describe('Mesa views (headless Chromium)', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: LaunchedBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true });
    browser = await launchBrowser();
    page = await browser.newPage({ width: 1400, height: 900 }, pageErrors);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('shows two periods side by side on synchronised maps, then their difference map', async () => {
    await page.goto(
      `${server.url}/?c=-99.1400,19.4200&z=11.5&p=2016-01..2016-06#comparar?a=2015-01..2015-06&b=2016-01..2016-06`,
    );
    const t0 = Date.now();
    const step = (label: string) => process.stderr.write(`[mesa e2e] ${label} at ${Date.now() - t0} ms\n`);
    const mapA = page.locator('[data-testid="compare-map-a"][data-hexagons-state="ready"]');
    const mapB = page.locator('[data-testid="compare-map-b"][data-hexagons-state="ready"]');
    await mapA.waitFor({ timeout: 90_000 });
    await mapB.waitFor({ timeout: 90_000 });

    // zoom 11.5 → resolution 8 (lib/h3Resolution); each map has exactly its period's cells
    const cells = async (from: string, to: string) =>
      (
        (await (await fetch(`${server.url}/api/hotspots?res=8&from=${from}&to=${to}`)).json()) as {
          cells: { h3: string }[];
        }
      ).cells;
    const [apiA, apiB] = await Promise.all([cells('2015-01-01', '2015-07-01'), cells(FROM, TO)]);
    expect(apiA.length).toBeGreaterThan(0);
    expect(Number(await mapA.getAttribute('data-hexagons-count'))).toBe(apiA.length);
    expect(Number(await mapB.getAttribute('data-hexagons-count'))).toBe(apiB.length);
    expect(page.url()).toContain('#comparar?a=2015-01..2015-06&b=2016-01..2016-06&modo=dividido');

    step('both maps ready');
    // pan map A by dragging: map B follows to the same centre and zoom
    const before = await center(page, 'compare-map-a');
    const box = (await mapA.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 - 150, box.y + box.height / 2 + 80, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => (await center(page, 'compare-map-a'))[0], { timeout: 10_000 })
      .toBeGreaterThan(before[0] + 0.01);
    step('map A panned');
    const afterA = await center(page, 'compare-map-a');
    await expect.poll(() => center(page, 'compare-map-b'), { timeout: 10_000 }).toEqual(afterA);
    expect(await page.locator('[data-testid="compare-map-b"]').getAttribute('data-zoom')).toBe(
      await page.locator('[data-testid="compare-map-a"]').getAttribute('data-zoom'),
    );
    await page.waitForTimeout(800); // last frame painted
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-split.png') });

    step('maps synchronised');
    // the difference map: one hexagon per cell of either period
    await page.locator('[data-testid="mode-diff"]').click();
    const diff = page.locator('[data-testid="compare-map-diff"][data-hexagons-state="ready"]');
    await diff.waitFor({ timeout: 60_000 });
    const union = new Set([...apiA, ...apiB].map((c) => c.h3));
    expect(Number(await diff.getAttribute('data-hexagons-count'))).toBe(union.size);
    expect(await page.locator('.compare-view .legend').textContent()).toContain('Sin cambio');
    expect(page.url()).toContain('modo=diferencia');
    await page.waitForTimeout(800);
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-diff.png') });
    expect(pageErrors).toEqual([]);
  }, 300_000);

  it('prints the patrol sheet of a real cuadrante with the hour × day table of the raw SSC file', async () => {
    const heat = sscHeatByCuadrante();
    const [cuadrante, expected] = [...heat]
      .filter(([id]) => id && !id.includes('NO ESPECIFICADO'))
      .sort((a, b) => sum(b[1].counts) - sum(a[1].counts))[0];
    expect(sum(expected.counts)).toBeGreaterThan(50);

    const hash = `#patrullaje?cuadrante=${encodeURIComponent(cuadrante)}&v=2016&from=${FROM}&to=${TO}`;
    // the public is refused, in Spanish
    await page.goto(`${server.url}/?p=2016-01..2016-06${hash}`);
    await page.locator('[data-testid="patrol-sheet"][data-state="error"]').waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="patrol-error"]').textContent()).toContain(
      'Requiere una cuenta de enlace o mesa con este cuadrante en su territorio',
    );

    const admin = await createToken(store, { role: 'admin', name: 'e2e-mesa' });
    const sheetPage = await browser.context.newPage();
    sheetPage.on('pageerror', (error) => pageErrors.push(error.message));
    await sheetPage.setExtraHTTPHeaders({ authorization: `Bearer ${admin}` });
    await sheetPage.setViewportSize({ width: 1400, height: 900 });
    try {
      await sheetPage.goto(`${server.url}/?p=2016-01..2016-06${hash}`);
      await sheetPage.locator('[data-testid="patrol-sheet"][data-state="ready"]').waitFor({ timeout: 60_000 });
      const shown = await sheetPage.$$eval('[data-testid="heat-table"] tbody tr', (rows) =>
        rows.map((row) =>
          [...row.querySelectorAll('td[data-count]')].map((td) => Number(td.getAttribute('data-count'))),
        ),
      );
      expect(shown).toEqual(expected.counts);
      expect(Number(await sheetPage.locator('[data-testid="heat-table"]').getAttribute('data-total'))).toBe(
        sum(expected.counts),
      );
      expect(Number(await sheetPage.locator('[data-testid="heat-total"]').textContent())).toBe(sum(expected.counts));
      expect(await sheetPage.locator('[data-testid="heat-table"] tbody th[scope="row"]').allTextContents()).toEqual([
        'lunes',
        'martes',
        'miércoles',
        'jueves',
        'viernes',
        'sábado',
        'domingo',
      ]);
      expect(await sheetPage.locator('.patrol footer').textContent()).toContain('Datos al');
      // top zones are named by a station or a street corner, never by their H3 ids
      const zones = await sheetPage.locator('.top-cells li').allTextContents();
      expect(zones.length).toBeGreaterThan(0);
      for (const zone of zones) expect(zone).toMatch(/^Cerca de \S.*: \d/);
      expect(zones.join(' ')).not.toMatch(/\b8[0-9a-f]{14}\b/);
      await sheetPage.waitForTimeout(500);
      await sheetPage.screenshot({ path: join(ARTIFACTS, 'mesa-patrol.png'), fullPage: true });

      // printed: one landscape page (A4 here), the buttons left out
      await sheetPage.emulateMedia({ media: 'print' });
      expect(await sheetPage.locator('.patrol .actions').isVisible()).toBe(false);
      await sheetPage.screenshot({ path: join(ARTIFACTS, 'mesa-patrol-print.png'), fullPage: true });
      const pdf = await sheetPage.pdf({
        format: 'A4',
        landscape: true,
        printBackground: true,
        preferCSSPageSize: true,
      });
      writeFileSync(join(ARTIFACTS, 'mesa-patrol.pdf'), pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      expect(pages.length).toBe(1);
    } finally {
      await sheetPage.close();
    }
  });

  it('shows the semáforo the API computes for the selected cuadrante, in words', async () => {
    const heat = sscHeatByCuadrante();
    const [cuadrante] = [...heat]
      .filter(([id]) => id && !id.includes('NO ESPECIFICADO'))
      .sort((a, b) => sum(b[1].counts) - sum(a[1].counts))[0];
    const api = (await (
      await fetch(
        `${server.url}/api/semaforo?kind=cuadrante&ids=${encodeURIComponent(cuadrante)}&vintage=2016&month=2016-06`,
      )
    ).json()) as { items: { color: string | null }[] };
    const color = api.items[0].color;
    const label = { verde: 'Verde', amarillo: 'Amarillo', rojo: 'Rojo' }[color ?? ''] ?? 'Sin línea base';
    await page.goto(
      `${server.url}/?p=2016-01..2016-06&layer=cuadrante&v=2016&sel=${encodeURIComponent(cuadrante)}&z=13`,
    );
    const light = page.locator('[data-testid="semaforo"]');
    await light.waitFor({ timeout: 60_000 });
    expect(await light.getAttribute('data-color')).toBe(color ?? 'none');
    expect(await light.textContent()).toContain(label);
    await expect
      .poll(() => page.locator('[data-testid="trend"]').textContent(), { timeout: 30_000 })
      .toMatch(/Tendencia al alza|Tendencia a la baja|Sin tendencia significativa/);
    await page.locator('[data-testid="area-panel"]').screenshot({ path: join(ARTIFACTS, 'mesa-panel.png') });

    // sources side by side for the same cuadrante: the official figure is the sum of the half year's
    // published months, each within the published rules against the raw SSC count without the
    // sensitive category the public never sees (VIOLACION); the bundled import holds no news, citizen
    // or chat incidents
    const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
    const byMonth = new Map<string, number>();
    for (const r of rows)
      if (r.cuadrante === cuadrante && r.date >= FROM && r.date < TO && r.crime !== 'VIOLACION')
        byMonth.set(r.date.slice(0, 7), (byMonth.get(r.date.slice(0, 7)) ?? 0) + 1);
    const halfYear = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'].map((m) => byMonth.get(m) ?? 0);
    await page.locator('[data-testid="open-sources"]').click();
    const view = page.locator('[data-testid="sources-view"][data-state="ready"]');
    await view.waitFor({ timeout: 60_000 });
    expect(
      windowViolation(Number(await view.locator('[data-source="official"]').getAttribute('data-count')), halfYear, 3),
    ).toBeNull();
    for (const source of ['news', 'citizen', 'chat'])
      expect(Number(await view.locator(`[data-source="${source}"]`).getAttribute('data-count'))).toBe(0);
    expect(await view.textContent()).toContain('cifra negra');
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-sources.png') });
    expect(pageErrors).toEqual([]);
  });

  it('switches the hexagons to emerging hot spots and to Gi*: the map draws the cells the API classifies, the legend counts them, PAI shown', async () => {
    const api = async <T>(path: string) => (await (await fetch(`${server.url}${path}`)).json()) as T;
    // zoom 11 → resolution 8; the period Jul 2015 – Jun 2016 (12 monthly steps)
    await page.goto(`${server.url}/?c=-99.1332,19.4000&z=11&p=2015-07..2016-06&hx=emerging`);
    const map = page.locator('[data-testid="map"]');
    await page.waitForSelector('[data-testid="map"][data-hexagons-mode="emerging"][data-hexagons-state="ready"]', {
      timeout: 90_000,
    });
    const emerging = await api<{ months: number; summary: Record<string, number>; cells: { category: string }[] }>(
      '/api/hotspots/emerging?res=8&from=2015-07-01&to=2016-07-01',
    );
    expect(emerging.months).toBe(12);
    expect(emerging.cells.length).toBeGreaterThan(0);
    expect(Number(await map.getAttribute('data-hexagons-count'))).toBe(emerging.cells.length);
    const legend = page.locator('[data-testid="legend"][data-mode="emerging"]');
    const shownClasses = await legend
      .locator('li[data-class]')
      .evaluateAll((items) =>
        items.map((li) => [li.getAttribute('data-class'), Number(li.getAttribute('data-count'))]),
      );
    const expectedClasses = Object.entries(emerging.summary).filter(([k, n]) => k !== 'no_pattern' && n > 0);
    expect(Object.fromEntries(shownClasses)).toEqual(Object.fromEntries(expectedClasses));
    expect(await legend.textContent()).toContain('Puntos calientes emergentes');
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-emerging.png') });

    await page.locator('input[name="hex-mode"][value="gistar"]').check();
    await page.waitForSelector('[data-testid="map"][data-hexagons-mode="gistar"][data-hexagons-state="ready"]', {
      timeout: 60_000,
    });
    const gistar = await api<{ cells: { count: number; hot: boolean | null }[] }>(
      '/api/hotspots/gistar?res=8&from=2015-07-01&to=2016-07-01',
    );
    expect(Number(await map.getAttribute('data-hexagons-count'))).toBe(
      gistar.cells.filter((c) => c.hot !== null || c.count > 0).length,
    );
    const hot = gistar.cells.filter((c) => c.hot === true).length;
    expect(hot).toBeGreaterThan(0);
    expect(Number(await page.locator('[data-testid="legend"] li[data-class="hot"]').getAttribute('data-count'))).toBe(
      hot,
    );
    const pai = await api<{ items: { pai: number }[] }>('/api/hotspots/pai?res=8&month=2016-06');
    await expect
      .poll(() => page.locator('[data-testid="pai"]').getAttribute('data-pai'), { timeout: 30_000 })
      .toBe(String(pai.items[0].pai));
    expect(await page.locator('[data-testid="pai"]').textContent()).toContain('Precisión predictiva (PAI)');
    expect(page.url()).toContain('hx=gistar');
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-gistar.png') });
    expect(pageErrors).toEqual([]);
  });

  it('selects an H3 hexagon with a click ("Hexágonos") and shows its series and semáforo', async () => {
    // the busiest resolution-8 cell of the half year, from the raw points (public: without VIOLACION)
    const monthly = monthlyByCell(8, (r) => r.date >= FROM && r.date < TO && r.crime !== 'VIOLACION');
    const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    const [cell, counts] = [...monthly].sort((a, b) => total(b[1]) - total(a[1]))[0];
    const [lat, lon] = cellToLatLng(cell);
    await page.goto(`${server.url}/?c=${lon.toFixed(4)},${lat.toFixed(4)}&z=12.5&p=2016-01..2016-06&layer=h3`);
    await page.waitForSelector('[data-testid="map"][data-hexagons-state="ready"]', { timeout: 90_000 });
    await page.waitForTimeout(1_000);
    expect(await page.locator('input[name="layer"][value="h3"]').isChecked()).toBe(true);
    // the view is centred on the cell's centre; BaseMap pads the view by the controls' width on wide screens
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize) * 22);
    await page.mouse.click(box.x + (box.width + padding) / 2, box.y + box.height / 2);

    const panel = page.locator(
      `[data-testid="area-panel"][data-area-kind="h3"][data-area-id="${cell}"][data-state="ready"]`,
    );
    await panel.waitFor({ timeout: 60_000 });
    expect(await page.locator('[data-testid="map"]').getAttribute('data-selected-cell')).toBe(cell);
    expect(await panel.locator('[data-testid="area-title"]').textContent()).toMatch(/^Hexágono en .+, .+/);
    const shown = await panel
      .locator('[data-testid="series-table"] tr[data-period]')
      .evaluateAll((rows) =>
        rows.map((row) => [
          row.getAttribute('data-period'),
          row.hasAttribute('data-count') ? Number(row.getAttribute('data-count')) : null,
        ]),
      );
    const months = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
    expect(shown.map(([m]) => m)).toEqual(months);
    // each month within the published rules against the raw count, and as the public API answers
    for (const [m, figure] of shown)
      expect(monthViolation(figure as number | null, counts.get(m as string) ?? 0, 3), m as string).toBeNull();
    const publicSeries = (await (
      await fetch(`${server.url}/api/areas/h3/${cell}/series?from=${FROM}&to=${TO}`)
    ).json()) as { series: { period: string; count: number | null }[] };
    expect(shown).toEqual(publicSeries.series.map((p) => [p.period, p.count]));
    expect(page.url()).toContain(`layer=h3&v=2023&sel=${cell}`);

    const api = (await (await fetch(`${server.url}/api/semaforo?kind=h3&ids=${cell}&month=2016-06`)).json()) as {
      items: { color: string | null }[];
    };
    const light = panel.locator('[data-testid="semaforo"]');
    await light.waitFor({ timeout: 60_000 });
    expect(await light.getAttribute('data-color')).toBe(api.items[0].color ?? 'none');
    expect(await panel.textContent()).toContain('Las metas se fijan por área');
    await page.screenshot({ path: join(ARTIFACTS, 'mesa-hexagon.png') });
    expect(pageErrors).toEqual([]);
  });
  // last: it logs the shared browser context in
  it('a Mesa member logs in and sets a target from the area panel; its monthly progress is the raw CSV count', async () => {
    // sector OASIS (2016): 478 robo_transeunte points in 2015, 39.83 a month; −25 % → 29.875 a month
    const sectorOf = sectorLookup2016();
    const monthly = monthlyOf(
      rawSscRows(),
      (r) => ROBO_TRANSEUNTE.has(r.crime) && sectorOf.get(r.cuadrante)?.sector === 'OASIS',
    );
    const baseline = Array.from(
      { length: 12 },
      (_, i) => monthly.get(`2015-${String(i + 1).padStart(2, '0')}`) ?? 0,
    ).reduce((a, b) => a + b, 0);
    expect(baseline).toBe(478);
    const goal = (baseline / 12) * 0.75;
    await createUser(store, {
      email: 'mesa.oasis@example.org',
      password: 'clave-de-la-mesa-1',
      name: 'Mesa Oasis',
      role: 'mesa',
      territory: ['2016:OASIS'],
    });
    await loginThroughPage(page, server.url, 'mesa.oasis@example.org', 'clave-de-la-mesa-1');
    await page.goto(`${server.url}/?p=2016-01..2016-06&layer=sector&v=2016&sel=OASIS&z=13`);
    await page.locator('[data-testid="account-badge"][data-role="mesa"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="open-targets"]').click();
    await page.locator('[data-testid="targets-panel"] button', { hasText: 'Nueva meta' }).click();
    const form = page.locator('[data-testid="target-form"]');
    await form.locator('input[name="name"]').fill('Robo a transeúnte −25 % (prueba)');
    await form.locator('select[name="category"]').selectOption('robo_transeunte');
    await form.locator('input[name="baseline_first"]').fill('2015-01');
    await form.locator('input[name="baseline_last"]').fill('2015-12');
    await form.locator('input[name="reduction_pct"]').fill('25');
    await form.locator('input[name="due_month"]').fill('2016-06');
    await form.locator('button[type="submit"]').click();

    const target = page.locator('[data-testid="targets-panel"] article', {
      hasText: 'Robo a transeúnte −25 % (prueba)',
    });
    await target.waitFor({ timeout: 60_000 });
    const rows = await target
      .locator('table tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const months = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
    expect(rows.map((r) => [r[0], Number(r[1])])).toEqual(months.map((m) => [m, monthly.get(m) ?? 0]));
    expect(rows.map((r) => r[3])).toEqual(months.map((m) => ((monthly.get(m) ?? 0) <= goal ? 'sí' : 'no')));
    const last3 = months.slice(-3).reduce((s, m) => s + (monthly.get(m) ?? 0), 0) / 3;
    expect(await target.locator('.status').textContent()).toBe(last3 <= goal ? 'Cumplida' : 'No cumplida');
    // the baseline as typed in the form: January to December 2015 (the API's baseline_to is the day after)
    expect(await target.textContent()).toContain('contra ene 2015 – dic 2015');
    await target.screenshot({ path: join(ARTIFACTS, 'mesa-target.png') });
    expect(pageErrors).toEqual([]);
  });

  it('a Mesa member of an alcaldía sees the news incidents of her area with every outlet behind them', async () => {
    await processHandwritten(
      store,
      TUNING.filter((x) => x.event === 'E1'),
    );
    // Metro Pantitlán (the event's place) lies in Venustiano Carranza, 09017
    await createUser(store, {
      email: 'mesa.vc@example.org',
      password: 'clave-de-la-mesa-2',
      name: 'Mesa VC',
      role: 'mesa',
      territory: ['09017'],
    });
    // the previous test's Mesa is still signed in: a new visitor
    await page.context().clearCookies();
    await loginThroughPage(page, server.url, 'mesa.vc@example.org', 'clave-de-la-mesa-2');
    await page.goto(`${server.url}/?p=2024-01..2024-03&layer=alcaldia&sel=09017&z=12`);
    await page.locator('[data-testid="account-badge"][data-role="mesa"]').waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="open-news"]').click();
    const incident = page.locator('[data-testid="news-sources"] [data-testid="news-incident"]');
    await incident.first().waitFor({ timeout: 60_000 });
    expect(await incident.count()).toBe(1);
    const links = await incident
      .locator('a')
      .evaluateAll((as) => as.map((a) => [a.textContent, (a as HTMLAnchorElement).href]));
    const e1 = TUNING.filter((x) => x.event === 'E1');
    expect(links.map(([title]) => title).sort()).toEqual(e1.map((a) => a.title).sort());
    expect(links.every(([, href]) => /^https:\/\/\w+\.example\.mx\/nota\/t0[12]$/.test(href ?? ''))).toBe(true);
    const text = await incident.textContent();
    for (const a of e1) expect(text).toContain(a.outlet);
    expect(text).toContain('Pantitlán');
    await page.locator('[data-testid="area-panel"]').screenshot({ path: join(ARTIFACTS, 'mesa-news.png') });
    expect(pageErrors).toEqual([]);
  });
});
