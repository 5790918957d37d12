/**
 * /api/trend on the full bundled import, both backends. The monthly series come from the raw SSC
 * points CSV (counted here with a hand-written filter), and the Mann-Kendall figures are computed
 * here from the textbook definition: S by brute force over all pairs, the tie-corrected variance,
 * z with continuity correction, p from Φ by numerical integration (not the code under test's
 * rational approximation).
 */
import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import { expect, it } from 'vitest';
import { latLngToCell } from 'h3-js';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createApp as createPublicApp } from '../app.ts';
import { readBundled } from '../../reference/files/index.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createAdminApp as createApp } from '../../tests/support/index.ts';
import { getJson } from '../../tests/support/index.ts';
import { SSC_LABELS } from '../../tests/support/expect.ts';
import { monthlyByCell } from '../../tests/support/ssc-raw.ts';
import { monthViolation } from '../../tests/support/published.ts';

interface Point {
  cuadrante: string;
  crime: string;
  date: string;
}

let points: Point[] | undefined;
function sscPoints(): Point[] {
  return (points ??= parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), {
    columns: true,
    skip_empty_lines: true,
  }) as Point[]);
}

/** 2013-01 … 2015-12: [2013-01-01, 2016-01-01), before the FGJ file starts (2016-01), so SSC only. */
const FROM = '2013-01-01';
const TO = '2016-01-01';
const MONTHS = Array.from(
  { length: 36 },
  (_, i) => `${2013 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

/** cuadrante → dense series over MONTHS for the labels of `category`. */
function seriesByCuadrante(category: string): Map<string, number[]> {
  const labels = new Set(SSC_LABELS[category]);
  // the 2016 cuadrantes the police's lookup knows (rows naming any other are not placed in one)
  const known = loadCuadrante2016Lookup();
  const index = new Map(MONTHS.map((m, i) => [m, i]));
  const out = new Map<string, number[]>();
  for (const p of sscPoints()) {
    if (!labels.has(p.crime) || p.date < FROM || p.date >= TO || !known.has(p.cuadrante)) continue;
    let s = out.get(p.cuadrante);
    if (!s) out.set(p.cuadrante, (s = new Array(MONTHS.length).fill(0)));
    s[index.get(p.date.slice(0, 7))!]++;
  }
  return out;
}

/** res-8 cell → dense series over MONTHS for `category` (rows whose own point lies in the city). */
function seriesByCell(category: string): Map<string, number[]> {
  const labels = new Set(SSC_LABELS[category]);
  const monthly = monthlyByCell(8, (r) => labels.has(r.crime) && r.date >= FROM && r.date < TO);
  return new Map([...monthly].map(([cell, months]) => [cell, MONTHS.map((m) => months.get(m) ?? 0)]));
}

/** Φ(x) − 1/2 = ∫₀ˣ φ, by composite Simpson's rule (error ≪ 1e-10 for 4000 steps). */
function halfNormalIntegral(x: number): number {
  const steps = 4000;
  const h = x / steps;
  const phi = (t: number) => Math.exp((-t * t) / 2) / Math.sqrt(2 * Math.PI);
  let s = phi(0) + phi(x);
  for (let i = 1; i < steps; i++) s += (i % 2 ? 4 : 2) * phi(i * h);
  return (s * h) / 3;
}

/** Mann-Kendall from the definition (Mann 1945; Kendall 1975; ties as in Gilbert 1987 §16.4). */
function mannKendallByHand(x: readonly number[]) {
  const n = x.length;
  let s = 0;
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) s += Math.sign(x[j] - x[i]);
  const groups = new Map<number, number>();
  for (const v of x) groups.set(v, (groups.get(v) ?? 0) + 1);
  let ties = 0;
  for (const t of groups.values()) ties += t * (t - 1) * (2 * t + 5);
  const varS = (n * (n - 1) * (2 * n + 5) - ties) / 18;
  const z = varS === 0 || s === 0 ? 0 : (s - Math.sign(s)) / Math.sqrt(varS);
  const p = 2 * (0.5 - halfNormalIntegral(Math.abs(z)));
  const direction = p < 0.05 ? (s > 0 ? 'up' : 'down') : 'none';
  return { n, s, var_s: varS, z, p, tau: s / ((n * (n - 1)) / 2), direction };
}

describeEachBackend('GET /api/trend', (getStore) => {
  let app: Hono | undefined;
  const api = () => (app ??= createApp({ store: getStore() }));

  async function expectTrend(id: string, category: string, series: readonly number[]) {
    const { status, body } = await getJson(
      api(),
      `/api/trend?kind=cuadrante&vintage=2016&id=${id}&from=${FROM}&to=${TO}&category=${category}`,
    );
    expect(status).toBe(200);
    const e = mannKendallByHand(series);
    expect(body).toMatchObject({
      kind: 'cuadrante',
      id,
      vintage: 2016,
      category,
      from: FROM,
      to: TO,
      n: 36,
      s: e.s,
      direction: e.direction,
    });
    expect(body.var_s).toBeCloseTo(e.var_s, 9);
    expect(body.z).toBeCloseTo(e.z, 12);
    expect(body.p).toBeCloseTo(e.p, 9);
    expect(body.tau).toBeCloseTo(e.tau, 12);
    return body;
  }

  it('finds the strongest rising and falling robo_vehiculo trends of 2013–2015 as the definition does', async () => {
    const all = [...seriesByCuadrante('robo_vehiculo')].map(([id, s]) => ({ id, s, mk: mannKendallByHand(s) }));
    all.sort((a, b) => a.mk.z - b.mk.z);
    const down = all[0];
    const up = all.at(-1)!;
    expect(down.mk.direction).toBe('down');
    expect(up.mk.direction).toBe('up');
    expect((await expectTrend(down.id, 'robo_vehiculo', down.s)).direction).toBe('down');
    expect((await expectTrend(up.id, 'robo_vehiculo', up.s)).direction).toBe('up');
    const flat = all.find((a) => a.mk.direction === 'none' && a.mk.s !== 0)!;
    await expectTrend(flat.id, 'robo_vehiculo', flat.s);
  });

  it('counts the zero months in n and in the ties (homicidio_doloso: mostly zero months)', async () => {
    const all = [...seriesByCuadrante('homicidio_doloso')];
    const sparse = all.find(([, s]) => s.filter((v) => v === 0).length >= 24 && s.some((v) => v > 1))!;
    expect(sparse).toBeDefined();
    await expectTrend(sparse[0], 'homicidio_doloso', sparse[1]);
  });

  it('a range before every source begins: no month is covered, n = 0, no trend (not twelve zeros)', async () => {
    const { body } = await getJson(
      api(),
      '/api/trend?kind=cuadrante&vintage=2016&id=O-2.3.10&from=2012-01-01&to=2013-01-01',
    );
    expect(body).toMatchObject({ n: 0, s: 0, var_s: 0, z: 0, p: 1, tau: 0, direction: 'none' });
  });

  it('without from/to spans the data: 2013-01 (SSC) … 2022-06 (FGJ Milpa Alta), 114 months', async () => {
    const { body } = await getJson(api(), '/api/trend?kind=alcaldia&id=09009');
    expect(body).toMatchObject({ kind: 'alcaldia', id: '09009', vintage: 2023, from: '2013-01-01', n: 114 });
    expect(body.to).toMatch(/^2022-07-01$/);
  });

  it('runs on one H3 cell (kind=h3): the strongest rising and falling robo_vehiculo cells, and their series', async () => {
    const all = [...seriesByCell('robo_vehiculo')].map(([id, s]) => ({ id, s, mk: mannKendallByHand(s) }));
    all.sort((a, b) => a.mk.z - b.mk.z);
    for (const c of [all[0], all.at(-1)!]) {
      const { status, body } = await getJson(
        api(),
        `/api/trend?kind=h3&id=${c.id}&from=${FROM}&to=${TO}&category=robo_vehiculo`,
      );
      expect(status).toBe(200);
      expect(body).toMatchObject({ kind: 'h3', res: 8, id: c.id, n: 36, s: c.mk.s, direction: c.mk.direction });
      expect(body.var_s).toBeCloseTo(c.mk.var_s, 9);
      expect(body.p).toBeCloseTo(c.mk.p, 9);
      const series = await getJson(api(), `/api/areas/h3/${c.id}/series?from=${FROM}&to=${TO}&category=robo_vehiculo`);
      expect(series.body).toMatchObject({ kind: 'h3', res: 8, id: c.id });
      expect(series.body.series.map((m: { count: number }) => m.count)).toEqual(c.s);
    }
    expect(all[0].mk.direction).toBe('down');
    expect(all.at(-1)!.mk.direction).toBe('up');
  });

  it('public trend of a cell: the test runs on the published monthly values (never 1–2, within the noise bound), the same as its public series', async () => {
    const publicApp = createPublicApp({ store: getStore() });
    const [id, series] = [...seriesByCell('robo_vehiculo')].find(
      ([, s]) => s.some((v) => v === 1 || v === 2) && s.some((v) => v >= 3),
    )!;
    // the cell's public series: each month keeps the documented rules against the CSV's count
    const pub = await getJson(publicApp, `/api/areas/h3/${id}/series?from=${FROM}&to=${TO}&category=robo_vehiculo`);
    expect(pub.status).toBe(200);
    const published: number[] = pub.body.series.map((m: { count: number }) => m.count);
    expect(published).toHaveLength(36);
    published.forEach((v, i) => expect(monthViolation(v, series[i], 3), `month ${i}`).toBeNull());
    const { status, body } = await getJson(
      publicApp,
      `/api/trend?kind=h3&id=${id}&from=${FROM}&to=${TO}&category=robo_vehiculo`,
    );
    expect(status).toBe(200);
    const e = mannKendallByHand(published);
    expect(body).toMatchObject({ access: 'public', withheld_months: 0, n: 36, s: e.s, direction: e.direction });
    expect(body.var_s).toBeCloseTo(e.var_s, 9);
    const fine = latLngToCell(19.4326, -99.1332, 10);
    expect((await getJson(publicApp, `/api/trend?kind=h3&id=${fine}`)).body.error.code).toBe('forbidden_resolution');
  });

  it.each([
    ['kind=h3&id=nada', 400, 'invalid_cell'],
    ['kind=h3&id=8849a2000000000', 400, 'invalid_cell'],
    ['kind=barrio&id=x', 400, 'invalid_kind'],
    ['kind=cuadrante&vintage=2016&id=ZZ-1', 404, 'unknown_area'],
    ['vintage=2016&id=O-2.3.10', 400, 'invalid_kind'],
    ['kind=cuadrante&vintage=2016', 400, 'invalid_parameter'],
    ['kind=cuadrante&vintage=2010&id=O-2.3.10', 400, 'invalid_vintage'],
    ['kind=cuadrante&vintage=2016&id=O-2.3.10&from=2015-02-30', 400, 'invalid_date'],
    ['kind=cuadrante&vintage=2016&id=O-2.3.10&from=2015-06-01&to=2015-01-01', 400, 'invalid_range'],
    ['kind=cuadrante&vintage=2016&id=O-2.3.10&category=nada', 400, 'invalid_category'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(api(), `/api/trend?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
