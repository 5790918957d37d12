/**
 * How a victim-level file and the carpetas file are reconciled, so that no carpeta is counted twice.
 *
 * The FGJ publishes the same carpetas twice on the portal: "carpetas de investigación" (one row per
 * carpeta and crime: what incident counts are made of) and "víctimas en carpetas de investigación"
 * (one row per victim of those carpetas). The portal's carpetas CSV carries no carpeta id, so a
 * víctimas row cannot be matched to its carpetas row by id. The rule is therefore by month: **each
 * month counts one FGJ source** — the carpetas source (`fgj_carpetas`) wherever it has records.
 *
 *   - a víctimas file is stored as one incident per carpeta and crime (`idCarpeta`, `Delito`) with
 *     `victims` = its distinct victim rows, never one per victim. The bundled Milpa Alta file is
 *     `fgj_victimas` (scoped to that alcaldía in the source catalogue); the portal's city-wide file is
 *     its own source, `fgj_victimas_cdmx`, so neither is described or scoped as the other;
 *   - a víctimas source the sync brings in names `defer_to` (the carpetas source) in the sources file:
 *     it leaves to it every month that source covers — from its first to its last month in the store —
 *     and writes incidents only for the months outside them (older years the carpetas file no longer
 *     carries, or a month the víctimas file is published before the carpetas one). The range is fixed
 *     when the víctimas file is applied; when the carpetas source later covers more months, the next
 *     sync applies the víctimas file again (even unchanged) and retracts its incidents of those months;
 *   - víctimas incidents the sync did not write (the bundled file loaded on first start, a file
 *     imported by hand with `etl -- import`) are reconciled by `retractSupersededVictimas` at the end
 *     of every sync run, after `etl -- import` of an FGJ file and after `import-bundled`: those of a
 *     month the carpetas source covers, in an alcaldía its records cover, are retracted through the
 *     incidents write port, and each retraction is recorded in `sync_retractions` (source, record id,
 *     and the carpetas import that supersedes it), in one transaction. Retraction was chosen over a
 *     "superseded" flag so that no reader of `incidents` (aggregates, series, exports, coverage) needs
 *     a new filter. Nothing is lost: the rows stay in their file, the superseded record ids in
 *     `sync_retractions`; a later import of a víctimas file writes those records again (the import
 *     skips only ids still stored) and the same command retracts them while the carpetas source
 *     covers their month — once it no longer does (its records gone), they stay. A víctimas record
 *     without an alcaldía is kept, since no carpetas record can be said to cover it.
 *
 * So at any time each month counts one FGJ source, and `/api/sources` shows each source's months as
 * they are after the reconciliation (the víctimas months end where the carpetas months begin).
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Store } from '../../db/connect.ts';
import type { Database } from '../../db/schema.ts';
import { IncidentWriter, type IncidentPlacer } from '../../db/incidents/writer.ts';
import { recordRetractions } from '../../db/queries/sync.ts';

/** First and last month (YYYY-MM), both included. */
export interface MonthRange {
  first: string;
  last: string;
}

/** The months `source` covers in the store (first and last month of its incidents), or null. */
export async function storedMonths(store: Pick<Store, 'db'>, source: string): Promise<MonthRange | null> {
  return monthsIn(store.db, source);
}

async function monthsIn(db: Kysely<Database> | Transaction<Database>, source: string): Promise<MonthRange | null> {
  const r = await db
    .selectFrom('incidents')
    .select([
      sql<string | null>`to_char(min(occurred_on), 'YYYY-MM')`.as('first'),
      sql<string | null>`to_char(max(occurred_on), 'YYYY-MM')`.as('last'),
    ])
    .where('source', '=', source)
    .executeTakeFirst();
  return r?.first && r.last ? { first: r.first, last: r.last } : null;
}

