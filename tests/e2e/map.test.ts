/**
 * End-to-end: the real server (API + built web app) over a fresh copy of the bundled import, in
 * headless Chromium (SwiftShader WebGL). Opens the map, waits for the hexagons, checks their
 * number against the API's own answer to the same query, clicks a 2016 cuadrante and checks the
 * panel's monthly series against the SSC points file counted here independently, checks that the
 * shared URL restores the view, and saves a screenshot to `.test-artifacts/map.png`. Then the area
 * choropleth: violación (a sensitive category) seen by the public as alcaldías with the sentence
 * saying why, and "Áreas" colouring colonias, each against the public `/api/rank` answer
 * (screenshots in `.test-artifacts/screenshots/`).
 *
 * The map is the PUBLIC view (no token, server/policy): hexagons stop at resolution 8 however far
 * one zooms, the series counts non-sensitive categories only, and each month is published by the
 * cell-key method (docs/privacy.md: never 1 or 2, within the documented noise of the true count) —
 * the expectations below check those rules against the raw counts (tests/support/published.ts).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { pointOnFeature } from '@turf/turf';
import type { Page } from 'playwright-core';
import { readBundled, readBundledJson, REPO_ROOT } from '../../reference/files/index.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, type LaunchedBrowser } from '../harness/chromium.ts';
import { monthViolation } from '../support/published.ts';
import { expectedCoverageLine, sourceMonths } from '../support/source-months.ts';

const ARTIFACTS = join(REPO_ROOT, '.test-artifacts');
/** A half year inside the SSC data (2013-01 … 2016-09), as the map's URL and the API spell it. */
const FIRST_MONTH = '2016-01';
const LAST_MONTH = '2016-06';
const FROM = '2016-01-01';
const TO = '2016-07-01';
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];

interface SscRow {
  cuadrante: string;
  crime: string;
  date: string;
}

/** The public minimum count (k): monthly counts 1 … k−1 are never published. */
const K = 3;

/**
 * Monthly counts per stated 2016 cuadrante in [FROM, TO), from the raw SSC file: every category
 * but the sensitive one the SSC file holds (VIOLACION), as the public view counts them.
 */
function sscMonthlyByCuadrante(): Map<string, Map<string, number>> {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
  const byCuadrante = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.date < FROM || row.date >= TO || row.crime === 'VIOLACION') continue;
    const months = byCuadrante.get(row.cuadrante) ?? new Map<string, number>();
    months.set(row.date.slice(0, 7), (months.get(row.date.slice(0, 7)) ?? 0) + 1);
    byCuadrante.set(row.cuadrante, months);
  }
  return byCuadrante;
}

async function waitForHexagons(page: Page): Promise<{ count: number; res: number }> {
  const map = page.locator('[data-testid="map"]');
  await page.waitForSelector('[data-testid="map"][data-hexagons-state="ready"]', { timeout: 90_000 });
  return {
    count: Number(await map.getAttribute('data-hexagons-count')),
    res: Number(await map.getAttribute('data-hexagons-res')),
  };
}

