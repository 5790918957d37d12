/**
 * The known attacks on the public view, tried against the API over the real SSC sample, under the
 * cell-key method (the default disclosure rule). True counts are computed here from the raw CSV
 * rows (h3-js on the published coordinates, the 2016 lookup for alcaldías); public figures are
 * checked against the rules docs/privacy.md states (tests/support/published.ts: never 1 … k−1,
 * within the documented noise bound of the true count, the same cell-month always the same
 * figure), never against the code under test. tests/privacy measures what differencing recovers.
 */
import { expect, it } from 'vitest';
import { getResolution, latLngToCell } from 'h3-js';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { describeApi, getJson, type SscRow } from '../../tests/support/index.ts';
import { monthViolation, windowViolation } from '../../tests/support/published.ts';

const K = 3;
const MONTHS = ['2015-05', '2015-06', '2015-07'];
/** the only sensitive category among the SSC labels */
const SENSITIVE_LABEL = 'VIOLACION';

/** a true monthly count the former rule withheld: 1 … k−1 */
const small = (n: number) => n > 0 && n < K;

/** Why a public figure over `months` breaks the cell-key rules for the per-month true counts, or null. */
const windowCheck = (figure: number | null, byMonth: Record<string, number>, months: readonly string[]) =>
  windowViolation(
    figure,
    months.map((m) => byMonth[m] ?? 0),
    K,
  );

