/**
 * `GET /api/compare?kind&ids&p1&p2&category&vintage`: period-versus-period change per area — or per
 * H3 cell with `kind=h3&res` (server/shared/places.ts) — the figure hoyodecrimen.com users know. p1 is the reference period, p2 the period of interest:
 * diff = p2 − p1, pct = 100·diff/p1 (null when p1 = 0), rate = count / population × 100 000 for
 * that period (not annualised; null when the population is unknown or 0).
 */
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { checkRange, parseParams, required } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import type { PublishedFigure } from '../policy/index.ts';
import { emptyFigure } from '../policy/public.ts';
import { levelFields, parsePlaces, placePlan, placesOf, resolvePlaces, type Place } from '../shared/places.ts';

import { percentChange, ratePer100k } from '../shared/rates.ts';

export { percentChange, ratePer100k };

export interface CompareItem {
  id: string;
  name: string;
  p1: number;
  p2: number;
  diff: number;
  pct: number | null;
  population: number | null;
  rate_p1: number | null;
  rate_p2: number | null;
}

export function compareItem(area: Place, p1: number, p2: number): CompareItem {
  return {
    id: area.id,
    name: area.name,
    p1,
    p2,
    diff: p2 - p1,
    pct: percentChange(p1, p2),
    population: area.population,
    rate_p1: ratePer100k(p1, area.population),
    rate_p2: ratePer100k(p2, area.population),
  };
}

/** The public item: published sums (null when withheld), derived figures only from published values. */
export interface PublicCompareItem extends Omit<CompareItem, 'p1' | 'p2' | 'diff' | 'rate_p1' | 'rate_p2'> {
  p1: number | null;
  p2: number | null;
  diff: number | null;
  rate_p1: number | null;
  rate_p2: number | null;
  partial_p1: boolean;
  partial_p2: boolean;
}

export function publicCompareItem(area: Place, f1: PublishedFigure, f2: PublishedFigure): PublicCompareItem {
  const both = f1.count !== null && f2.count !== null;
  return {
    id: area.id,
    name: area.name,
    p1: f1.count,
    p2: f2.count,
    diff: both ? f2.count! - f1.count! : null,
    pct: both ? percentChange(f1.count!, f2.count!) : null,
    population: area.population,
    rate_p1: f1.count === null ? null : ratePer100k(f1.count, area.population),
    rate_p2: f2.count === null ? null : ratePer100k(f2.count, area.population),
    partial_p1: f1.partial,
    partial_p2: f2.partial,
  };
}

export function registerCompare(app: ApiApp, { repositories: { incidents: repo }, publicData }: Services): void {
  app.get('/api/compare', async (c) => {
    const query = c.req.query();
    const req = parsePlaces(query);
    const p = parseParams(query, ['p1', 'p2', 'category', 'source']);
    const sources = p.source ?? null;
    const p1 = required(p.p1, 'p1');
    const p2 = required(p.p2, 'p2');
    checkRange(p1.from, p1.to, 'p1');
    checkRange(p2.from, p2.to, 'p2');
    const categories = p.category ?? null;

    // without ids: every area of the kind (the whole-city table), or every cell with incidents
    const sel = await resolvePlaces(repo, req);
    const plan = placePlan(principalOf(c), sel, categories, [
      { ...p1, label: 'p1' },
      { ...p2, label: 'p2' },
    ]);
    const head = { ...levelFields(sel.level), category: query.category || null, p1, p2 };
    if (!plan.exact) {
      const pub = await publicData.publication(plan);
      const totals = await publicData.areaTotals(
        { ...sel.level, ids: sel.ids, categories: plan.categories, sources, periods: [p1, p2] },
        pub,
      );
      const none = [emptyFigure(pub, p1), emptyFigure(pub, p2)];
      // every cell: the months between two periods are read too, so keep only cells with incidents in one of them
      const withIncidents = sel.places
        ? totals.keys()
        : [...totals].filter(([, figures]) => figures.some((f) => f.count !== 0)).map(([id]) => id);
      const items = placesOf(sel, withIncidents).map((a) => {
        const [f1, f2] = totals.get(a.id) ?? none;
        return publicCompareItem(a, f1, f2);
      });
      return c.json({ ...head, access: 'public', min_count: pub.k, items });
    }
    const counts = await repo.countsByArea({ ...sel.level, categories, sources, periods: [p1, p2], ids: sel.ids });
    const items = placesOf(sel, counts.keys()).map((a) => {
      const [c1, c2] = counts.get(a.id) ?? [0, 0];
      return compareItem(a, c1, c2);
    });
    return c.json({ ...head, items });
  });
}
