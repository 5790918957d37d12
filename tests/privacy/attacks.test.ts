/**
 * The attack suite of the public view: an attacker with unlimited public requests differences
 * public figures — complements (total − every other category), groups − members, parents −
 * children (alcaldía/colonias, sector/cuadrantes, H3 resolutions 6/7/8) and overlapping windows —
 * to recover withheld small counts (1 … k−1) of one month, over the real SSC sample, on both
 * backends. Each attack prints how many it recovers exactly with certainty (interval arithmetic
 * on what each published figure can stand for) and how often its best guess is right next to a
 * guess from the public distribution alone. Truths are the admin's exact
 * answers to the same requests; the attacker's arithmetic is tests/support/published.ts.
 *
 * `PRIVACY_ATTACK_RULE=suppression` plays the attacks against the former rule (counts 1 … k−1
 * withheld, the rest exact): they then recover values, and the assertions that expect none fail.
 */
import { expect, it } from 'vitest';
import { cellToParent } from 'h3-js';
import { CATEGORIES, GROUPS, SENSITIVE_CATEGORIES } from '../../core/taxonomy/index.ts';
import { loadCuadrante2016Lookup } from '../../reference/boundaries/index.ts';
import { createApp } from '../../server/app.ts';
import type { DisclosureRule } from '../../server/policy/index.ts';
import { describeApi, getJson } from '../support/index.ts';
import { tallyAttacks, type AttackTally, type Differencing } from '../support/published.ts';

const K = 3;
const RULE = (process.env.PRIVACY_ATTACK_RULE || 'cell-key') as DisclosureRule;
const MONTH = { from: '2015-05-01', to: '2015-06-01' };
const PUBLIC_CATEGORIES = CATEGORIES.map((c) => c.id).filter(
  (id) => !(SENSITIVE_CATEGORIES as readonly string[]).includes(id),
);

type Figures = Map<string, number | null>;

