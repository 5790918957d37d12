/**
 * /api/semaforo on the full bundled import, both backends. Expected values come from the police's
 * own monthly file (`data/crime/ssc_cuadrantes_monthly_2013_2016.csv.gz`, 2013-01 … 2016-01, one
 * row per cuadrante × crime × month, zeros included) — a different publication than the points file
 * the store holds — with the semáforo rule written out here from its definition.
 */
import { parse } from 'csv-parse/sync';
import type { Hono } from 'hono';
import { expect, it } from 'vitest';
import { readBundled } from '../../reference/files/index.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createAdminApp as createApp } from '../../tests/support/index.ts';
import { getJson } from '../../tests/support/index.ts';
import { cellToLatLng, latLngToCell } from 'h3-js';
import { createApp as createPublicApp } from '../app.ts';
import { SSC_LABELS } from '../../tests/support/expect.ts';
import { monthlyByCell } from '../../tests/support/ssc-raw.ts';
import { monthViolation } from '../../tests/support/published.ts';

/** The police's labels per category (C.V. and S.V. together), spelled out rather than taken from the taxonomy. */
const LABELS: Record<string, readonly string[]> = {
  robo_vehiculo: ['ROBO DE VEHICULO AUTOMOTOR C.V.', 'ROBO DE VEHICULO AUTOMOTOR S.V.'],
  homicidio_doloso: ['HOMICIDIO DOLOSO'],
};

/**
 * The two files disagree on these cells by one incident each (2015-10: S-3.5.12 has 2 in the monthly
 * file and 1 point, S-3.5.13 the reverse), found by comparing them; the store holds the points.
 */
const FILES_DISAGREE = new Set(['S-3.5.12', 'S-3.5.13']);

let monthlyRows: Record<string, string>[] | undefined;
/** Rows of the police monthly file for the labels of LABELS (filtered as text before parsing: 596k rows). */
function policeMonthly(): Record<string, string>[] {
  if (monthlyRows) return monthlyRows;
  const text = readBundled('crime/ssc_cuadrantes_monthly_2013_2016.csv.gz');
  const wanted = Object.values(LABELS)
    .flat()
    .map((l) => `,"${l}",`);
  const lines = text.split('\n');
  const kept = [lines[0], ...lines.slice(1).filter((line) => wanted.some((w) => line.includes(w)))];
  return (monthlyRows = parse(kept.join('\n'), { columns: true, skip_empty_lines: true }) as Record<string, string>[]);
}

/** cuadrante → YYYY-MM → count, for one category, from the monthly file. */
function monthlyCounts(category: string): Map<string, Map<string, number>> {
  const labels = new Set(LABELS[category]);
  const out = new Map<string, Map<string, number>>();
  for (const r of policeMonthly()) {
    if (!labels.has(r.crime)) continue;
    let m = out.get(r.cuadrante);
    if (!m) out.set(r.cuadrante, (m = new Map()));
    const month = r.date.slice(0, 7);
    m.set(month, (m.get(month) ?? 0) + Number(r.count));
  }
  return out;
}

