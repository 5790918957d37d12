/**
 * The public view and a police liaison's view of the same area, side by
 * side in headless Chromium, and the difference the privacy policy makes.
 *
 * Two browser profiles on the real server (API + built web app, CSP on) over a fresh copy of the
 * bundled import. The liaison (`enlace`) is a user created in the store with its alcaldía as
 * territory, and logs in through the web page `#entrar` (a wrong password first, to see the API's
 * Spanish message). Both open the same shared URL: a 2016 cuadrante inside that alcaldía, selected,
 * over a half year where one of its months had 1 or 2 incidents.
 *
 * Expected values come from outside the UI: the liaison's series from the API with an admin token
 * (exact figures: the same plan as a territory member's), the public series from the raw SSC file
 * with the published-month rule (k = 3, sensitive category left out), as in tests/e2e/map.test.ts.
 * Then the audit log (admin API) must hold the liaison's detail request, and Chromium must have
 * reported no CSP violation. The side-by-side screenshot goes to `.test-artifacts/access.png`.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { pointOnFeature } from '@turf/turf';
import type { Page } from 'playwright-core';
import { readBundled, readBundledJson, REPO_ROOT } from '../../reference/files/index.ts';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createUser } from '../../db/queries/accounts.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { freshStore, type TestStore } from '../harness/stores.ts';
import { monthViolation } from '../support/published.ts';
import { startTestServer, type TestServer } from '../harness/server.ts';
import { launchBrowser, type LaunchedBrowser } from '../harness/chromium.ts';

const ARTIFACTS = join(REPO_ROOT, '.test-artifacts');
const FROM = '2016-01-01';
const TO = '2016-07-01';
const MONTHS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];
const K = 3;
/** A month the public must never see exactly: 1 … k−1 incidents (cell-key publishes 0 or ≥ k there). */
const small = (n: number) => n > 0 && n < K;
/** Milpa Alta: the FGJ file adds located incidents there; elsewhere 2016 cuadrantes hold SSC rows only */
const MILPA_ALTA = '09009';
const LIAISON = { email: 'enlace.prueba@example.org', password: 'clave-de-prueba-2016', name: 'Enlace de prueba' };

interface SscRow {
  cuadrante: string;
  crime: string;
  date: string;
}

/** Public monthly counts per stated 2016 cuadrante in [FROM, TO): non-sensitive rows (VIOLACION is the SSC file's sensitive label). */
function publicMonthlyByCuadrante(): Map<string, Map<string, number>> {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as SscRow[];
  const out = new Map<string, Map<string, number>>();
  for (const row of rows) {
    if (row.date < FROM || row.date >= TO || row.crime === 'VIOLACION') continue;
    const months = out.get(row.cuadrante) ?? new Map<string, number>();
    months.set(row.date.slice(0, 7), (months.get(row.date.slice(0, 7)) ?? 0) + 1);
    out.set(row.cuadrante, months);
  }
  return out;
}

/** The series table of the area panel, as `[period, count | null]`. */
async function shownSeries(page: Page, cuadrante: string): Promise<[string, number | null][]> {
  try {
    await page
      .locator(`[data-testid="area-panel"][data-area-id="${cuadrante}"][data-state="ready"]`)
      .waitFor({ timeout: 90_000 });
  } catch (err) {
    // say what the page shows instead (a rare timeout on a loaded CI machine left no trace)
    const seen = await page.evaluate(() => {
      const panel = document.querySelector('[data-testid="area-panel"]');
      const alerts = [...document.querySelectorAll('[role="alert"]')].map((a) => a.textContent?.trim());
      return {
        url: location.href,
        panel: panel ? { id: panel.getAttribute('data-area-id'), state: panel.getAttribute('data-state') } : null,
        alerts,
      };
    });
    throw new Error(`${(err as Error).message.split('\n')[0]}; the page shows ${JSON.stringify(seen)}`, { cause: err });
  }
  await page
    .locator('[data-testid="series-table"] tr[data-period]')
    .first()
    .waitFor({ state: 'attached', timeout: 30_000 });
  return page.$$eval('[data-testid="series-table"] tr[data-period]', (rows) =>
    rows.map(
      (row) =>
        [
          row.getAttribute('data-period')!,
          row.hasAttribute('data-count') ? Number(row.getAttribute('data-count')) : null,
        ] as [string, number | null],
    ),
  );
}

