/**
 * `GET /api/rank?kind&from&to&category&vintage&by&limit`: areas ordered by incidents in [from, to).
 * `by=count` (default): incidents; `by=rate`: incidents per 100 000 residents (areas without a
 * population last); `by=change`: incidents minus those of the previous period of equal length
 * (`previousPeriod`) — the hoyodecrimen "change" ranking. Ties break by id.
 */
import type { Area } from '../services/ports.ts';
import { addDays, daysBetween } from '../../core/time/calendar.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { percentChange, ratePer100k } from '../shared/rates.ts';
import { checkRange, DEFAULT_VINTAGE, parseParams, required } from '../params/index.ts';
import { principalOf } from '../auth/index.ts';
import { areaPlan, type PublishedFigure } from '../policy/index.ts';
import { emptyFigure } from '../policy/public.ts';

export const DEFAULT_RANK_LIMIT = 20;
export type RankBy = 'count' | 'rate' | 'change';

export interface RankItem {
  rank: number;
  id: string;
  name: string;
  count: number;
  population: number | null;
  rate: number | null;
  previous: number;
  diff: number;
  pct: number | null;
}

/**
 * The period of equal length just before [from, to): the same number of whole months when both
 * ends are first days of a month (June → May, not 30 days back), otherwise the same number of days.
 */
export function previousPeriod(from: string, to: string) {
  if (from.endsWith('-01') && to.endsWith('-01')) {
    const index = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7)) - 1;
    const start = 2 * index(from) - index(to);
    const y = Math.floor(start / 12);
    return { from: `${String(y).padStart(4, '0')}-${String((start % 12) + 1).padStart(2, '0')}-01`, to: from };
  }
  return { from: addDays(from, -daysBetween(from, to)), to: from };
}

/** Items sorted descending by `by` (nulls last, ties by id), ranked 1…n, cut to `limit`. */
export function rankItems(
  areas: readonly Area[],
  counts: Map<string, number[]>,
  by: RankBy,
  limit: number,
): RankItem[] {
  const items = areas.map((a) => {
    const [count, previous] = counts.get(a.id) ?? [0, 0];
    return {
      rank: 0,
      id: a.id,
      name: a.name,
      count,
      population: a.population,
      rate: ratePer100k(count, a.population),
      previous,
      diff: count - previous,
      pct: percentChange(previous, count),
    };
  });
  return sortAndRank(items, by, limit);
}

/** Sorted descending by `by` (nulls last, ties by id), ranked 1…n, cut to `limit`. */
function sortAndRank<
  T extends { id: string; rank: number; count: number | null; rate: number | null; diff: number | null },
>(items: T[], by: RankBy, limit: number): T[] {
  const key = (i: T) => (by === 'count' ? i.count : by === 'rate' ? i.rate : i.diff);
  items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka === null || kb === null) return ka === kb ? (a.id < b.id ? -1 : 1) : ka === null ? 1 : -1;
    return kb - ka || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  return items.slice(0, limit).map((item, i) => ({ ...item, rank: i + 1 }));
}

export interface PublicRankItem extends Omit<RankItem, 'count' | 'rate' | 'previous' | 'diff'> {
  count: number | null;
  rate: number | null;
  previous: number | null;
  diff: number | null;
  partial: boolean;
  partial_previous: boolean;
}

/** The public ranking: by published sums (withheld = null, ranked last); derived figures only from published values. */
export function publicRankItems(
  areas: readonly Area[],
  totals: Map<string, PublishedFigure[]>,
  none: PublishedFigure[],
  by: RankBy,
  limit: number,
): PublicRankItem[] {
  const items = areas.map((a): PublicRankItem => {
    const [now, before] = totals.get(a.id) ?? none;
    const both = now.count !== null && before.count !== null;
    return {
      rank: 0,
      id: a.id,
      name: a.name,
      count: now.count,
      population: a.population,
      rate: now.count === null ? null : ratePer100k(now.count, a.population),
      previous: before.count,
      diff: both ? now.count! - before.count! : null,
      pct: both ? percentChange(before.count!, now.count!) : null,
      partial: now.partial,
      partial_previous: before.partial,
    };
  });
  return sortAndRank(items, by, limit);
}

export function registerRank(app: ApiApp, { repositories: { incidents: repo }, publicData }: Services): void {
  app.get('/api/rank', async (c) => {
    const query = c.req.query();
    const p = parseParams(query, ['kind', 'vintage', 'from', 'to', 'category', 'by', 'limit']);
    const kind = required(p.kind, 'kind');
    const vintage = p.vintage ?? DEFAULT_VINTAGE;
    const from = required(p.from, 'from');
    const to = required(p.to, 'to');
    checkRange(from, to);
    const by = p.by ?? 'count';
    const limit = p.limit ?? DEFAULT_RANK_LIMIT;
    const previous = previousPeriod(from, to);

    const areas = await repo.areas(kind, vintage);
    const plan = areaPlan(principalOf(c), {
      kind,
      areas: 'all',
      categories: p.category ?? null,
      windows: [{ from, to }],
    });
    if (!plan.exact) {
      const pub = await publicData.publication(plan);
      const totals = await publicData.areaTotals(
        { kind, vintage, categories: plan.categories, periods: [{ from, to }, previous] },
        pub,
      );
      const none = [emptyFigure(pub, { from, to }), emptyFigure(pub, previous)];
      const items = publicRankItems(areas, totals, none, by, limit);
      // a sensitive category: from which month figures are still withheld, so a map can say which months it shows
      const embargo = pub.embargoFrom
        ? { embargo_from: pub.embargoFrom, sensitive_delay_days: publicData.options.sensitiveDelayDays }
        : {};
      return c.json({
        kind,
        vintage,
        category: query.category || null,
        from,
        to,
        previous,
        by,
        limit,
        total: areas.length,
        access: 'public',
        min_count: pub.k,
        ...embargo,
        items,
      });
    }
    const counts = await repo.countsByArea({
      kind,
      vintage,
      categories: p.category ?? null,
      periods: [{ from, to }, previous],
    });
    const items = rankItems(areas, counts, by, limit);
    return c.json({
      kind,
      vintage,
      category: query.category || null,
      from,
      to,
      previous,
      by,
      limit,
      total: areas.length,
      items,
    });
  });
}