describeApi(`privacy attacks (${RULE})`, (ctx) => {
  const results: Record<string, AttackTally> = {};
  let publicApp: ReturnType<typeof createApp> | undefined;
  const pub = () => (publicApp ??= createApp({ store: ctx().store, policy: { disclosure: RULE } }));

  /** public and exact hexagon figures for one request (absent cells: 0) */
  async function hexagons(query: string): Promise<{ published: Figures; exact: Map<string, number> }> {
    const [p, e] = await Promise.all([
      getJson(pub(), `/api/hotspots?${query}`),
      getJson(ctx().app, `/api/hotspots?${query}`),
    ]);
    expect([p.status, e.status], query).toEqual([200, 200]);
    return {
      published: new Map(p.body.cells.map((c: { h3: string; count: number | null }) => [c.h3, c.count])),
      exact: new Map(e.body.cells.map((c: { h3: string; count: number }) => [c.h3, c.count])),
    };
  }

  /** public and exact figures of every area of a kind in the month */
  async function areas(query: string): Promise<{ published: Figures; exact: Map<string, number> }> {
    const url = `/api/compare?${query}&p1=${MONTH.from}..${MONTH.to}&p2=${MONTH.from}..${MONTH.to}`;
    const [p, e] = await Promise.all([getJson(pub(), url), getJson(ctx().app, url)]);
    expect([p.status, e.status], url).toEqual([200, 200]);
    return {
      published: new Map(p.body.items.map((i: { id: string; p1: number | null }) => [i.id, i.p1])),
      exact: new Map(e.body.items.map((i: { id: string; p1: number }) => [i.id, i.p1])),
    };
  }

  const fig = (m: Figures, id: string) => (m.has(id) ? m.get(id)! : 0);

  /**
   * Parent − children attacks: for every child with a withheld true count, parent − its siblings.
   * `parentOf` maps a child id to its parent id (null: no parent).
   */
  function parentChildAttacks(
    parent: Figures,
    children: { published: Figures; exact: Map<string, number> },
    childIds: readonly string[],
    parentOf: (id: string) => string | null,
  ): Differencing[] {
    const siblings = new Map<string, string[]>();
    for (const id of childIds) {
      const p = parentOf(id);
      if (p !== null) siblings.set(p, [...(siblings.get(p) ?? []), id]);
    }
    const out: Differencing[] = [];
    for (const [p, ids] of siblings) {
      for (const id of ids) {
        out.push({
          truth: children.exact.get(id) ?? 0,
          target: fig(children.published, id),
          parent: fig(parent, p),
          others: ids.filter((o) => o !== id).map((o) => fig(children.published, o)),
        });
      }
    }
    return out;
  }

  function report(name: string, attacks: Differencing[]) {
    const t = tallyAttacks(RULE, K, attacks);
    results[name] = t;
    console.log(
      `[privacy ${RULE} ${ctx().backend}] ${name}: ${t.attacked} withheld values attacked, ${t.certain} recovered exactly with certainty; best guess right ${t.guessedRight} (public-distribution guess: ${t.baselineRight})`,
    );
    return t;
  }

  const expectNone = (t: AttackTally) => {
    expect(t.attacked).toBeGreaterThan(0);
    // the best guess is no better than guessing the most common small count
    expect(t.guessedRight).toBeLessThanOrEqual(t.baselineRight);
  };

  const month = `from=${MONTH.from}&to=${MONTH.to}`;

  /** res-8 cells of the month: for each cell and member category with incidents, the parent (`parentQuery`) − the other members */
  async function categoryAttacks(parentQuery: string, members: readonly string[]): Promise<Differencing[]> {
    const parent = await hexagons(`res=8&${month}${parentQuery}`);
    const per = new Map<string, Awaited<ReturnType<typeof hexagons>>>();
    for (const c of members) per.set(c, await hexagons(`res=8&${month}&category=${c}`));
    const attacks: Differencing[] = [];
    for (const cell of parent.exact.keys()) {
      for (const c of members) {
        const truth = per.get(c)!.exact.get(cell) ?? 0;
        if (truth === 0) continue;
        attacks.push({
          truth,
          target: fig(per.get(c)!.published, cell),
          parent: fig(parent.published, cell),
          others: members.filter((o) => o !== c).map((o) => fig(per.get(o)!.published, cell)),
        });
      }
    }
    return attacks;
  }

  it('complements: a hexagon total − every other category', async () => {
    expectNone(report('total − other categories (res 8)', await categoryAttacks('', PUBLIC_CATEGORIES)));
  });

  it('groups − members: a category group − its other categories', async () => {
    const attacks: Differencing[] = [];
    for (const g of GROUPS) {
      const members = CATEGORIES.filter((c) => c.groups.includes(g.id)).map((c) => c.id);
      // a group holding a sensitive category is not public by hexagon (403 sensitive_category)
      if (members.length < 2 || members.some((c) => !PUBLIC_CATEGORIES.includes(c))) continue;
      attacks.push(...(await categoryAttacks(`&category=${g.id}`, members)));
    }
    expectNone(report('group − members (res 8)', attacks));
  });

  it('parents − children: H3 resolution 6 − its res-7 cells, 7 − its res-8 cells', async () => {
    const [r6, r7, r8] = [
      await hexagons(`res=6&${month}&category=robo`),
      await hexagons(`res=7&${month}&category=robo`),
      await hexagons(`res=8&${month}&category=robo`),
    ];
    expectNone(
      report(
        'res 7 − res-8 children',
        parentChildAttacks(r7.published, r8, [...r8.exact.keys()], (id) => cellToParent(id, 7)),
      ),
    );
    expectNone(
      report(
        'res 6 − res-7 children',
        parentChildAttacks(r6.published, r7, [...r7.exact.keys()], (id) => cellToParent(id, 6)),
      ),
    );
  });

  it('parents − children: an alcaldía − its colonias, a sector − its cuadrantes', async () => {
    const { repo } = ctx();
    const colonias = await repo.areas('colonia', 2023);
    const alcaldiaOf = new Map(colonias.map((a) => [a.id, a.alcaldia_id]));
    const [alc, col] = [
      await areas('kind=alcaldia&vintage=2023&category=robo'),
      await areas('kind=colonia&vintage=2023&category=robo'),
    ];
    expectNone(
      report(
        'alcaldía − colonias',
        parentChildAttacks(alc.published, col, [...col.exact.keys()], (id) => alcaldiaOf.get(id) ?? null),
      ),
    );
    const lookup = loadCuadrante2016Lookup();
    const [sec, cua] = [
      await areas('kind=sector&vintage=2016&category=robo'),
      await areas('kind=cuadrante&vintage=2016&category=robo'),
    ];
    expectNone(
      report(
        'sector − cuadrantes',
        parentChildAttacks(sec.published, cua, [...cua.exact.keys()], (id) => lookup.get(id)?.sector ?? null),
      ),
    );
  });

  it('overlapping windows: May–July − June–July', async () => {
    const wideUrl = `/api/hotspots?res=8&from=2015-05-01&to=2015-08-01&category=robo`;
    const narrowUrl = `/api/hotspots?res=8&from=2015-06-01&to=2015-08-01&category=robo`;
    const [wide, narrow] = [(await getJson(pub(), wideUrl)).body, (await getJson(pub(), narrowUrl)).body];
    const may = await hexagons(`res=8&${month}&category=robo`);
    type Cell = { h3: string; count: number | null; partial: boolean };
    const w = new Map<string, Cell>(wide.cells.map((c: Cell) => [c.h3, c]));
    const n = new Map<string, Cell>(narrow.cells.map((c: Cell) => [c.h3, c]));
    const attacks: Differencing[] = [];
    for (const [cell, truth] of may.exact) {
      const a = w.get(cell);
      const b = n.get(cell);
      const d = (a?.count ?? 0) - (b?.count ?? 0);
      // under suppression a partial wide window over a complete narrow one says May was withheld
      const inferred = RULE === 'suppression' && d === 0 && a?.partial && !b?.partial ? null : d;
      attacks.push({ truth, target: inferred, parent: inferred, others: [] });
    }
    expectNone(report('overlapping windows (res 8)', attacks));
  });

  it('in all, values recovered with certainty stay under 1 % of those attacked', () => {
    const all = Object.values(results);
    const attacked = all.reduce((s, t) => s + t.attacked, 0);
    const certain = all.reduce((s, t) => s + t.certain, 0);
    console.log(
      `[privacy ${RULE} ${ctx().backend}] all attacks: ${certain} of ${attacked} withheld values recovered exactly with certainty`,
    );
    expect(all.length).toBe(7);
    // Certainty is left only where bounds pin a value down: a parent published 0 (true 0 … k) over
    // children published ≥ k (true ≥ 1 each), e.g. a total of 3 made of 1 + 1 + 1 that shows as 0.
    // Rare, and keys are random per store, so the bound is on the whole run (docs/privacy.md, "What is left").
    expect(certain / attacked).toBeLessThan(0.01);
  });
});
