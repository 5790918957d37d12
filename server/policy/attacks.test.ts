/**
 * The known attacks on the public view (issue 6, item 2), tried against the API over the real SSC
 * sample. Expected values are computed here from the raw CSV rows (h3-js on the published
 * coordinates, the 2016 lookup for alcaldías), never from the code under test.
 */
import { expect, it } from 'vitest';
import { getResolution, latLngToCell } from 'h3-js';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createToken } from '../../db/queries/tokens.ts';
import { describeApi, getJson, type SscRow } from '../../tests/support/index.ts';

const K = 3;
const MONTHS = ['2015-05', '2015-06', '2015-07'];
/** the only sensitive category among the SSC labels */
const SENSITIVE_LABEL = 'VIOLACION';

/** The published monthly value, written out: 1 … k−1 withheld. */
const published = (n: number) => (n > 0 && n < K ? null : n);

/** Public figure over `months` from per-month counts: sum of published values, partial, null when only withheld months had incidents. */
function expectedFigure(byMonth: Record<string, number>, months: readonly string[]) {
  let sum = 0;
  let partial = false;
  for (const m of months) {
    const v = published(byMonth[m] ?? 0);
    if (v === null) partial = true;
    else sum += v;
  }
  return { count: partial && sum === 0 ? null : sum, partial };
}

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

  it('differencing two overlapping public windows never isolates a withheld cell-month', async () => {
    const { publicApp } = ctx();
    const truth = cellMonths();
    // a real cell whose May count is 1 or 2 and that has published incidents later
    const victims = [...truth].filter(([, m]) => (m['2015-05'] ?? 0) > 0 && (m['2015-05'] ?? 0) < K && (published(m['2015-06'] ?? 0) ?? 0) + (published(m['2015-07'] ?? 0) ?? 0) > 0);
    expect(victims.length).toBeGreaterThan(0);
    const [cell, months] = victims[0];
    const withheld = months['2015-05'];

    const wide = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-08-01');
    const narrow = await getJson(publicApp, '/api/hotspots?res=8&from=2015-06-01&to=2015-08-01');
    const may = await getJson(publicApp, '/api/hotspots?res=8&from=2015-05-01&to=2015-06-01');
    expect([wide.status, narrow.status, may.status]).toEqual([200, 200, 200]);
    const byCell = (body: { cells: { h3: string; count: number | null; partial: boolean }[] }) => new Map(body.cells.map((c) => [c.h3, c]));
    const [w, n, m] = [byCell(wide.body), byCell(narrow.body), byCell(may.body)];

    // every public cell is exactly the sum of its published months
    for (const [h3, counts] of truth) {
      expect(w.get(h3), h3).toEqual({ h3, ...expectedFigure(counts, MONTHS) });
    }
    expect(w.size).toBe(truth.size);
    // the attack: May alone is withheld, and wide − narrow is 0, not the withheld count
    expect(m.get(cell)).toEqual({ h3: cell, count: null, partial: true });
    expect(w.get(cell)!.partial).toBe(true);
    expect((w.get(cell)!.count ?? 0) - (n.get(cell)!.count ?? 0)).toBe(0);
    expect(withheld).toBeGreaterThan(0);
    // and for every cell with a withheld May the difference of the two windows is 0
    for (const [h3, counts] of truth) {
      if (published(counts['2015-05'] ?? 0) !== null) continue;
      expect((w.get(h3)?.count ?? 0) - (n.get(h3)?.count ?? 0), h3).toBe(0);
    }
    // the admin sees the exact count (every category: the sensitive one included)
    const exact = await getJson(ctx().app, '/api/hotspots?res=8&from=2015-05-01&to=2015-06-01');
    const { sample } = ctx();
    const allMay = sample.rows.filter((r) => sample.inCity.has(r.id) && r.date.startsWith('2015-05') && latLngToCell(Number(r.lat), Number(r.long), 8) === cell);
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
    // a zoom-16 tile over the busiest cell: resolution-8 hexagons only, and withheld cells carry no count
    const truth = cellMonths();
    const [cell] = [...truth].sort((a, b) => Object.values(b[1]).reduce((s, x) => s + x, 0) - Object.values(a[1]).reduce((s, x) => s + x, 0))[0];
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
    for (let i = 0; i < layer.length; i++) {
      const props = layer.feature(i).properties;
      expect(getResolution(String(props.h3))).toBe(8);
      const fig = expectedFigure(truth.get(String(props.h3)) ?? {}, MONTHS);
      expect(props.count ?? null).toBe(fig.count);
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
    for (const r of rows) byAlcaldia.set(lookup.get(r.cuadrante)!.alcaldiaId, [...(byAlcaldia.get(lookup.get(r.cuadrante)!.alcaldiaId) ?? []), r]);
    const [alcaldia, its] = [...byAlcaldia].sort((a, b) => b[1].length - a[1].length)[0];
    const lastDate = sample.rows.map((r) => r.date).sort().at(-1)!;
    const released = (month: string) => {
      const end = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)); // last day of the month
      return end.getTime() + 30 * 86_400_000 <= Date.parse(`${lastDate}T00:00:00Z`);
    };
    const r = await getJson(publicApp, `/api/areas/alcaldia/${alcaldia}/series?vintage=2016&category=violacion&from=2015-05-01&to=2015-08-01`);
    expect(r.status).toBe(200);
    const count = (m: string) => its.filter((x) => x.date.startsWith(m)).length;
    expect(r.body.series).toEqual(MONTHS.map((period) => ({ period, count: released(period) ? published(count(period)) : null })));
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
    // a cuadrante with a withheld month and a published one
    const [id, months] = [...perCuadrante].find(([, m]) => MONTHS.some((x) => published(m[x] ?? 0) === null) && MONTHS.some((x) => (published(m[x] ?? 0) ?? 0) > 0))!;
    const series = await getJson(publicApp, `/api/areas/cuadrante/${id}/series?vintage=2016&from=2015-05-01&to=2015-08-01`);
    expect(series.body.access).toBe('public');
    expect(series.body.series).toEqual(MONTHS.map((period) => ({ period, count: published(months[period] ?? 0) })));

    const cmp = await getJson(publicApp, `/api/compare?kind=cuadrante&vintage=2016&ids=${id}&p1=2015-05-01..2015-06-01&p2=2015-05-01..2015-08-01`);
    expect(cmp.status).toBe(200);
    const item = cmp.body.items[0];
    const e1 = expectedFigure(months, ['2015-05']);
    const e2 = expectedFigure(months, MONTHS);
    expect(item).toMatchObject({ id, p1: e1.count, p2: e2.count, partial_p1: e1.partial, partial_p2: e2.partial });
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
    const rank = await getJson(publicApp, '/api/rank?kind=cuadrante&vintage=2016&from=2015-05-01&to=2015-08-01&limit=2000');
    expect(rank.status).toBe(200);
    expect(rank.body.access).toBe('public');
    const counts: (number | null)[] = rank.body.items.map((i: { count: number | null }) => i.count);
    for (const item of rank.body.items) {
      const e = expectedFigure(per.get(item.id) ?? {}, MONTHS);
      expect({ id: item.id, count: item.count, partial: item.partial }).toEqual({ id: item.id, ...e });
    }
    // ordered by published count, withheld (null) last
    const firstNull = counts.indexOf(null);
    const published = firstNull === -1 ? counts : counts.slice(0, firstNull);
    expect([...published].sort((a, b) => b! - a!)).toEqual(published);
    if (firstNull !== -1) expect(counts.slice(firstNull).every((c) => c === null)).toBe(true);

    const [withheldId] = [...per].find(([, m]) => published.length && (m['2015-07'] ?? 0) > 0 && (m['2015-07'] ?? 0) < K)!;
    const sem = await getJson(publicApp, `/api/semaforo?kind=cuadrante&vintage=2016&month=2015-07&ids=${encodeURIComponent(withheldId)}`);
    expect(sem.status).toBe(200);
    expect(sem.body.items[0]).toMatchObject({ id: withheldId, count: null, color: null, pct_change: null });
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
    const mine = await getJson(publicApp, `/api/areas/cuadrante/${inside}/series?vintage=2016&from=2015-05-10&to=2015-08-01&category=violacion`, auth);
    expect(mine.status).toBe(200);
    expect(mine.body.access).toBeUndefined();
    const exact = sample.rows.filter((r) => r.cuadrante === inside && r.crime === SENSITIVE_LABEL && r.date >= '2015-05-10');
    expect(mine.body.series.reduce((s: number, p: { count: number }) => s + p.count, 0)).toBe(exact.length);
    const theirs = await getJson(publicApp, `/api/areas/cuadrante/${outside}/series?vintage=2016&from=2015-05-01&to=2015-08-01`, auth);
    expect(theirs.body.access).toBe('public');
    expect((await getJson(publicApp, `/api/areas/cuadrante/${outside}/series?vintage=2016&category=violacion`, auth)).status).toBe(403);
  });
});
