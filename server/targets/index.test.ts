/**
 * Targets (metas) on the full bundled import, both backends. Expected monthly counts come from the
 * raw SSC points CSV (../shared/data) and the 2016 cuadrante → sector lookup, read by the test; the
 * progress rule is written out here from its definition (goal = mean × (1 − pct/100); met = count ≤
 * goal; status from the mean of the last 3 months up to the due month).
 */
import type { Hono } from 'hono';
import { expect, it } from 'vitest';
import { createToken } from '../../db/queries/tokens.ts';
import { describeEachBackend } from '../../tests/harness/stores.ts';
import { createApp } from '../app.ts';
import { getJson, withBearer } from '../../tests/support/index.ts';
import { monthViolation } from '../../tests/support/published.ts';
import { monthlyOf, rawSscRows, ROBO_TRANSEUNTE, sectorLookup2016 } from '../../tests/support/ssc-raw.ts';

/** The 2016 sector with the most robo_transeunte points in 2015 (478, found by counting the CSV). */
const SECTOR = 'OASIS';
/** A cuadrante of that sector whose 2016 robo_transeunte months are 2, 1, 4, 3, 2, 1: some small (never published as such), some not. */
const CUADRANTE = 'O-2.1.10';
const MONTHS_2015 = Array.from({ length: 12 }, (_, i) => `2015-${String(i + 1).padStart(2, '0')}`);
const PROGRESS = ['2016-01', '2016-02', '2016-03', '2016-04', '2016-05', '2016-06'];

function sectorTarget(over: Record<string, unknown> = {}) {
  return {
    name: 'Robo a transeúnte −25 %',
    kind: 'sector',
    area_id: SECTOR,
    vintage: 2016,
    category: 'robo_transeunte',
    baseline_from: '2015-01',
    baseline_to: '2016-01',
    reduction_pct: 25,
    due_month: '2016-06',
    ...over,
  };
}