/** Whether two deferrals are the same (a changed one means the file must be applied again). */
export function sameDeferral(
  a: (MonthRange & { source: string }) | null | undefined,
  b: (MonthRange & { source: string }) | null | undefined,
): boolean {
  return (
    (a?.source ?? null) === (b?.source ?? null) &&
    (a?.first ?? null) === (b?.first ?? null) &&
    (a?.last ?? null) === (b?.last ?? null)
  );
}

/** The source that counts FGJ carpetas, and the victim-level sources that leave its months to it. */
export const CARPETAS_SOURCE = 'fgj_carpetas';
export const VICTIMAS_SOURCES: readonly string[] = ['fgj_victimas', 'fgj_victimas_cdmx'];

export interface SupersededReport {
  source: string;
  /** incidents retracted because the carpetas source counts their month and alcaldía */
  retracted: number;
  /** the carpetas months they fell in */
  first_month: string;
  last_month: string;
}

/** Retraction writes no incident, so nothing is placed: a placer that is called is a bug. */
const NO_PLACEMENT: IncidentPlacer = {
  locate() {
    throw new Error('a retraction places no incident');
  },
};

/** The first day (YYYY-MM-DD) of the month after `month` (YYYY-MM). */
function monthAfter(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

/**
 * Retracts the víctimas incidents the sync did not write (bundled or hand-imported) of every month
 * the carpetas source covers, in the alcaldías its records cover, and records each retraction
 * against the carpetas source's last import. One transaction; a run with nothing to retract writes
 * nothing (the data version does not move).
 */
export async function retractSupersededVictimas(store: Pick<Store, 'db'>): Promise<SupersededReport[]> {
  return store.db.transaction().execute(async (trx) => {
    const months = await monthsIn(trx, CARPETAS_SOURCE);
    if (!months) return [];
    const lastImport = await trx
      .selectFrom('imports')
      .select(sql<number | null>`max(id)`.as('id'))
      .where('source', '=', CARPETAS_SOURCE)
      .where('status', '=', 'done')
      .executeTakeFirst();
    if (lastImport?.id == null) return [];
    const alcaldia = sql<string | null>`coalesce(alcaldia_2023, alcaldia_2016)`;
    const candidates = await trx
      .selectFrom('incidents as v')
      .select(['v.source', 'v.source_record_id', alcaldia.as('alcaldia')])
      .where('v.source', 'in', VICTIMAS_SOURCES as string[])
      .where('v.occurred_on', '>=', `${months.first}-01` as never)
      .where('v.occurred_on', '<', monthAfter(months.last) as never)
      // what the sync wrote, it reconciles when it applies the file (apply.ts `deferTo`)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('sync_records as r')
              .select(sql`1`.as('one'))
              .whereRef('r.source', '=', 'v.source')
              .whereRef('r.record_id', '=', 'v.source_record_id'),
          ),
        ),
      )
      .orderBy('v.source')
      .orderBy('v.source_record_id')
      .execute();
    if (candidates.length === 0) return [];
    // the carpetas source's alcaldías: read only when there is something to reconcile (a scan of its rows)
    const covered = new Set(
      (
        await trx
          .selectFrom('incidents')
          .select(alcaldia.as('alcaldia'))
          .distinct()
          .where('source', '=', CARPETAS_SOURCE)
          .execute()
      ).map((r) => r.alcaldia),
    );
    const superseded = candidates.filter((c) => c.alcaldia !== null && covered.has(c.alcaldia));
    if (superseded.length === 0) return [];
    const writer = new IncidentWriter(NO_PLACEMENT);
    const reports: SupersededReport[] = [];
    for (const source of VICTIMAS_SOURCES) {
      const ids = superseded.filter((r) => r.source === source).map((r) => r.source_record_id);
      if (ids.length === 0) continue;
      const r = await writer.writeIn(trx, { retract: ids.map((sourceRecordId) => ({ source, sourceRecordId })) });
      await recordRetractions(trx, source, ids, Number(lastImport.id));
      reports.push({ source, retracted: r.retracted, first_month: months.first, last_month: months.last });
    }
    return reports;
  });
}
