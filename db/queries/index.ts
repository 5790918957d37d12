/**
 * The store's read side, as one small interface: the API asks for hotspots, series, comparisons
 * and rankings without knowing whether PGlite, PostgreSQL or a cache answers. Every statement
 * goes through kysely with bound parameters; column names come only from the whitelists in
 * `db/schema.ts` (`areaColumn`, `h3Column`). Both backends run the same SQL.
 */
import { sql, type Kysely } from 'kysely';
import type { Backend, Store } from '../connect.ts';
import type { AreaKind, AreasTable, Database, H3Resolution, PlaceLevel, Vintage } from '../schema.ts';
import type { IncidentFilter } from './filter.ts';
import { monthsInRange } from './months.ts';
import { placeDbIds, placeIdExpr } from './places.ts';
import { cellsOfBbox, placeMonthRows } from './aggregated.ts';
import { foldForSearch } from '../../geo/text/index.ts';
import type { LonLatBbox } from '../../geo/h3/index.ts';

export { monthsInRange, isCalendarDate, addDays, daysBetween, nextMonthStart } from './months.ts';

export { applyIncidentFilter, type IncidentFilter } from './filter.ts';

export interface HotspotCell {
  /** H3 index as its usual lower-case hex string */
  h3: string;
  count: number;
}

/** `[west, south, east, north]` in degrees. */
export type Bbox = LonLatBbox;

/** An `areas` row as queries return it. */
export type Area = AreasTable;

export interface SeriesPoint {
  period: string; // YYYY-MM
  count: number;
}

export interface Period {
  from: string;
  to: string;
}

export interface AreaQuery {
  kind: AreaKind;
  vintage: Vintage;
}

export interface Health {
  incidents: number;
  /** latest `occurred_on`, null for an empty store */
  dataUntil: string | null;
  /** earliest `occurred_on`, null for an empty store */
  dataFrom: string | null;
  /** per source: how many incidents and which dates it covers (sources end at different dates) */
  sources: SourceCoverage[];
}

export interface SourceCoverage {
  source: string;
  source_kind: string;
  incidents: number;
  from: string;
  until: string;
}

export interface IncidentRepository {
  readonly backend: Backend;
  health(): Promise<Health>;
  /** `meta.data_version`, bumped by every import. */
  dataVersion(): Promise<string>;
  /** Incident counts per H3 cell of resolution `res` (located incidents only). */
  hotspots(q: IncidentFilter & { res: H3Resolution }): Promise<HotspotCell[]>;
  /**
   * Like `hotspots`, restricted to the cells whose centre lies in `bbox`, each with its whole count
   * (read by cell key from the aggregates; a box too large to list reads the resolution whole).
   */
  hotspotsInBbox(q: IncidentFilter & { res: H3Resolution; bbox: Bbox }): Promise<HotspotCell[]>;
  /** Dense monthly series of one area or H3 cell: every month overlapping `[from, to)`, zeros included. */
  areaSeries(q: IncidentFilter & PlaceLevel & { id: string; from: string; to: string }): Promise<SeriesPoint[]>;
  /**
   * Incident counts per place of `level` (area code, or cell hex for `kind: 'h3'`) in each period
   * (ids absent from the map count 0).
   */
  countsByArea(
    q: PlaceLevel & {
      categories?: readonly string[] | null;
      sources?: readonly string[] | null;
      periods: readonly Period[];
      ids?: readonly string[];
    },
  ): Promise<Map<string, number[]>>;
  area(kind: AreaKind, vintage: Vintage, id: string): Promise<Area | undefined>;
  /** All areas of a kind and vintage (or only `ids`), ordered by id. Colonias have one vintage. */
  areas(kind: AreaKind, vintage: Vintage, ids?: readonly string[]): Promise<Area[]>;
  /** Areas whose name (accent- and case-insensitive) or id contains `q`. */
  searchAreas(q: string, limit: number): Promise<Area[]>;
}

/** Lower case without Spanish accents, as SQL's `translate(lower(x), …)` below computes it. */
export { foldForSearch };

/** Kinds with one boundary set for every vintage (alcaldías: INEGI; colonias: IECM 2019). */
const SINGLE_SET_KINDS: ReadonlySet<AreaKind> = new Set(['alcaldia', 'colonia']);