/** Progress on stderr: a slow step on a busy machine shows where the time went. */
const step = (msg: string) => process.stderr.write(`[access] ${msg}\n`);

function watch(page: Page, into: string[]) {
  page.on('pageerror', (error) => into.push(`pageerror: ${error.message}`));
  page.on('console', (msg) => {
    if (/content[- ]security[- ]policy|refused to (load|execute|apply|connect|create)/i.test(msg.text()))
      into.push(`csp: ${msg.text()}`);
  });
}

describe('public view and liaison view side by side (headless Chromium)', () => {
  let store: TestStore;
  let server: TestServer;
  let publicBrowser: LaunchedBrowser;
  let liaisonBrowser: LaunchedBrowser;
  let adminToken: string;
  const problems: string[] = [];

  beforeAll(async () => {
    store = await freshStore('pglite');
    server = await startTestServer(store, { buildWeb: true });
    adminToken = await createToken(store, { role: 'admin', name: 'e2e-admin' });
    publicBrowser = await launchBrowser();
    liaisonBrowser = await launchBrowser();
  }, 600_000);

  afterAll(async () => {
    await publicBrowser?.close();
    await liaisonBrowser?.close();
    await server?.close();
    await store?.close();
  });

  it('the liaison sees the exact monthly figures of a cuadrante in its alcaldía where the public sees perturbed ones', async () => {
    // A 2016 cuadrante with a polygon, outside Milpa Alta, with a month of 1 or 2 public incidents
    // (never shown exactly to the public); the busiest such one, so the panel shows a real series.
    const monthly = publicMonthlyByCuadrante();
    const lookup = loadCuadrante2016Lookup();
    const polygons = readBundledJson<GeoJSON.FeatureCollection>('boundaries/cuadrantes_2016.geojson.gz');
    const polygonOf = new Map(polygons.features.map((f) => [String(f.properties?.cuadrante), f]));
    const total = (m: Map<string, number>) => [...m.values()].reduce((s, n) => s + n, 0);
    const [cuadrante, counts] = [...monthly]
      .filter(([id]) => polygonOf.has(id) && lookup.has(id) && lookup.get(id)!.alcaldiaId !== MILPA_ALTA)
      .filter(([, m]) => MONTHS.some((x) => small(m.get(x) ?? 0)))
      .sort((a, b) => total(b[1]) - total(a[1]))[0];
    const alcaldia = lookup.get(cuadrante)!.alcaldiaId;
    const withheld = MONTHS.filter((month) => small(counts.get(month) ?? 0));
    expect(withheld.length, `${cuadrante}: a month of 1 or 2`).toBeGreaterThan(0);

    // The exact series, from the API as an admin (a territory member gets the same exact plan).
    const exact = (await (
      await fetch(
        `${server.url}/api/areas/cuadrante/${encodeURIComponent(cuadrante)}/series?vintage=2016&from=${FROM}&to=${TO}`,
        {
          headers: { Authorization: `Bearer ${adminToken}` },
        },
      )
    ).json()) as { series: { period: string; count: number }[] };
    const expectedLiaison = exact.series.map((p) => [p.period, p.count]);
    expect(expectedLiaison.map(([m]) => m)).toEqual(MONTHS);
    for (const month of withheld) expect(exact.series.find((p) => p.period === month)!.count, month).toBeGreaterThan(0);

    const user = await createUser(store, { ...LIAISON, role: 'enlace', territory: [alcaldia] });

    const [lng, lat] = pointOnFeature(polygonOf.get(cuadrante)!).geometry.coordinates;
    const view = `/?c=${lng},${lat}&z=14&p=2016-01..2016-06&layer=cuadrante&v=2016&sel=${encodeURIComponent(cuadrante)}`;

    step(`cuadrante ${cuadrante} (alcaldía ${alcaldia}), withheld: ${withheld.join(', ')}`);
    // --- the public
    const publicPage = await publicBrowser.context.newPage();
    await publicPage.setViewportSize({ width: 1400, height: 900 });
    watch(publicPage, problems);
    const response = await publicPage.goto(`${server.url}${view}`);
    expect(response!.headers()['content-security-policy']).toContain("script-src 'self'");
    await publicPage.locator('[data-testid="account-badge"][data-role="public"]').waitFor({ timeout: 60_000 });
    const publicSeries = await shownSeries(publicPage, cuadrante);
    expect(publicSeries.map(([m]) => m)).toEqual(MONTHS);
    // every month within the published rules against the raw count (docs/privacy.md), as the public API says
    for (const [month, figure] of publicSeries)
      expect(monthViolation(figure, counts.get(month) ?? 0, K), month).toBeNull();
    const publicApi = (await (
      await fetch(
        `${server.url}/api/areas/cuadrante/${encodeURIComponent(cuadrante)}/series?vintage=2016&from=${FROM}&to=${TO}`,
      )
    ).json()) as { series: { period: string; count: number | null }[] };
    expect(publicSeries).toEqual(publicApi.series.map((p) => [p.period, p.count]));

    step('public view checked');
    // --- the liaison logs in through the page: a wrong password first, then the right one
    const liaisonPage = await liaisonBrowser.context.newPage();
    await liaisonPage.setViewportSize({ width: 1400, height: 900 });
    watch(liaisonPage, problems);
    await liaisonPage.goto(`${server.url}/#entrar`);
    await liaisonPage.locator('[data-testid="login-page"]').waitFor({ timeout: 60_000 });
    await liaisonPage.fill('input[name="email"]', LIAISON.email);
    await liaisonPage.fill('input[name="password"]', 'no-es-la-clave');
    await liaisonPage.click('button[type="submit"]');
    await expect
      .poll(() => liaisonPage.locator('[data-testid="login-error"]').textContent(), { timeout: 30_000 })
      .toContain('Correo o contraseña incorrectos');
    await liaisonPage.fill('input[name="password"]', LIAISON.password);
    await Promise.all([
      liaisonPage.waitForEvent('load', { timeout: 60_000 }),
      liaisonPage.click('button[type="submit"]'),
    ]);
    const cookies = await liaisonBrowser.context.cookies(server.url);
    const session = cookies.find((c) => c.name === 'mc_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Lax');

    step('logged in');
    await liaisonPage.goto(`${server.url}${view}`);
    const badge = liaisonPage.locator('[data-testid="account-badge"][data-role="enlace"]');
    await badge.waitFor({ timeout: 60_000 });
    expect(await badge.textContent()).toContain(LIAISON.name);
    const liaisonSeries = await shownSeries(liaisonPage, cuadrante);
    expect(liaisonSeries).toEqual(expectedLiaison);
    // the difference the policy makes: the exact 1 or 2 where the public sees 0 or 3 or more
    for (const month of withheld) {
      const shown = publicSeries.find(([m]) => m === month)![1]!;
      expect(shown === 0 || shown >= K, `public ${month}: ${shown}`).toBe(true);
      expect(liaisonSeries.find(([m]) => m === month)![1], `liaison ${month}`).toBeGreaterThan(0);
    }
    expect(liaisonSeries.some(([, n]) => n === null)).toBe(false);
    expect(await liaisonPage.locator('tr[data-withheld]').count()).toBe(0);

    step('liaison view checked');
    // the liaison's detail request is in the audit log, under its user
    const audit = (await (
      await fetch(`${server.url}/api/audit?subject=user:${user.id}`, {
        headers: { Authorization: `Bearer ${adminToken}` },
      })
    ).json()) as { items: { path: string; role: string; area_ids: string[]; status: number }[] };
    const seriesEntry = audit.items.find((i) => i.path === `/api/areas/cuadrante/${cuadrante}/series`);
    expect(seriesEntry, JSON.stringify(audit.items.map((i) => i.path))).toMatchObject({
      role: 'enlace',
      area_ids: [cuadrante],
      status: 200,
    });

    // --- the screenshot: both views, side by side, with a caption each
    await Promise.all([publicPage.waitForTimeout(1_500), liaisonPage.waitForTimeout(1_500)]); // last tiles and labels paint
    const [left, right] = await Promise.all([publicPage.screenshot(), liaisonPage.screenshot()]);
    const sheet = await publicBrowser.context.newPage();
    await sheet.setViewportSize({ width: 2820, height: 960 });
    const img = (png: Buffer, caption: string) =>
      `<figure style="margin:0 5px"><figcaption style="font:600 22px sans-serif;padding:8px 0">${caption}</figcaption><img width="1400" src="data:image/png;base64,${png.toString('base64')}"></figure>`;
    await sheet.setContent(
      `<body style="margin:0;display:flex;background:#fff">${img(left, `Público (sin cuenta): cuadrante ${cuadrante}, meses reservados: ${withheld.join(', ')}`)}${img(right, `Enlace policial (alcaldía ${alcaldia}): cifras exactas`)}</body>`,
    );
    mkdirSync(ARTIFACTS, { recursive: true });
    await sheet.screenshot({ path: join(ARTIFACTS, 'access.png'), fullPage: true });
    await sheet.close();
    expect(readFileSync(join(ARTIFACTS, 'access.png')).byteLength).toBeGreaterThan(10_000);

    step('screenshot saved');
    // "Salir" ends the session: the badge offers "Entrar" again and the panel goes back to the public figures
    await Promise.all([
      liaisonPage.waitForEvent('load', { timeout: 60_000 }),
      liaisonPage.click('[data-testid="logout"]'),
    ]);
    await liaisonPage.locator('[data-testid="account-badge"][data-role="public"]').waitFor({ timeout: 60_000 });
    expect(await shownSeries(liaisonPage, cuadrante)).toEqual(publicSeries);
    expect(problems).toEqual([]);
  }, 480_000);

  it('an invitation link creates the account and opens its session; a session cannot log out without its CSRF token', async () => {
    const invited = await fetch(`${server.url}/api/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'mesa.invitada@example.org', role: 'mesa', territory: ['09015'] }),
    });
    expect(invited.status).toBe(201);
    const { url } = (await invited.json()) as { url: string };
    expect(url).toMatch(/^\/#invitacion=/);

    const page = await publicBrowser.context.newPage();
    await page.setViewportSize({ width: 1400, height: 900 });
    watch(page, problems);
    try {
      await page.goto(`${server.url}${url}`);
      await page.locator('[data-testid="invitation-page"]').waitFor({ timeout: 60_000 });
      await page.fill('input[name="name"]', 'Mesa Cuauhtémoc');
      await page.fill('input[name="password"]', 'corta');
      await page.fill('input[name="repeat"]', 'corta');
      await page.click('button[type="submit"]');
      await expect
        .poll(() => page.locator('[data-testid="invitation-error"]').textContent(), { timeout: 30_000 })
        .toContain('al menos 10 caracteres');
      await page.fill('input[name="password"]', 'una-clave-larga-1');
      await page.fill('input[name="repeat"]', 'una-clave-larga-1');
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('button[type="submit"]')]);
      const badge = page.locator('[data-testid="account-badge"][data-role="mesa"]');
      await badge.waitFor({ timeout: 60_000 });
      expect(await badge.textContent()).toContain('Mesa Cuauhtémoc');
      // the cookie alone cannot end the session: a state-changing call needs X-CSRF-Token (server/auth)
      const forged = await page.evaluate(async () => {
        const r = await fetch('/api/session', { method: 'DELETE' });
        return { status: r.status, code: ((await r.json()) as { error?: { code: string } }).error?.code };
      });
      expect(forged).toEqual({ status: 403, code: 'csrf_failed' });
      // the same invitation cannot be used twice
      const again = await fetch(`${server.url}/api/invitations/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token: url.split('=')[1], name: 'Otra', password: 'otra-clave-larga' }),
      });
      expect(again.status).toBe(410);
      await Promise.all([page.waitForEvent('load', { timeout: 60_000 }), page.click('[data-testid="logout"]')]);
      await page.locator('[data-testid="account-badge"][data-role="public"]').waitFor({ timeout: 60_000 });
    } finally {
      await page.close();
    }
    expect(problems).toEqual([]);
  }, 300_000);
});
