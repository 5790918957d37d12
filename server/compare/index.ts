/**
 * `GET /api/compare?kind&ids&p1&p2&category&vintage`: period-versus-period change per area, the
 * figure hoyodecrimen.com users know. p1 is the reference period, p2 the period of interest:
 * diff = p2 − p1, pct = 100·diff/p1 (null when p1 = 0), rate = count / population × 100 000 for
 * that period (not annualised; null when the population is unknown or 0).
 */
import { AppError } from '../../core/errors/index.ts';
import type { Area } from '../../db/queries/index.ts';
import type { ApiApp, ApiDeps } from '../app.ts';
import { checkRange, DEFAULT_VINTAGE, parseParams, required } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { areaPlan, type PublishedFigure } from '../policy/index.ts';
import { emptyFigure } from '../policy/public.ts';
import { territoryArea } from '../areas/territory.ts';

/** Incidents per 100 000 residents; null without a usable population. */
export function ratePer100k(count: number, population: number | null): number | null {
  return population && population > 0 ? (count / population) * 100_000 : null;
}

/** Percent change from `before` to `after`; null when `before` is 0 (no finite change). */
export function percentChange(before: number, after: number): number | null {
  return before === 0 ? null : (100 * (after - before)) / before;
}

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

export function compareItem(area: Area, p1: number, p2: number): CompareItem {
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

export function publicCompareItem(area: Area, f1: PublishedFigure, f2: PublishedFigure): PublicCompareItem {
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

export function registerCompare(app: ApiApp, { repo, publicData }: ApiDeps): void {
  app.get('/api/compare', async (c) => {
    const query = c.req.query();
    const p = parseParams(query, ['kind', 'vintage', 'ids', 'p1', 'p2', 'category', 'source']);
    const sources = p.source ?? null;
    const kind = required(p.kind, 'kind');
    const vintage = p.vintage ?? DEFAULT_VINTAGE;
    const p1 = required(p.p1, 'p1');
    const p2 = required(p.p2, 'p2');
    checkRange(p1.from, p1.to, 'p1');
    checkRange(p2.from, p2.to, 'p2');
    const categories = p.category ?? null;

    // without ids: every area of the kind (the whole-city table)
    const areas = await repo.areas(kind, vintage, p.ids);
    if (p.ids) {
      const known = new Set(areas.map((a) => a.id));
      const missing = p.ids.filter((id) => !known.has(id));
      if (missing.length) throw new AppError('unknown_area', `${kind} ${missing.slice(0, 5).join(', ')} (${vintage})`);
    }
    const order = p.ids ? new Map(p.ids.map((id, i) => [id, i])) : undefined;
    if (order) areas.sort((a, b) => order.get(a.id)! - order.get(b.id)!);
    const plan = areaPlan(principalOf(c), {
      kind,
      areas: p.ids ? areas.map((a) => territoryArea(kind, vintage, a)) : 'all',
      categories,
      windows: [
        { ...p1, label: 'p1' },
        { ...p2, label: 'p2' },
      ],
    });
    if (!plan.exact) {
      const pub = await publicData.publication(plan);
      const totals = await publicData.areaTotals({ kind, vintage, ids: p.ids, categories: plan.categories, sources, periods: [p1, p2] }, pub);
      const none = [emptyFigure(pub, p1), emptyFigure(pub, p2)];
      const items = areas.map((a) => {
        const [f1, f2] = totals.get(a.id) ?? none;
        return publicCompareItem(a, f1, f2);
      });
      return c.json({ kind, vintage, category: query.category || null, p1, p2, access: 'public', min_count: pub.k, items });
    }
    const counts = await repo.countsByArea({ kind, vintage, categories, sources, periods: [p1, p2], ids: p.ids });
    const items = areas.map((a) => {
      const [c1, c2] = counts.get(a.id) ?? [0, 0];
      return compareItem(a, c1, c2);
    });
    return c.json({ kind, vintage, category: query.category || null, p1, p2, items });
  });
}