function likeEscape(text: string): string {
  return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export function createIncidentRepository(store: Pick<Store, 'db' | 'backend'>): IncidentRepository {
  const db: Kysely<Database> = store.db;

  /** Counts per cell of `res` from the aggregates; with a box, its whole cells (see `cellsOfBbox`). */
  async function hotspotRows(q: IncidentFilter & { res: H3Resolution; bbox?: Bbox }): Promise<HotspotCell[]> {
    const { placeIds, keep } = cellsOfBbox(q.res, q.bbox);
    const rows = await db
      .selectFrom(placeMonthRows(db, { ...q, level: { kind: 'h3', res: q.res }, placeIds }).as('u'))
      .select([sql<string>`to_hex(place)`.as('h3'), sql<number>`sum(count)::int`.as('count')])
      .groupBy('place')
      .orderBy('place')
      .execute();
    return rows.filter((r) => keep(r.h3)).map((r) => ({ h3: r.h3, count: Number(r.count) }));
  }

  const areaSelect = ['kind', 'vintage', 'id', 'name', 'alcaldia_id', 'population'] as const;
  type AreaRow = {
    kind: AreaKind;
    vintage: number;
    id: string;
    name: string;
    alcaldia_id: string | null;
    population: number | null;
  };
  const toArea = (r: AreaRow): Area => ({
    kind: r.kind,
    vintage: Number(r.vintage),
    id: r.id,
    name: r.name,
    alcaldia_id: r.alcaldia_id,
    population: r.population === null ? null : Number(r.population),
  });

  /**
   * Areas of a kind in a vintage. Alcaldías and colonias have one polygon set for both vintages,
   * which the import may store under either vintage (or both): for them any row of the id serves,
   * the requested vintage preferred.
   */
  async function areaRows(kind: AreaKind, vintage: Vintage, ids?: readonly string[]): Promise<Area[]> {
    let q = db.selectFrom('areas').select(areaSelect).where('kind', '=', kind);
    const single = SINGLE_SET_KINDS.has(kind);
    if (!single) q = q.where('vintage', '=', vintage);
    if (ids) q = q.where('id', 'in', ids.length ? [...ids] : ['']);
    const rows = (await q.orderBy('id').execute()) as AreaRow[];
    if (!single) return rows.map(toArea);
    const byId = new Map<string, AreaRow>();
    for (const r of rows) {
      const prior = byId.get(r.id);
      if (!prior || (Number(r.vintage) === vintage && Number(prior.vintage) !== vintage)) byId.set(r.id, r);
    }
    return [...byId.values()].map(toArea);
  }

  return {
    backend: store.backend,

    async health() {
      const row = await db
        .selectFrom('incidents')
        .select([
          sql<number>`count(*)::int`.as('n'),
          sql<string | null>`to_char(max(occurred_on), 'YYYY-MM-DD')`.as('until'),
          sql<string | null>`to_char(min(occurred_on), 'YYYY-MM-DD')`.as('since'),
        ])
        .executeTakeFirstOrThrow();
      const sources = await db
        .selectFrom('incidents')
        .select([
          'source',
          'source_kind',
          sql<number>`count(*)::int`.as('incidents'),
          sql<string>`to_char(min(occurred_on), 'YYYY-MM-DD')`.as('from'),
          sql<string>`to_char(max(occurred_on), 'YYYY-MM-DD')`.as('until'),
        ])
        .groupBy(['source', 'source_kind'])
        .orderBy('incidents', 'desc')
        .execute();
      return {
        incidents: Number(row.n),
        dataUntil: row.until,
        dataFrom: row.since,
        sources: sources.map((r) => ({ ...r, incidents: Number(r.incidents) })),
      };
    },

    async dataVersion() {
      const row = await db.selectFrom('meta').select('value').where('key', '=', 'data_version').executeTakeFirst();
      return row?.value ?? '0';
    },

    hotspots: (q) => hotspotRows(q),
    hotspotsInBbox: (q) => hotspotRows(q),

    async areaSeries(q) {
      const rows = await db
        .selectFrom(placeMonthRows(db, { ...q, level: q, placeIds: placeDbIds(q, [q.id]) }).as('u'))
        .select([sql<string>`to_char(month, 'YYYY-MM')`.as('period'), sql<number>`sum(count)::int`.as('count')])
        .groupBy('month')
        .execute();
      const byMonth = new Map(rows.map((r) => [r.period, Number(r.count)]));
      return monthsInRange(q.from, q.to).map((period) => ({ period, count: byMonth.get(period) ?? 0 }));
    },

    async countsByArea(q) {
      if (q.periods.length === 0) return new Map();
      const placeIds = q.ids ? placeDbIds(q, q.ids) : undefined;
      // one statement for every period: each period's rows tagged with its index, then counted per place
      const perPeriod = q.periods.map(
        (p, i) =>
          sql`SELECT ${i}::int AS p, place, count FROM ${placeMonthRows(db, { categories: q.categories, sources: q.sources, from: p.from, to: p.to, level: q, placeIds })} AS ${sql.raw(`x${i}`)}`,
      );
      const { rows } = await sql<{ p: number; id: string; n: number }>`
        SELECT p, ${placeIdExpr(q)} AS id, sum(count)::int AS n FROM (${sql.join(perPeriod, sql` UNION ALL `)}) AS u GROUP BY p, place`.execute(
        db,
      );
      const out = new Map<string, number[]>();
      for (const r of rows) {
        let counts = out.get(String(r.id));
        if (!counts) out.set(String(r.id), (counts = q.periods.map(() => 0)));
        counts[Number(r.p)] = Number(r.n);
      }
      return out;
    },

    async area(kind, vintage, id) {
      return (await areaRows(kind, vintage, [id]))[0];
    },

    areas: (kind, vintage, ids) => areaRows(kind, vintage, ids),

    async searchAreas(text, limit) {
      const pattern = `%${likeEscape(foldForSearch(text))}%`;
      // translate() folds the accents used in CDMX names; no unaccent extension is needed (PGlite has none)
      const folded = sql<string>`translate(lower(name), 'áéíóúüñàèìòù', 'aeiouunaeiou')`;
      const rows = await db
        .selectFrom('areas')
        .select(areaSelect)
        .where((eb) => eb.or([eb(folded, 'like', pattern), eb(sql`lower(id)`, 'like', pattern)]))
        .orderBy(sql`position(${foldForSearch(text)} in ${folded})`)
        .orderBy(sql`length(name)`)
        .orderBy('kind')
        .orderBy('vintage', 'desc')
        .orderBy('id')
        .limit(limit)
        .execute();
      return (rows as AreaRow[]).map(toArea);
    },
  };
}