describeApi('attacks on the public view', (ctx) => {
  /** counts per res-8 cell and month of the located, non-sensitive rows (what public hexagons count) */
  function cellMonths(): Map<string, Record<string, number>> {
    const { sample } = ctx();
    const out = new Map<string, Record<string, number>>();
    for (const r of sample.rows) {
      if (!sample.inCity.has(r.id) || r.crime === SENSITIVE_LABEL) continue;
      const cell = latLngToCell(Number(r.lat), Number(r.long), 8);
      const months = out.get(cell) ?? {};
      months[r.date.slice(0, 7)] = (months[r.date.slice(0, 7)] ?? 0) + 1;
      out.set(cell, months);
    }
    return out;
  }

  it('differencing two overlapping public windows never gives back a small cell-month: the difference is that month’s own published figure, 0 or ≥ k', async () => {
    const { publicApp } = ctx();
    const truth = cellMonths();
    // real cells whose May count is 1 or 2 and that have incidents later
    const victims = [...truth].filter(
      ([, m]) => small(m['2015-05'] ?? 0) && (m['2015-06'] ?? 0) + (m['2015-07'] ?? 0) > 0,
    );
    expect(victims.length).toBeGreaterThan(0);
    const [cell, months] = victims[0];
    const withheld = months['2015-05'];

    const wide = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-08-01');
    const narrow = await getJson(publicApp, '/api/hotspots?res=8&from=2015-06-01&to=2015-08-01');
    const may = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-06-01');
    const mayAgain = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-06-01');
    expect([wide.status, narrow.status, may.status, mayAgain.status]).toEqual([200, 200, 200, 200]);
    type Cell = { h3: string; count: number | null; partial: boolean };
    const byCell = (body: { cells: Cell[] }) => new Map(body.cells.map((c) => [c.h3, c]));
    const [w, n, m] = [byCell(wide.body), byCell(narrow.body), byCell(may.body)];
    const figure = (cells: Map<string, Cell>, h3: string) => cells.get(h3)?.count ?? 0;

    // every public cell keeps the rules against the CSV's true counts; no cell without incidents appears with a count
    for (const [h3, counts] of truth) {
      expect(windowCheck(figure(w, h3), counts, MONTHS), h3).toBeNull();
      expect(w.get(h3)?.partial ?? false, h3).toBe(false);
    }
    for (const [h3, c] of w) if (!truth.has(h3)) expect(c.count, h3).toBe(0);
    // the same request twice: the same figures (noise cannot be averaged away)
    expect(mayAgain.body.cells).toEqual(may.body.cells);
    // the attack on the victim: May alone is published as 0 or ≥ k, never the true 1 or 2
    expect(withheld).toBeGreaterThan(0);
    expect(monthViolation(figure(m, cell), withheld, K)).toBeNull();
    // for every cell with a small May, wide − narrow is exactly May's own published figure: never 1 … k−1
    let attacked = 0;
    for (const [h3, counts] of truth) {
      if (!small(counts['2015-05'] ?? 0)) continue;
      attacked++;
      const difference = figure(w, h3) - figure(n, h3);
      expect(difference, h3).toBe(figure(m, h3));
      expect(difference > 0 && difference < K, `${h3}: wide − narrow = ${difference}`).toBe(false);
    }
    expect(attacked).toBeGreaterThan(0);
    // the admin sees the exact count (every category: the sensitive one included)
    const exact = await getJson(ctx().app, '/api/hotspots?res=8&from=2015-05-01&to=2015-06-01');
    const { sample } = ctx();
    const allMay = sample.rows.filter(
      (r) =>
        sample.inCity.has(r.id) &&
        r.date.startsWith('2015-05') &&
        latLngToCell(Number(r.lat), Number(r.long), 8) === cell,
    );
    expect(allMay.length).toBeGreaterThanOrEqual(withheld);
    expect(exact.body.cells.find((c: { h3: string }) => c.h3 === cell).count).toBe(allMay.length);
  });

  it('asking for resolution 11 (or 9) without a token → 403 forbidden_resolution; tiles stay at resolution 8 when zoomed in', async () => {
    const { publicApp } = ctx();
    for (const res of [9, 11]) {
      const r = await getJson(publicApp, `/api/hotspots?res=${res}&from=2015-05-01&to=2015-06-01`);
      expect(r.status).toBe(403);
      expect(r.body.error.code).toBe('forbidden_resolution');
    }
    expect((await getJson(publicApp, '/api/hotspots/gistar?res=10')).body.error.code).toBe('forbidden_resolution');
    // a zoom-16 tile over the busiest cell: resolution-8 hexagons only, each carrying the JSON's public figure
    const truth = cellMonths();
    const [cell] = [...truth].sort(
      (a, b) => Object.values(b[1]).reduce((s, x) => s + x, 0) - Object.values(a[1]).reduce((s, x) => s + x, 0),
    )[0];
    const { cellToLatLng } = await import('h3-js');
    const [lat, lon] = cellToLatLng(cell);
    const z = 16;
    const x = Math.floor(((lon + 180) / 360) * 2 ** z);
    const rad = (lat * Math.PI) / 180;
    const y = Math.floor(((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z);
    const res = await publicApp.request(`/api/tiles/hotspots/${z}/${x}/${y}.pbf?from=2015-05-01&to=2015-08-01`);
    expect(res.status).toBe(200);
    const layer = new VectorTile(new Pbf(new Uint8Array(await res.arrayBuffer()))).layers.hotspots;
    expect(layer.length).toBeGreaterThan(0);
    const json = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-08-01');
    const jsonFigure = new Map(json.body.cells.map((c: { h3: string; count: number | null }) => [c.h3, c.count]));
    for (let i = 0; i < layer.length; i++) {
      const props = layer.feature(i).properties;
      const h3 = String(props.h3);
      expect(getResolution(h3)).toBe(8);
      // the same cell gets the same figure from the tile and from the JSON, within the rules of its true counts
      expect(props.count ?? null, h3).toBe(jsonFigure.get(h3) ?? 0);
      expect(windowCheck((props.count as number | undefined) ?? null, truth.get(h3) ?? {}, MONTHS), h3).toBeNull();
    }
  });

  it('a sensitive category by cuadrante, sector, colonia or hexagon → 403 sensitive_category; by alcaldía: public, with recent months embargoed', async () => {
    const { publicApp, sample } = ctx();
    for (const url of [
      '/api/areas/cuadrante/N-1.1.18/series?vintage=2016&category=violacion&from=2015-05-01&to=2015-08-01',
      '/api/compare?kind=sector&vintage=2016&p1=2015-05-01..2015-06-01&p2=2015-06-01..2015-07-01&category=violacion',
      '/api/rank?kind=colonia&from=2015-05-01&to=2015-06-01&category=extorsion',
      '/api/hotspots?res=6&category=secuestro',
    ]) {
      const r = await getJson(publicApp, url);
      expect(r.status, url).toBe(403);
      expect(r.body.error.code, url).toBe('sensitive_category');
    }
    // by alcaldía (2016: the SSC lookup): months ending ≥ 30 days before the data's last date are published
    const lookup = loadCuadrante2016Lookup();
    const rows = sample.rows.filter((r) => r.crime === SENSITIVE_LABEL && lookup.get(r.cuadrante));
    const byAlcaldia = new Map<string, SscRow[]>();
    for (const r of rows)
      byAlcaldia.set(lookup.get(r.cuadrante)!.alcaldiaId, [
        ...(byAlcaldia.get(lookup.get(r.cuadrante)!.alcaldiaId) ?? []),
        r,
      ]);
    const [alcaldia, its] = [...byAlcaldia].sort((a, b) => b[1].length - a[1].length)[0];
    const lastDate = sample.rows
      .map((r) => r.date)
      .sort()
      .at(-1)!;
    const released = (month: string) => {
      const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)); // last day of the month
      return end.getTime() + 30 * 86_400_000 <= Date.parse(`${lastDate}T00:00:00Z`);
    };
    const r = await getJson(
      publicApp,
      `/api/areas/alcaldia/${alcaldia}/series?vintage=2016&category=violacion&from=2015-05-01&to=2015-08-01`,
    );
    expect(r.status).toBe(200);
    const count = (m: string) => its.filter((x) => x.date.startsWith(m)).length;
    expect(r.body.series.map((p: { period: string }) => p.period)).toEqual(MONTHS);
    for (const { period, count: figure } of r.body.series as { period: string; count: number | null }[]) {
      if (released(period)) expect(monthViolation(figure, count(period), K), period).toBeNull();
      else expect(figure, period).toBeNull();
    }
    expect(MONTHS.some(released)).toBe(true);
    expect(r.body.series.at(-1).count).toBeNull(); // July ends 0 days before the data's end
  });

  it('public windows are whole months: 400 month_aligned_required otherwise; an admin may use any dates', async () => {
    const { publicApp, app } = ctx();
    for (const url of [
      '/api/hotspots?res=8&from=2015-05-02&to=2015-06-01',
      '/api/areas/cuadrante/N-1.1.18/series?vintage=2016&from=2015-05-01&to=2015-05-15',
      '/api/compare?kind=cuadrante&vintage=2016&p1=2015-05-01..2015-05-31&p2=2015-06-01..2015-07-01',
      '/api/rank?kind=alcaldia&from=2015-05-08&to=2015-06-01',
      '/api/tiles/hotspots/10/229/459.pbf?from=2015-05-03',
    ]) {
      const res = await publicApp.request(url);
      expect(res.status, url).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code, url).toBe('month_aligned_required');
      expect((await app.request(url)).status, url).toBe(200);
    }
  });

  it('a guessed, malformed or revoked-looking token → 401 invalid_token (never the public view)', async () => {
    const { publicApp } = ctx();
    for (const header of ['Bearer mc_' + 'A'.repeat(43), 'Bearer guess', 'Basic YWRtaW46YWRtaW4=', 'Bearer ']) {
      const r = await getJson(publicApp, '/api/hotspots?res=8', { Authorization: header });
      expect(r.status, header).toBe(401);
      expect(r.body.error.code, header).toBe('invalid_token');
    }
  });

  it('public series and comparisons are built from published months (real cuadrante, computed from the CSV)', async () => {
    const { publicApp, sample } = ctx();
    const known = loadCuadrante2016Lookup();
    const perCuadrante = new Map<string, Record<string, number>>();
    for (const r of sample.rows) {
      if (r.crime === SENSITIVE_LABEL || !known.has(r.cuadrante)) continue;
      const m = perCuadrante.get(r.cuadrante) ?? {};
      m[r.date.slice(0, 7)] = (m[r.date.slice(0, 7)] ?? 0) + 1;
      perCuadrante.set(r.cuadrante, m);
    }
    // a cuadrante with a small month (1 or 2) in May and another month above k
    const [id, months] = [...perCuadrante].find(
      ([, m]) => small(m['2015-05'] ?? 0) && MONTHS.some((x) => (m[x] ?? 0) > K),
    )!;
    const series = await getJson(
      publicApp,
      `/api/areas/cuadrante/${id}/series?vintage=2016&from=2015-05-01&to=2015-08-01`,
    );
    expect(series.body.access).toBe('public');
    expect(series.body.series.map((p: { period: string }) => p.period)).toEqual(MONTHS);
    const monthly = new Map<string, number>(
      series.body.series.map((p: { period: string; count: number }) => [p.period, p.count]),
    );
    for (const period of MONTHS)
      expect(monthViolation(monthly.get(period)!, months[period] ?? 0, K), period).toBeNull();

    // the comparison publishes the same cell-months: p1 is May's figure, p2 the sum of the three
    const cmp = await getJson(
      publicApp,
      `/api/compare?kind=cuadrante&vintage=2016&ids=${id}&p1=2015-05-01..2015-06-01&p2=2015-05-01..2015-08-01`,
    );
    expect(cmp.status).toBe(200);
    const item = cmp.body.items[0];
    expect(item).toMatchObject({
      id,
      p1: monthly.get('2015-05'),
      p2: MONTHS.reduce((s, m) => s + monthly.get(m)!, 0),
      partial_p1: false,
      partial_p2: false,
    });
    expect(windowCheck(item.p2, months, MONTHS)).toBeNull();
  });

  it('public rankings and semáforo use published months only (computed from the CSV)', async () => {
    const { publicApp, sample } = ctx();
    const known = loadCuadrante2016Lookup();
    const per = new Map<string, Record<string, number>>();
    for (const r of sample.rows) {
      if (r.crime === SENSITIVE_LABEL || !known.has(r.cuadrante)) continue;
      const m = per.get(r.cuadrante) ?? {};
      m[r.date.slice(0, 7)] = (m[r.date.slice(0, 7)] ?? 0) + 1;
      per.set(r.cuadrante, m);
    }
    const rank = await getJson(
      publicApp,
      '/api/rank?kind=cuadrante&vintage=2016&from=2015-05-01&to=2015-08-01&limit=2000',
    );
    expect(rank.status).toBe(200);
    expect(rank.body.access).toBe('public');
    const counts: (number | null)[] = rank.body.items.map((i: { count: number | null }) => i.count);
    expect(rank.body.items.length).toBeGreaterThan(0);
    for (const item of rank.body.items) {
      expect(windowCheck(item.count, per.get(item.id) ?? {}, MONTHS), item.id).toBeNull();
      expect(item.partial, item.id).toBe(false);
    }
    // ordered by published count
    expect([...counts].sort((a, b) => b! - a!)).toEqual(counts);

    // a cuadrante with 1 or 2 incidents in July: the semáforo never shows that count, and shows the
    // same figure as the cuadrante's public series for that month
    const [smallId, itsMonths] = [...per].find(([, m]) => small(m['2015-07'] ?? 0))!;
    const sem = await getJson(
      publicApp,
      `/api/semaforo?kind=cuadrante&vintage=2016&month=2015-07&ids=${encodeURIComponent(smallId)}`,
    );
    expect(sem.status).toBe(200);
    expect(sem.body.items[0].id).toBe(smallId);
    expect(monthViolation(sem.body.items[0].count, itsMonths['2015-07'], K)).toBeNull();
    const series = await getJson(
      publicApp,
      `/api/areas/cuadrante/${encodeURIComponent(smallId)}/series?vintage=2016&from=2015-07-01&to=2015-08-01`,
    );
    expect(series.body.series).toEqual([{ period: '2015-07', count: sem.body.items[0].count }]);
  });

  it('a mesa token sees its territory in detail and the public view outside it', async () => {
    const { publicApp, sample, store } = ctx();
    const lookup = loadCuadrante2016Lookup();
    const rows = sample.rows.filter((r) => lookup.has(r.cuadrante) && r.crime !== SENSITIVE_LABEL);
    const counts = new Map<string, number>();
    for (const r of rows) counts.set(r.cuadrante, (counts.get(r.cuadrante) ?? 0) + 1);
    const [inside] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const territory = lookup.get(inside)!.alcaldiaId;
    const outside = [...counts.keys()].find((c) => lookup.get(c)!.alcaldiaId !== territory)!;
    const token = await createToken(store, { role: 'mesa', name: 'attack-test', territory: [territory] });
    const auth = { Authorization: `Bearer ${token}` };
    const mine = await getJson(
      publicApp,
      `/api/areas/cuadrante/${inside}/series?vintage=2016&from=2015-05-10&to=2015-08-01&category=violacion`,
      auth,
    );
    expect(mine.status).toBe(200);
    expect(mine.body.access).toBeUndefined();
    const exact = sample.rows.filter(
      (r) => r.cuadrante === inside && r.crime === SENSITIVE_LABEL && r.date >= '2015-05-10',
    );
    expect(mine.body.series.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(exact.length);
    const theirs = await getJson(
      publicApp,
      `/api/areas/cuadrante/${outside}/series?vintage=2016&from=2015-05-01&to=2015-08-01`,
      auth,
    );
    expect(theirs.body.access).toBe('public');
    expect(
      (await getJson(publicApp, `/api/areas/cuadrante/${outside}/series?vintage=2016&category=violacion`, auth)).status,
    ).toBe(403);
  });
});