describe('web map (headless Chromium)', () => {
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
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('draws exactly the hexagons the API returns, then a clicked 2016 cuadrante shows its SSC series', async () => {
    // The busiest stated cuadrante of the half year that has a 2016 polygon (some SSC rows say
    // "(NO ESPECIFICADO)"), and a point inside that polygon.
    const monthly = sscMonthlyByCuadrante();
    const polygons = readBundledJson<GeoJSON.FeatureCollection>('boundaries/cuadrantes_2016.geojson.gz');
    const polygonOf = new Map(polygons.features.map((f) => [String(f.properties?.cuadrante), f]));
    const total = (months: Map<string, number>) => [...months.values()].reduce((sum, n) => sum + n, 0);
    const [cuadrante, counts] = [...monthly]
      .filter(([id]) => polygonOf.has(id))
      .sort((a, b) => total(b[1]) - total(a[1]))[0];
    const polygon = polygonOf.get(cuadrante);
    expect(polygon, `cuadrante ${cuadrante} in cuadrantes_2016`).toBeDefined();
    const [lng, lat] = pointOnFeature(polygon!).geometry.coordinates;

    const query = `p=${FIRST_MONTH}..${LAST_MONTH}&layer=cuadrante&v=2016`;
    await page.goto(`${server.url}/?c=${lng},${lat}&z=14.5&${query}`);
    const hexagons = await waitForHexagons(page);
    expect(hexagons.res).toBe(8); // zoom 14.5 would be resolution 10; the public map stays at 8
    const api = (await (
      await fetch(`${server.url}/api/hotspots?res=${hexagons.res}&from=${FROM}&to=${TO}`)
    ).json()) as { res: number; cells: unknown[] };
    expect(api.res).toBe(hexagons.res);
    expect(hexagons.count).toBeGreaterThan(0);
    expect(hexagons.count).toBe(api.cells.length);

    // The map is centred on the cuadrante: a click in the middle of the visible map selects it.
    await page.waitForFunction(
      () => document.querySelector('[data-testid="map"]')?.getAttribute('data-hexagons-state') === 'ready',
    );
    await page.waitForTimeout(1_000); // boundary GeoJSON parsed and drawn by the worker
    const box = (await page.locator('[data-testid="map"]').boundingBox())!;
    // BaseMap pads the view by the controls' width on wide screens: the centre shifts right by half of it.
    const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize) * 22);
    await page.mouse.click(box.x + (box.width + padding) / 2, box.y + box.height / 2);

    const panel = page.locator(`[data-testid="area-panel"][data-area-id="${cuadrante}"][data-state="ready"]`);
    await panel.waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="series-table"] tr[data-period]').first().waitFor({ state: 'attached' });
    const shown = await page.$$eval('[data-testid="series-table"] tr[data-period]', (rows) =>
      rows.map((row) => [
        row.getAttribute('data-period'),
        row.hasAttribute('data-count') ? Number(row.getAttribute('data-count')) : null,
      ]),
    );
    expect(shown.map(([month]) => month)).toEqual(MONTHS);
    for (const [month, figure] of shown as [string, number | null][])
      expect(monthViolation(figure, counts.get(month) ?? 0, K), month).toBeNull();
    // the panel shows the API's public figures for the cuadrante
    const publicSeries = async (id: string) =>
      (
        (await (
          await fetch(
            `${server.url}/api/areas/cuadrante/${encodeURIComponent(id)}/series?vintage=2016&from=${FROM}&to=${TO}`,
          )
        ).json()) as {
          series: { period: string; count: number | null }[];
        }
      ).series;
    expect(shown).toEqual((await publicSeries(cuadrante)).map((p) => [p.period, p.count]));
    // a cuadrante with a month of 1 or 2 incidents never shows that count
    const small = [...monthly].find(
      ([id, m]) => polygonOf.has(id) && MONTHS.some((x) => [1, 2].includes(m.get(x) ?? 0)),
    );
    expect(small, 'a cuadrante with a month of 1 or 2 incidents').toBeDefined();
    const [sid, smonths] = small!;
    const series = await publicSeries(sid);
    expect(series.map((p) => p.period)).toEqual(MONTHS);
    for (const p of series)
      expect(monthViolation(p.count, smonths.get(p.period) ?? 0, K), `${sid} ${p.period}`).toBeNull();
    expect(page.url()).toContain(`sel=${cuadrante}`);

    // The screenshot: the same shared view a little farther out, so hexagons fill the frame.
    const overview = new URL(page.url());
    overview.searchParams.set('z', '12');
    await page.goto(overview.toString());
    await waitForHexagons(page);
    await page
      .locator(`[data-testid="area-panel"][data-area-id="${cuadrante}"][data-state="ready"]`)
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(1_000); // let the label font and last tiles paint
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'map.png') });
    expect(pageErrors).toEqual([]);
  });

  it('restores a shared view from its URL, selection included', async () => {
    const shared = page.url();
    const selected = new URL(shared).searchParams.get('sel');
    expect(selected).toBeTruthy();
    const second = await browser.context.newPage();
    try {
      await second.goto(shared);
      await second.locator(`[data-testid="area-panel"][data-area-id="${selected}"]`).waitFor({ timeout: 60_000 });
      expect(await second.locator('input[name="layer"][value="cuadrante"]').isChecked()).toBe(true);
      expect(await second.locator('select').first().inputValue()).toBe('2016');
    } finally {
      await second.close();
    }
  });

  it('draws the transit lines in their GTFS colours, with station and colonia names at street zoom', async () => {
    // Hidalgo (Metro lines 2 and 3) as the bundled extract places it; the line colours come from routes.txt
    const transit = (await (await fetch(`${server.url}/api/transit`)).json()) as GeoJSON.FeatureCollection;
    const lines = transit.features.filter((f) => f.geometry.type === 'LineString');
    const hidalgo = transit.features.find(
      (f) => f.properties?.kind === 'station' && f.properties.system === 'metro' && f.properties.name === 'Hidalgo',
    )!;
    const [lng, lat] = (hidalgo.geometry as GeoJSON.Point).coordinates;
    const line2 = lines.find((f) => f.properties?.system === 'metro' && f.properties.line === '2')!.properties!
      .color as string;
    expect(line2).toBe('#0071C1'); // routes.txt: CMX0200L2 … 0071C1
    await page.goto(`${server.url}/?c=${lng},${lat}&z=15&p=${FIRST_MONTH}..${LAST_MONTH}&layer=h3`);
    await page.waitForSelector(
      `[data-testid="map"][data-transit-state="ready"][data-transit-lines="${lines.length}"]`,
      { timeout: 60_000 },
    );
    await waitForHexagons(page);
    await page.waitForTimeout(1_500); // colonia names fetched at street zoom, label font painted
    // pixels of Metro line 2's blue on the map canvas (preserveDrawingBuffer keeps the last frame)
    const [r, g, b] = [1, 3, 5].map((i) => parseInt(line2.slice(i, i + 2), 16));
    const bluePixels = await page.evaluate(
      ([r, g, b]) => {
        const canvas = document.querySelector<HTMLCanvasElement>('canvas.maplibregl-canvas')!;
        const copy = document.createElement('canvas');
        copy.width = canvas.width;
        copy.height = canvas.height;
        const ctx = copy.getContext('2d')!;
        ctx.drawImage(canvas, 0, 0);
        const data = ctx.getImageData(0, 0, copy.width, copy.height).data;
        let n = 0;
        for (let i = 0; i < data.length; i += 4)
          if (Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 40 && data[i + 3] > 200)
            n++;
        return n;
      },
      [r, g, b],
    );
    expect(bluePixels).toBeGreaterThan(200);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'map-transit.png') });
    expect(pageErrors).toEqual([]);
  });

  it('says so in Spanish when no incident matches the filters', async () => {
    // SSC records have no narcomenudeo label and the FGJ file starts in 2016: none in 2014.
    const api = (await (
      await fetch(`${server.url}/api/hotspots?res=8&from=2014-01-01&to=2014-02-01&category=narcomenudeo`)
    ).json()) as { cells: unknown[] };
    expect(api.cells).toEqual([]);
    await page.goto(`${server.url}/?p=2014-01..2014-01&cat=narcomenudeo&z=11`);
    await page.waitForSelector('[data-testid="map"][data-hexagons-state="ready"][data-hexagons-count="0"]', {
      timeout: 60_000,
    });
    await expect.poll(() => page.locator('.legend').textContent()).toContain('No hay incidentes para estos filtros');
  });

  /** The public ranking of every area of `kind` over [FROM, TO): the figures the choropleth colours. */
  async function publicAreaFigures(
    kind: string,
    category?: string,
  ): Promise<{ status: number; body: { items: { id: string; count: number | null }[]; embargo_from?: string } }> {
    const res = await fetch(
      `${server.url}/api/rank?kind=${kind}&from=${FROM}&to=${TO}&limit=2000${category ? `&category=${category}` : ''}`,
    );
    return { status: res.status, body: await res.json() };
  }

  it('the public sees violación by alcaldía, with the reason finer detail is not shown (never a raw error)', async () => {
    // the API refuses violación in hexagons and cuadrantes to the public, and answers by alcaldía
    expect((await fetch(`${server.url}/api/hotspots?res=8&from=${FROM}&to=${TO}&category=violacion`)).status).toBe(403);
    expect((await publicAreaFigures('cuadrante', 'violacion')).status).toBe(403);
    const byAlcaldia = await publicAreaFigures('alcaldia', 'violacion');
    expect(byAlcaldia.status).toBe(200);
    // 2016 ended years before the data's last date: every month of the half year is published
    expect(byAlcaldia.body.embargo_from! > LAST_MONTH).toBe(true);
    const shownByApi = byAlcaldia.body.items.filter((i) => i.count !== null && i.count > 0).length;
    // the raw SSC file has violaciones in this half year: some alcaldía must be coloured
    const raw = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
    expect(raw.filter((r) => r.crime === 'VIOLACION' && r.date >= FROM && r.date < TO).length).toBeGreaterThan(20);
    expect(shownByApi).toBeGreaterThan(0);

    await page.goto(`${server.url}/?p=${FIRST_MONTH}..${LAST_MONTH}&cat=violacion&layer=cuadrante&z=10`);
    const map = page.locator('[data-testid="map"]');
    await page.waitForSelector('[data-testid="map"][data-areas-state="ready"][data-areas-kind="alcaldia"]', {
      timeout: 60_000,
    });
    expect(await map.getAttribute('data-hexagons-state')).toBe('off');
    expect(Number(await map.getAttribute('data-areas-count'))).toBe(shownByApi);
    const note = await page.locator('[data-testid="sensitive-note"]').textContent();
    expect(note).toContain('Violación es una categoría sensible');
    expect(note).toContain('solo por alcaldía y mes');
    expect(note).toContain('30 días después de terminar');
    expect(await page.locator('[data-testid="published-months"]').textContent()).toContain(
      'todos los meses del periodo',
    );
    expect(await page.locator('[data-testid="area-threshold"]').textContent()).toContain('al menos 3');
    expect(await page.locator('[role="alert"]').count()).toBe(0);
    expect(await page.locator('input[name="color-by"][value="areas"]').isChecked()).toBe(true);
    // a click on an alcaldía opens its panel with the public series of violación
    const box = (await map.boundingBox())!;
    const padding = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize) * 22);
    await page.mouse.click(box.x + (box.width + padding) / 2, box.y + box.height / 2);
    await page
      .locator('[data-testid="area-panel"][data-area-kind="alcaldia"][data-state="ready"]')
      .waitFor({ timeout: 60_000 });
    await page.waitForTimeout(500);
    mkdirSync(ARTIFACTS, { recursive: true });
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'public-violacion-alcaldias.png') });
  });

  it('"Áreas" colours colonias for any category, with the same public figures as the ranking', async () => {
    const colonias = await publicAreaFigures('colonia');
    expect(colonias.status).toBe(200);
    // cell-key: a public figure is 0 or at least k, never withheld
    for (const item of colonias.body.items)
      expect(item.count === 0 || (item.count !== null && item.count >= K), item.id).toBe(true);
    const coloured = colonias.body.items.filter((i) => i.count! > 0).length;
    await page.goto(`${server.url}/?p=${FIRST_MONTH}..${LAST_MONTH}&layer=colonia&color=areas&c=-99.1500,19.4200&z=12`);
    await page.waitForSelector('[data-testid="map"][data-areas-state="ready"][data-areas-kind="colonia"]', {
      timeout: 60_000,
    });
    expect(Number(await page.locator('[data-testid="map"]').getAttribute('data-areas-count'))).toBe(coloured);
    const legend = (await page.locator('[data-testid="area-legend"]').textContent())!;
    expect(legend).toContain(`0 (${(colonias.body.items.length - coloured).toLocaleString('es-MX')} áreas)`);
    expect(await page.locator('[data-testid="area-legend-withheld"]').count()).toBe(0); // nothing is withheld under cell-key
    expect(await page.locator('[data-testid="sensitive-note"]').count()).toBe(0);
    // back to hexagons: the choropleth goes, the hexagons come back
    await page.locator('input[name="color-by"][value="hexagons"]').check({ force: true });
    await waitForHexagons(page);
    expect(await page.locator('[data-testid="area-legend"]').count()).toBe(0);
    await page.locator('input[name="color-by"][value="areas"]').check({ force: true });
    await page.waitForSelector('[data-testid="map"][data-areas-state="ready"][data-areas-kind="colonia"]', {
      timeout: 60_000,
    });
    await page.waitForTimeout(500);
    await page.screenshot({ path: join(ARTIFACTS, 'screenshots', 'areas-colonias.png') });
    expect(pageErrors).toEqual([]);
  });

  it('names each source with its months, and marks the months after every source ends as no data, not zero', async () => {
    const months = await sourceMonths(store);
    expect(months.map((s) => s.source).sort()).toEqual(['fgj_victimas', 'ssc_points']);
    const lastCovered = months
      .map((s) => s.last)
      .sort()
      .at(-1)!;
    // a year that runs past the last month any source holds, in Milpa Alta (the FGJ file's alcaldía)
    const year = lastCovered.slice(0, 4);
    const yearMonths = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
    const uncovered = yearMonths.filter((m) => m > lastCovered);
    expect(uncovered.length).toBeGreaterThan(0);
    await page.goto(`${server.url}/?p=${year}-01..${year}-12&layer=alcaldia&sel=09009&c=-99.0200,19.1900&z=11`);
    const line = page.locator('[data-testid="source-coverage"]');
    await line.waitFor({ timeout: 60_000 });
    expect(await line.textContent()).toBe(expectedCoverageLine(months));
    // the public reads the largest source's last month, never a day
    const ssc = months.find((s) => s.source === 'ssc_points')!;
    const monthName = new Intl.DateTimeFormat('es-MX', { month: 'long', year: 'numeric', timeZone: 'UTC' });
    const dataUntil = (await page.locator('[data-testid="data-until"]').textContent())!.replace(/\s+/g, ' ').trim();
    expect(dataUntil).toMatch(/^Datos al mes de [a-z]+ de \d{4} ·/);
    expect(dataUntil).toContain(`Datos al mes de ${monthName.format(new Date(`${ssc.last}-01T00:00:00Z`))}`);
    const panel = page.locator('[data-testid="area-panel"][data-area-id="09009"][data-state="ready"]');
    await panel.waitFor({ timeout: 60_000 });
    await page.locator('[data-testid="series-table"] tr[data-period]').first().waitFor({ state: 'attached' });
    const rows = await page.$$eval('[data-testid="series-table"] tr[data-period]', (trs) =>
      trs.map((tr) => ({
        period: tr.getAttribute('data-period'),
        coverage: tr.getAttribute('data-coverage'),
        counted: tr.hasAttribute('data-count') || tr.hasAttribute('data-withheld'),
        text: tr.querySelectorAll('td')[1]?.textContent,
      })),
    );
    expect(rows.map((r) => r.period)).toEqual(yearMonths);
    for (const row of rows)
      if (uncovered.includes(row.period!))
        expect(row, row.period!).toMatchObject({ coverage: 'none', counted: false, text: 'sin datos de la fuente' });
      else expect(row.counted && row.coverage !== 'none', row.period!).toBe(true);
    expect(await page.locator('[data-testid="uncovered-note"]').textContent()).toContain(
      `${uncovered.length} ${uncovered.length === 1 ? 'mes' : 'meses'} sin datos de la fuente (no es cero)`,
    );
    // the comparison with the year before and the semáforo of the last month would read those months as a drop to zero
    const covered = (m: string) => months.some((s) => s.first <= m && m <= s.last);
    const before = yearMonths.map((m) => `${Number(year) - 1}${m.slice(4)}`);
    const notCompared = [...before, ...yearMonths].filter((m) => !covered(m)).length;
    expect(await page.locator('[data-testid="change-uncovered"]').textContent()).toContain(
      `${notCompared} ${notCompared === 1 ? 'mes' : 'meses'} sin datos de la fuente: no se comparan`,
    );
    expect(await page.locator('[data-testid="change"]').count()).toBe(0);
    expect(await page.locator('[data-testid="semaforo-uncovered"]').textContent()).toBe(
      `Las fuentes no tienen datos de diciembre de ${year}: sin semáforo para ese mes.`,
    );
    await page.waitForTimeout(500);
    mkdirSync(join(ARTIFACTS, 'screenshots'), { recursive: true });
    await page
      .locator('[data-testid="data-until"]')
      .screenshot({ path: join(ARTIFACTS, 'screenshots', 'data-until.png') });
    await panel.screenshot({ path: join(ARTIFACTS, 'screenshots', 'area-uncovered-months.png') });
    expect(pageErrors).toEqual([]);
  });
});
