/**
 * Computing public answers by the policy's rules (./index.ts): every (cell | area, month) is
 * published, then summed — hexagons here, from counts per cell and month; area totals (compare,
 * rank, semáforo) in the database (`stats.windowSumsByArea` with `publicationTable`), so a 120-month
 * window over every colonia arrives as one row per area. Routes call these when a plan is not `exact`.
 */
import { monthsInRange } from '../../core/time/calendar.ts';
import type {
  Bbox,
  H3Resolution,
  IncidentRepository,
  Period,
  PlaceLevel,
  PublishedRepository,
  StatsQueries,
} from '../services/ports.ts';
import {
  publicationTable,
  publishTotal,
  publishWindowSum,
  sensitiveEmbargoFrom,
  todayInCdmx,
  type PolicyOptions,
  type Publication,
  type PublishedFigure,
} from './index.ts';
import { publicReferenceDay } from './sources.ts';
import { healthByVersion } from '../shared/coverage.ts';

export interface PublicCell {
  h3: string;
  count: number | null;
  partial: boolean;
}

export interface PublicData {
  readonly options: PolicyOptions;
  /** The publication rule of one public answer (the embargo only when sensitive categories are counted). */
  publication(plan: { sensitive: boolean }): Promise<Publication>;
  /** Public hexagons: every cell whose published sum is not 0 (or is withheld); ordered by cell. */
  hotspots(
    q: {
      res: H3Resolution;
      from?: string;
      to?: string;
      categories: readonly string[];
      sources?: readonly string[] | null;
      bbox?: Bbox;
    },
    pub: Publication,
  ): Promise<PublicCell[]>;
  /**
   * Public figures per place id (area code or H3 cell) and period (month-aligned periods). Places
   * absent had no incidents.
   */
  areaTotals(
    q: PlaceLevel & {
      ids?: readonly string[];
      categories: readonly string[];
      sources?: readonly string[] | null;
      periods: readonly Period[];
    },
    pub: Publication,
  ): Promise<Map<string, PublishedFigure[]>>;
}

export function createPublicData(deps: {
  repo: IncidentRepository;
  stats: StatsQueries;
  published: PublishedRepository;
  options: PolicyOptions;
}): PublicData {
  const { repo, stats, published, options } = deps;
  // the embargo's reference day needs the per-source facts: two scans of incidents, so once per data version
  const healthAt = healthByVersion(repo);
  return {
    options,
    async publication(plan) {
      if (!plan.sensitive) return { k: options.minCount, rule: options.disclosure };
      const h = await healthAt(await repo.dataVersion());
      return {
        k: options.minCount,
        rule: options.disclosure,
        // from the public's last day: a lone report's day must not move the embargo (./sources.ts)
        embargoFrom: sensitiveEmbargoFrom(
          publicReferenceDay(h, options.minCount),
          todayInCdmx(),
          options.sensitiveDelayDays,
        ),
      };
    },

    async hotspots(q, pub) {
      // only cells with incidents can be listed (an embargoed window month with no incidents in the
      // cell does not list it), and a cell published as 0 is left out like a cell without incidents:
      // listing it would tell that it has some
      const cells: PublicCell[] = [];
      const keep = (h3: string, figure: PublishedFigure) => {
        if (figure.count !== 0 || figure.partial) cells.push({ h3, ...figure });
      };
      if (q.from && q.to) {
        // a bounded window (the map's request, a tile's): every cell-month valued and summed in the
        // database, one row per cell — the same figures as month by month below
        const window = { fromMonth: q.from.slice(0, 7), toMonth: q.to.slice(0, 7) };
        const sums = await stats.windowSumsByArea(
          { kind: 'h3', res: q.res, categories: q.categories, sources: q.sources, bbox: q.bbox, windows: [window] },
          publicationTable(pub),
        );
        const months = monthsInRange(q.from, q.to);
        for (const [h3, [sum]] of sums) keep(h3, publishWindowSum(sum, pub, months));
      } else {
        for (const [h3, months] of await published.cellMonthCounts(q)) keep(h3, publishTotal(months, pub));
      }
      return cells.sort((a, b) => (a.h3 < b.h3 ? -1 : a.h3 > b.h3 ? 1 : 0));
    },

    async areaTotals(q, pub) {
      if (!q.periods.length) return new Map();
      const windows = q.periods.map((p) => ({ fromMonth: p.from.slice(0, 7), toMonth: p.to.slice(0, 7) }));
      const sums = await stats.windowSumsByArea({ ...q, windows }, publicationTable(pub));
      const windowMonths = q.periods.map((p) => monthsInRange(p.from, p.to));
      const out = new Map<string, PublishedFigure[]>();
      for (const [id, perWindow] of sums) {
        out.set(
          id,
          windowMonths.map((w, i) => publishWindowSum(perWindow[i], pub, w)),
        );
      }
      return out;
    },
  };
}

/** The public figure of an area without incidents in the window (embargoed months still count as withheld). */
export function emptyFigure(pub: Publication, window: Period): PublishedFigure {
  return publishTotal(undefined, pub, monthsInRange(window.from, window.to));
}