async function post(app: Hono, body: unknown) {
  const res = await app.request('/api/targets', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

/** Expected progress from monthly counts, by the rule's definition. */
function expected(monthly: Map<string, number>, pct: number) {
  const sum = MONTHS_2015.reduce((s, m) => s + (monthly.get(m) ?? 0), 0);
  const mean = sum / 12;
  const goal = mean * (1 - pct / 100);
  const items = PROGRESS.map((m) => ({ month: m, count: monthly.get(m) ?? 0 }));
  const last3 = items.slice(-3).reduce((s, i) => s + i.count, 0) / 3;
  return { sum, mean, goal, items, status: last3 <= goal ? 'cumplida' : 'no_cumplida' };
}

describeEachBackend('targets (metas)', (getStore) => {
  let admin: Hono;
  let publicApp: Hono;
  const sectorOf = sectorLookup2016();
  const inSector = (r: { cuadrante: string; crime: string }) =>
    ROBO_TRANSEUNTE.has(r.crime) && sectorOf.get(r.cuadrante)?.sector === SECTOR;

  it('admin creates a sector target; its progress matches the raw CSV month by month (cumplida)', async () => {
    publicApp = createApp({ store: getStore() });
    admin = withBearer(publicApp, await createToken(getStore(), { role: 'admin', name: 'tests' }));
    const created = await post(admin, sectorTarget());
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Robo a transeúnte −25 %',
      kind: 'sector',
      area_id: SECTOR,
      area_name: SECTOR,
      vintage: 2016,
      category: 'robo_transeunte',
      baseline_from: '2015-01-01',
      baseline_to: '2016-01-01',
      reduction_pct: 25,
      due_month: '2016-06',
    });
    // who: the auth layer's subject (token:<id> for a bearer token)
    expect(created.body.created_by).toMatch(/^token:\d+$/);
    expect(Object.keys(created.body).sort()).toEqual([
      'area_id',
      'area_name',
      'baseline_from',
      'baseline_to',
      'category',
      'created_at',
      'created_by',
      'due_month',
      'id',
      'kind',
      'name',
      'reduction_pct',
      'vintage',
    ]);

    const e = expected(monthlyOf(rawSscRows(), inSector), 25);
    expect(e.sum).toBe(478); // the figure the sector was chosen by
    const { status, body } = await getJson(admin, `/api/targets/${created.body.id}/progress`);
    expect(status).toBe(200);
    expect(body.target.id).toBe(created.body.id);
    expect(body.baseline_monthly_mean).toBeCloseTo(e.mean, 12);
    expect(body.goal_monthly).toBeCloseTo(e.goal, 12);
    expect(body.baseline_months).toBe(12);
    expect(body.items.map((i: any) => ({ month: i.month, count: i.count }))).toEqual(e.items);
    for (const i of body.items) {
      expect(i.goal).toBeCloseTo(e.goal, 12);
      expect(i.met, i.month).toBe(i.count <= e.goal);
    }
    expect(body.status).toBe(e.status);
    expect(body.status).toBe('cumplida');
    expect(body.access).toBeUndefined();
  });

  it('a −50 % target on the same data is no_cumplida; a due month past the data is en_curso', async () => {
    const e = expected(monthlyOf(rawSscRows(), inSector), 50);
    const strict = await post(admin, sectorTarget({ reduction_pct: 50 }));
    const p = await getJson(admin, `/api/targets/${strict.body.id}/progress`);
    expect(e.status).toBe('no_cumplida');
    expect(p.body.status).toBe('no_cumplida');
    expect(p.body.goal_monthly).toBeCloseTo(e.goal, 12);

    const later = await post(admin, sectorTarget({ due_month: '2020-12', name: 'largo plazo' }));
    const q = await getJson(admin, `/api/targets/${later.body.id}/progress`);
    expect(q.body.status).toBe('en_curso');
    // progress stops at the last month of the sources reporting on this area: SSC ends in 2016-09
    // (FGJ's Milpa Alta file, to 2022-06, places nothing in this sector)
    const last = [...rawSscRows()].reduce((m, r) => (r.date > m ? r.date : m), '').slice(0, 7);
    expect(last).toBe('2016-09');
    expect(q.body.items.map((i: any) => i.month)).toEqual([...PROGRESS, '2016-07', '2016-08', '2016-09']);
    const monthly = monthlyOf(rawSscRows(), inSector);
    expect(q.body.items.map((i: any) => i.count)).toEqual(q.body.items.map((i: any) => monthly.get(i.month) ?? 0));
  });

  it('the public reads the progress through the policy: the published monthly values of the public series, never 1 or 2', async () => {
    const created = await post(admin, sectorTarget({ kind: 'cuadrante', area_id: CUADRANTE, name: 'cuadrante' }));
    expect(created.status).toBe(201);
    const monthly = monthlyOf(rawSscRows(), (r) => ROBO_TRANSEUNTE.has(r.crime) && r.cuadrante === CUADRANTE);
    const small = (n: number) => n > 0 && n < 3; // k = 3 by default
    expect(PROGRESS.some((m) => small(monthly.get(m) ?? 0))).toBe(true); // the cuadrante was chosen so that the rule bites
    const { status, body } = await getJson(publicApp, `/api/targets/${created.body.id}/progress`);
    expect(status).toBe(200);
    expect(body.access).toBe('public');
    expect(body.min_count).toBe(3);
    // each month keeps the documented rules against the CSV's count, and nothing is withheld
    for (const i of body.items) {
      expect(monthViolation(i.count, monthly.get(i.month) ?? 0, 3), i.month).toBeNull();
      expect(i.partial, i.month).toBe(false);
    }
    // the same cuadrante-months as its public series (one cell, one figure, whatever the endpoint)
    const series = async (from: string, to: string) =>
      (
        await getJson(
          publicApp,
          `/api/areas/cuadrante/${CUADRANTE}/series?vintage=2016&from=${from}&to=${to}&category=robo_transeunte`,
        )
      ).body.series as { period: string; count: number }[];
    expect(body.items.map((i: any) => ({ period: i.month, count: i.count }))).toEqual(
      await series('2016-01-01', '2016-07-01'),
    );
    // baseline: the mean of the published 2015 months (each within the rules), none withheld
    const baseline = await series('2015-01-01', '2016-01-01');
    expect(baseline.map((p) => p.period)).toEqual(MONTHS_2015);
    for (const p of baseline) expect(monthViolation(p.count, monthly.get(p.period) ?? 0, 3), p.period).toBeNull();
    const baseSum = baseline.reduce((s, p) => s + p.count, 0);
    expect(body.baseline_withheld).toBe(0);
    expect(body.baseline_monthly_mean).toBeCloseTo(baseSum / 12, 12);
    for (const i of body.items) expect(i.met).toBe(i.count <= (baseSum / 12) * 0.75);
    // the admin sees the exact counts of the same target
    const exact = await getJson(admin, `/api/targets/${created.body.id}/progress`);
    expect(exact.body.items.map((i: any) => i.count)).toEqual(PROGRESS.map((m) => monthly.get(m) ?? 0));
  });

  it('lists targets (filtered by kind and ids) and reads one', async () => {
    const all = await getJson(publicApp, '/api/targets');
    expect(all.status).toBe(200);
    expect(all.body.items.length).toBe(4);
    const sectors = await getJson(publicApp, `/api/targets?kind=sector&ids=${SECTOR}`);
    expect(sectors.body.items.map((t: any) => t.area_id)).toEqual([SECTOR, SECTOR, SECTOR]);
    expect(sectors.body.items[0].id).toBeGreaterThan(sectors.body.items[2].id); // newest first
    const none = await getJson(publicApp, '/api/targets?kind=cuadrante&ids=C-1.1.1');
    expect(none.body.items).toEqual([]);
    const one = await getJson(publicApp, `/api/targets/${sectors.body.items[0].id}`);
    expect(one.body).toEqual(sectors.body.items[0]);
    expect(one.headers.get('cache-control')).toBe('no-store');
  });

  it('only admin, or a mesa whose territory holds the area, may create or delete', async () => {
    const store = getStore();
    const alcaldia = [...sectorOf.values()].find((v) => v.sector === SECTOR)!.cvegeo;
    const as = async (role: 'mesa' | 'enlace' | 'moderador', territory: string[]) =>
      withBearer(publicApp, await createToken(store, { role, name: `t-${role}`, territory }));
    // sector territories name their numbering (the targets here are 2016 sectors)
    const mesaSector = await as('mesa', [`2016:${SECTOR}`]);
    const mesaAlcaldia = await as('mesa', [alcaldia]);
    const mesaElsewhere = await as('mesa', ['09002']);
    const enlace = await as('enlace', [`2016:${SECTOR}`]);
    expect((await post(await as('mesa', [`2023:${SECTOR}`]), sectorTarget())).status).toBe(403);
    const moderador = await as('moderador', []);

    expect((await post(publicApp, sectorTarget())).body.error.code).toBe('forbidden');
    expect((await post(publicApp, sectorTarget())).status).toBe(403);
    expect((await post(enlace, sectorTarget())).status).toBe(403);
    expect((await post(moderador, sectorTarget())).status).toBe(403);
    expect((await post(mesaElsewhere, sectorTarget())).status).toBe(403);
    const bySector = await post(mesaSector, sectorTarget());
    expect(bySector.status).toBe(201);
    expect(bySector.body.created_by).toMatch(/^token:\d+$/);
    const first = (await getJson(publicApp, '/api/targets?kind=sector')).body.items.at(-1);
    expect(bySector.body.created_by).not.toBe(first.created_by); // the mesa's token, not the admin's
    // a cuadrante of the sector is inside a sector territory too
    expect((await post(mesaSector, sectorTarget({ kind: 'cuadrante', area_id: CUADRANTE }))).status).toBe(201);
    expect((await post(mesaAlcaldia, sectorTarget())).status).toBe(201);

    const del = (app: Hono, id: number) => app.request(`/api/targets/${id}`, { method: 'DELETE' });
    expect((await del(publicApp, bySector.body.id)).status).toBe(403);
    expect((await del(mesaElsewhere, bySector.body.id)).status).toBe(403);
    const ok = await del(mesaSector, bySector.body.id);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ id: bySector.body.id, deleted: true });
    expect((await getJson(publicApp, `/api/targets/${bySector.body.id}`)).status).toBe(404);
    expect((await del(admin, bySector.body.id)).status).toBe(404);
  });

  it('accepts a due month 12 months after the current one, and refuses 13', async () => {
    const now = new Date();
    const month = (ahead: number) => {
      const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + ahead, 1));
      return d.toISOString().slice(0, 7);
    };
    const ok = await post(
      admin,
      sectorTarget({ baseline_from: month(-12), baseline_to: month(0), due_month: month(12), name: 'a un año' }),
    );
    expect(ok.status).toBe(201);
    expect((await getJson(publicApp, `/api/targets/${ok.body.id}/progress`)).status).toBe(200);
    const late = await post(
      admin,
      sectorTarget({ baseline_from: month(-12), baseline_to: month(0), due_month: month(13) }),
    );
    expect([late.status, late.body.error?.code]).toEqual([400, 'invalid_body']);
  });

  it('bad bodies → 400 invalid_body / invalid_category; unknown area → 404; unknown id → 404', async () => {
    const bad = async (over: Record<string, unknown>) => (await post(admin, sectorTarget(over))).body.error?.code;
    expect(await bad({ reduction_pct: 0 })).toBe('invalid_body');
    expect(await bad({ reduction_pct: 101 })).toBe('invalid_body');
    expect(await bad({ reduction_pct: '25' })).toBe('invalid_body');
    expect(await bad({ baseline_to: '2015-01' })).toBe('invalid_body');
    expect(await bad({ baseline_from: '2015-13' })).toBe('invalid_body');
    expect(await bad({ due_month: '2015-06' })).toBe('invalid_body');
    expect(await bad({ kind: 'estado' })).toBe('invalid_body');
    expect(await bad({ extra: 1 })).toBe('invalid_body');
    expect(await bad({ category: 'robos' })).toBe('invalid_category');
    // months outside the plausible range (2000-01 … today's month + 12): the target's progress could not be computed
    expect(await bad({ baseline_from: '9998-01', baseline_to: '9999-01', due_month: '9999-12' })).toBe('invalid_body');
    expect(await bad({ baseline_from: '1999-12' })).toBe('invalid_body');
    // text PostgreSQL cannot store: NUL and a lone surrogate, as JSON escapes
    expect(await bad({ name: 'meta\u0000x' })).toBe('invalid_body');
    expect(await bad({ name: 'meta \ud800' })).toBe('invalid_body');
    expect(await bad({ area_id: 'NO EXISTE' })).toBe('unknown_area');
    const notJson = await admin.request('/api/targets', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{nope',
    });
    expect(notJson.status).toBe(400);
    for (const id of ['0', 'abc', '99999', '1e3', '9999999999']) {
      const r = await getJson(publicApp, `/api/targets/${id}/progress`);
      expect(r.status, id).toBe(404);
      expect(r.body.error.code).toBe('not_found');
    }
  });
});