/** The months of the years given, in order: the baseline of 2016-01 is 2013-01 … 2015-12. */
function monthsOfYears(...years: number[]): string[] {
  return years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(i + 1).padStart(2, '0')}`));
}

/** The semáforo from its definition, for a baseline of `months` (all of them in the data). */
function expectedSemaforo(counts: Map<string, number> | undefined, month: string, months: readonly string[]) {
  const count = counts?.get(month) ?? 0;
  const sum = months.reduce((s, m) => s + (counts?.get(m) ?? 0), 0);
  const n = months.length;
  const mean = sum / n;
  // pct = 100·(count − sum/n)/(sum/n); compared as integers: pct ≤ t ⇔ 100·(n·count − sum) ≤ t·sum
  let color: string;
  if (sum === 0) color = count > 0 ? 'rojo' : 'verde';
  else if (100 * (n * count - sum) <= -25 * sum) color = 'verde';
  else if (100 * (n * count - sum) <= 0) color = 'amarillo';
  else color = 'rojo';
  return { count, sum, mean, pct: sum === 0 ? null : (100 * (count - mean)) / mean, color };
}

describeEachBackend('GET /api/semaforo', (getStore) => {
  let app: Hono | undefined;
  const api = () => (app ??= createApp({ store: getStore() }));
  const BASELINE_2016_01 = monthsOfYears(2013, 2014, 2015);

  it('matches the police monthly file for every 2016 cuadrante in 2016-01 (robo_vehiculo), colours included', async () => {
    const police = monthlyCounts('robo_vehiculo');
    const { status, body } = await getJson(
      api(),
      '/api/semaforo?kind=cuadrante&vintage=2016&month=2016-01&category=robo_vehiculo',
    );
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'cuadrante', vintage: 2016, category: 'robo_vehiculo', month: '2016-01' });
    expect(body.items).toHaveLength(847);
    const colours: Record<string, number> = {};
    let compared = 0;
    let onBoundary = 0;
    for (const item of body.items) {
      expect(Object.keys(item)).toEqual([
        'id',
        'name',
        'count',
        'baseline_mean',
        'baseline_months',
        'pct_change',
        'color',
      ]);
      expect(item.baseline_months, item.id).toBe(36);
      if (!police.has(item.id) || FILES_DISAGREE.has(item.id)) continue;
      const e = expectedSemaforo(police.get(item.id), '2016-01', BASELINE_2016_01);
      expect(item.count, item.id).toBe(e.count);
      expect(item.baseline_mean, item.id).toBeCloseTo(e.mean, 12);
      if (e.pct === null) expect(item.pct_change, item.id).toBeNull();
      else expect(item.pct_change, item.id).toBeCloseTo(e.pct, 5);
      expect(item.color, `${item.id}: ${e.count} against ${e.sum}/36`).toBe(e.color);
      colours[e.color] = (colours[e.color] ?? 0) + 1;
      if (e.sum > 0 && (36 * e.count === e.sum || 4 * 36 * e.count === 3 * e.sum)) onBoundary++;
      compared++;
    }
    expect(compared).toBeGreaterThan(800);
    // the month has every colour, and cuadrantes exactly on a threshold (count = mean, or 75 % of it)
    expect(colours.verde).toBeGreaterThan(0);
    expect(colours.amarillo).toBeGreaterThan(0);
    expect(colours.rojo).toBeGreaterThan(0);
    expect(onBoundary).toBeGreaterThan(0);
  });

  it('keeps the order of ids and applies the zero-baseline rule (homicidio_doloso: rojo with an incident, verde without)', async () => {
    const police = monthlyCounts('homicidio_doloso');
    const zeroBaseline = [...police].filter(([, m]) => BASELINE_2016_01.every((x) => !m.get(x)));
    const zeroRojo = zeroBaseline.find(([, m]) => (m.get('2016-01') ?? 0) > 0)![0];
    const zeroVerde = zeroBaseline.find(([, m]) => !m.get('2016-01'))![0];
    const busiest = [...police].sort(
      (a, b) =>
        expectedSemaforo(b[1], '2016-01', BASELINE_2016_01).sum -
        expectedSemaforo(a[1], '2016-01', BASELINE_2016_01).sum,
    )[0][0];
    const ids = [zeroRojo, busiest, zeroVerde];
    const { status, body } = await getJson(
      api(),
      `/api/semaforo?kind=cuadrante&vintage=2016&ids=${ids.join(',')}&month=2016-01&category=homicidio_doloso`,
    );
    expect(status).toBe(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    expect(body.items[0]).toEqual({
      id: zeroRojo,
      name: zeroRojo,
      count: police.get(zeroRojo)!.get('2016-01'),
      baseline_mean: 0,
      baseline_months: 36,
      pct_change: null,
      color: 'rojo',
    });
    expect(body.items[2]).toEqual({
      id: zeroVerde,
      name: zeroVerde,
      count: 0,
      baseline_mean: 0,
      baseline_months: 36,
      pct_change: null,
      color: 'verde',
    });
    const e = expectedSemaforo(police.get(busiest), '2016-01', BASELINE_2016_01);
    expect(body.items[1]).toMatchObject({ count: e.count, baseline_months: 36, color: e.color });
    expect(body.items[1].baseline_mean).toBeCloseTo(e.mean, 12);
  });

  it('2015-12 has only 35 baseline months in the data (it starts in 2013-01): no colour, the partial mean still given', async () => {
    const police = monthlyCounts('robo_vehiculo');
    const ids = ['O-2.3.10', 'P-2.2.7'];
    const { body } = await getJson(
      api(),
      `/api/semaforo?kind=cuadrante&vintage=2016&ids=${ids.join(',')}&month=2015-12&category=robo_vehiculo`,
    );
    const covered = monthsOfYears(2013, 2014, 2015).slice(0, 35); // 2013-01 … 2015-11
    for (const [i, id] of ids.entries()) {
      const e = expectedSemaforo(police.get(id), '2015-12', covered);
      expect(e.sum).toBeGreaterThan(0);
      expect(body.items[i]).toMatchObject({ id, count: e.count, baseline_months: 35, color: null });
      expect(body.items[i].baseline_mean).toBeCloseTo(e.mean, 12);
      expect(body.items[i].pct_change).toBeCloseTo(e.pct!, 5);
    }
  });

  it('a month with no data before it has no baseline at all', async () => {
    const { body } = await getJson(
      api(),
      '/api/semaforo?kind=cuadrante&vintage=2016&ids=O-2.3.10&month=2013-01&category=robo_vehiculo',
    );
    expect(body.items[0]).toMatchObject({ baseline_months: 0, baseline_mean: null, pct_change: null, color: null });
  });

  it('answers with an ETag and 304 on If-None-Match', async () => {
    const path = '/api/semaforo?kind=sector&vintage=2023&month=2016-01';
    const first = await api().request(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"/);
    const again = await api().request(path, { headers: { 'If-None-Match': etag! } });
    expect(again.status).toBe(304);
  });

  // H3 cells, from the raw points (h3-js on each row's own coordinates): the store's other source,
  // FGJ Milpa Alta, starts in 2016-01, so months before it are SSC alone
  const vehicleCells = (res: number) => {
    const labels = new Set(SSC_LABELS.robo_vehiculo);
    return monthlyByCell(res, (r) => labels.has(r.crime));
  };

  it('kind=h3 without ids: every resolution-7 cell with incidents in the 37 months, as the raw points give (2015-12: 35 baseline months)', async () => {
    const cells = vehicleCells(7);
    const covered = monthsOfYears(2013, 2014, 2015).slice(0, 35); // 2013-01 … 2015-11 (2012-12 has no data)
    const window = new Set([...covered, '2015-12']);
    const expectedIds = [...cells]
      .filter(([, m]) => [...m.keys()].some((x) => window.has(x)))
      .map(([id]) => id)
      .sort();
    expect(expectedIds.length).toBeGreaterThan(150); // 191 of the ~330 resolution-7 cells that cover the city
    const { status, body } = await getJson(api(), '/api/semaforo?kind=h3&res=7&month=2015-12&category=robo_vehiculo');
    expect(status).toBe(200);
    expect(body).toMatchObject({ kind: 'h3', res: 7, month: '2015-12' });
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(expectedIds);
    for (const item of body.items) {
      const e = expectedSemaforo(cells.get(item.id), '2015-12', covered);
      expect(item, item.id).toMatchObject({ count: e.count, baseline_months: 35, color: null });
      if (e.sum === 0) expect(item.baseline_mean).toBe(0);
      else expect(item.baseline_mean).toBeCloseTo(e.mean, 12);
    }
  });

  it('kind=h3 with ids: colours of the busiest resolution-8 cells and of a cell with a zero baseline (2016-01)', async () => {
    const cells = vehicleCells(8);
    // cells well north of Milpa Alta (below 19.3° N), so that FGJ points cannot fall in them
    const candidates = [...cells].filter(([id]) => cellToLatLng(id)[0] > 19.3);
    const sum = (m: Map<string, number>) => BASELINE_2016_01.reduce((t, x) => t + (m.get(x) ?? 0), 0);
    const busiest = candidates
      .sort((a, b) => sum(b[1]) - sum(a[1]))
      .slice(0, 3)
      .map(([id]) => id);
    const zeroRojo = candidates.find(([, m]) => sum(m) === 0 && (m.get('2016-01') ?? 0) > 0)![0];
    const ids = [...busiest, zeroRojo];
    const { status, body } = await getJson(
      api(),
      `/api/semaforo?kind=h3&ids=${ids.join(',')}&month=2016-01&category=robo_vehiculo`,
    );
    expect(status).toBe(200);
    expect(body.items.map((i: { id: string }) => i.id)).toEqual(ids);
    for (const item of body.items) {
      const e = expectedSemaforo(cells.get(item.id), '2016-01', BASELINE_2016_01);
      expect(item, item.id).toMatchObject({ count: e.count, baseline_months: 36, color: e.color });
      if (e.pct === null) expect(item.pct_change).toBeNull();
      else expect(item.pct_change).toBeCloseTo(e.pct, 5);
    }
    expect(body.items[3]).toMatchObject({ baseline_mean: 0, color: 'rojo' });

    // the public gets resolution ≤ 8 only, and the month's published figure: never 1 or 2, within
    // the documented noise of the true count, the same figure as the map's hexagon for that month
    const publicApp = createPublicApp({ store: getStore() });
    const smallCell = candidates.find(([id, m]) => !busiest.includes(id) && [1, 2].includes(m.get('2016-01') ?? 0))![0];
    const pubIds = [...busiest, smallCell];
    const pub = await getJson(
      publicApp,
      `/api/semaforo?kind=h3&ids=${pubIds.join(',')}&month=2016-01&category=robo_vehiculo`,
    );
    expect(pub.body).toMatchObject({ access: 'public', min_count: 3 });
    expect(pub.body.items.map((i: { id: string }) => i.id)).toEqual(pubIds);
    const map = await getJson(publicApp, '/api/hotspots?res=8&from=2016-01-01&to=2016-02-01&category=robo_vehiculo');
    const onMap = new Map(map.body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count]));
    for (const item of pub.body.items) {
      const n = cells.get(item.id)!.get('2016-01') ?? 0;
      expect(monthViolation(item.count, n, 3), item.id).toBeNull();
      expect(item.count, item.id).toBe(onMap.get(item.id) ?? 0);
    }
    const fine = latLngToCell(19.4326, -99.1332, 9);
    expect((await getJson(publicApp, `/api/semaforo?kind=h3&ids=${fine}&month=2016-01`)).body.error.code).toBe(
      'forbidden_resolution',
    );
  });

  it.each([
    ['kind=h3&month=2016-01', 400, 'invalid_resolution'],
    ['kind=h3&ids=abc&month=2016-01', 400, 'invalid_cell'],
    ['kind=cuadrante&vintage=2016&ids=ZZ-1&month=2016-01', 404, 'unknown_area'],
    ['vintage=2016&month=2016-01', 400, 'invalid_kind'],
    ['kind=barrio&month=2016-01', 400, 'invalid_kind'],
    ['kind=cuadrante', 400, 'invalid_date'],
    ['kind=cuadrante&month=2016-13', 400, 'invalid_date'],
    ['kind=cuadrante&month=2016-01-01', 400, 'invalid_date'],
    ['kind=cuadrante&vintage=2010&month=2016-01', 400, 'invalid_vintage'],
    ['kind=cuadrante&month=2016-01&category=nada', 400, 'invalid_category'],
    ['kind=cuadrante&ids=,&month=2016-01', 400, 'invalid_parameter'],
  ])('?%s → %i %s', async (query, status, code) => {
    const res = await getJson(api(), `/api/semaforo?${query}`);
    expect(res.status).toBe(status);
    expect(res.body).toEqual({ error: { code, message: expect.any(String) } });
  });
});
