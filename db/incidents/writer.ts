/**
 * The one write port of the incidents table. Every source hands it normalised incidents
 * (`core/incident`); it places them (area columns and H3 cells, `placement.ts`), writes them in
 * batches inside one transaction — insert (skipping record ids already stored), upsert (by source +
 * source record id) or retract — and bumps the data version exactly once per committed batch that
 * changed something, so every cached answer keyed on it is renewed.
 *
 * Two paths: `write`/`writeIn` (kysely, for the small batches of news and report approval, also
 * inside a caller's transaction so its own rows commit together with the incidents), and `bulk`
 * (COPY inside `Store.rawTransaction`, for official files: the import is benchmarked against COPY,
 * so the bulk path adds no per-row round trip).
 *
 * The maintained aggregates (`aggregates.ts`, migration 014) are written here too, in the same
 * transaction as the rows they summarise: the row path subtracts the stored rows it replaces or
 * removes before touching them and adds the rows it wrote after; the bulk path recomputes the months
 * it loaded at commit, with one INSERT … SELECT … GROUP BY.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { IncidentKey, NormalisedIncident } from '../../core/incident/index.ts';
import type { RawTx, Store } from '../connect.ts';
import type { Database } from '../schema.ts';
import {
  BUMP_DATA_VERSION,
  fullRebuildStatements,
  incidentDeltaStatements,
  monthRebuildStatements,
} from './aggregates.ts';
import { INCIDENT_COLUMNS, UPDATABLE_COLUMNS, incidentCsvLine, incidentValues, monthOf } from './columns.ts';
import { placeIncident, type IncidentPlacer, type Placement } from './placement.ts';

export { INCIDENT_COLUMNS } from './columns.ts';
export type { IncidentPlacer, Placement } from './placement.ts';

export interface IncidentBatch {
  /** new incidents; one whose (source, source record id) is already stored is left as it is */
  insert?: readonly NormalisedIncident[];
  /** incidents that replace the stored ones with the same (source, source record id), or are added */
  upsert?: readonly NormalisedIncident[];
  /** stored incidents to remove (their news links go with them; report links are cleared) */
  retract?: readonly IncidentKey[];
}

export interface BatchResult {
  /** ids of `insert` then `upsert`, in order (for an insert already stored: the stored id) */
  ids: string[];
  inserted: number;
  upserted: number;
  retracted: number;
  /** whether the data version was bumped */
  changed: boolean;
}

export interface WriteOptions {
  /**
   * The caller changed what incidents mean in the same transaction (a news article linked to an
   * existing incident as one more source): bump the data version even if no incident row changed.
   */
  alsoChanged?: boolean;
  /**
   * Leave the aggregates to the caller: instead of a delta per statement, the months (`YYYY-MM-01`)
   * the batch touches — of the rows written and of the stored rows they replace or remove — are
   * added to this set, and the caller recomputes them once (`rebuildMonthsIn`) before it commits.
   * For a file applied as many batches in one transaction (the open-data sync) one GROUP BY per
   * touched month costs far less than a delta per batch over ever larger aggregate tables.
   */
  deferAggregatesTo?: Set<string>;
}

/** Rows per INSERT statement: 31 parameters each, well under PostgreSQL's 65,535 per statement. */
const ROWS_PER_STATEMENT = 1000;

export class IncidentWriter {
  constructor(private readonly placer: IncidentPlacer) {}

  /** The areas and H3 cells `incident` is stored with. */
  place(incident: NormalisedIncident): Placement {
    return placeIncident(incident, this.placer);
  }

  /** Writes one batch in its own transaction. */
  write(db: Kysely<Database>, batch: IncidentBatch, opts: WriteOptions = {}): Promise<BatchResult> {
    return db.transaction().execute((trx) => this.writeIn(trx, batch, opts));
  }

  /** Writes one batch inside the caller's transaction (committed or rolled back with it). */
  async writeIn(trx: Transaction<Database>, batch: IncidentBatch, opts: WriteOptions = {}): Promise<BatchResult> {
    const result: BatchResult = { ids: [], inserted: 0, upserted: 0, retracted: 0, changed: false };
    const insert = batch.insert ?? [];
    for (let i = 0; i < insert.length; i += ROWS_PER_STATEMENT) {
      const chunk = insert.slice(i, i + ROWS_PER_STATEMENT);
      const rows = await trx
        .insertInto('incidents')
        .values(chunk.map((x) => incidentValues(x, this.place(x))))
        .onConflict((oc) => oc.columns(['source', 'source_record_id']).doNothing())
        .returning(['id', 'source', 'source_record_id'])
        .execute();
      result.inserted += rows.length;
      await this.added(trx, rows, chunk, opts);
      const ids = new Map(rows.map((r) => [keyOf(r.source, r.source_record_id), String(r.id)]));
      for (const x of chunk) {
        const key = keyOf(x.source, x.sourceRecordId);
        ids.set(key, ids.get(key) ?? (await storedId(trx, x)));
        result.ids.push(ids.get(key)!);
      }
    }
    const upsert = batch.upsert ?? [];
    for (let i = 0; i < upsert.length; i += ROWS_PER_STATEMENT) {
      const chunk = upsert.slice(i, i + ROWS_PER_STATEMENT);
      // a corrected row may move to another cell, area, month or category: its old groups lose it
      await this.removing(trx, await storedIds(trx, chunk), opts);
      const rows = await trx
        .insertInto('incidents')
        .values(chunk.map((x) => incidentValues(x, this.place(x))))
        .onConflict((oc) =>
          oc
            .columns(['source', 'source_record_id'])
            .doUpdateSet((eb) => Object.fromEntries(UPDATABLE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .returning(['id', 'source', 'source_record_id'])
        .execute();
      const ids = new Map(rows.map((r) => [keyOf(r.source, r.source_record_id), String(r.id)]));
      for (const x of chunk) result.ids.push(ids.get(keyOf(x.source, x.sourceRecordId))!);
      result.upserted += rows.length;
      await this.added(trx, rows, chunk, opts);
    }
    const retract = batch.retract ?? [];
    for (let i = 0; i < retract.length; i += ROWS_PER_STATEMENT) {
      const ids = await storedIds(trx, retract.slice(i, i + ROWS_PER_STATEMENT));
      if (ids.length === 0) continue;
      await this.removing(trx, ids, opts);
      const res = await trx
        .deleteFrom('incidents')
        .where('id', 'in', ids as never[])
        .executeTakeFirst();
      result.retracted += Number(res.numDeletedRows ?? 0);
    }
    result.changed = result.inserted + result.upserted + result.retracted > 0 || Boolean(opts.alsoChanged);
    if (result.changed) await sql.raw(BUMP_DATA_VERSION).execute(trx);
    return result;
  }

  /** Recomputes the aggregates of `months` (`YYYY-MM-01`) from the incidents: see `deferAggregatesTo`. */
  async rebuildMonthsIn(trx: Transaction<Database>, months: Iterable<string>): Promise<void> {
    for (const statement of monthRebuildStatements(months)) await sql.raw(statement).execute(trx);
  }

  /** The rows just written count in the aggregates: a delta now, or their months for the caller's rebuild. */
  private async added(
    trx: Transaction<Database>,
    rows: readonly { id: unknown }[],
    written: readonly NormalisedIncident[],
    opts: WriteOptions,
  ): Promise<void> {
    if (opts.deferAggregatesTo) for (const x of written) opts.deferAggregatesTo.add(monthOf(x.occurredOn));
    else
      await applyDelta(
        trx,
        rows.map((r) => String(r.id)),
        1,
      );
  }

  /** Stored rows about to be replaced or removed leave the aggregates: a delta now, or their months. */
  private async removing(trx: Transaction<Database>, ids: readonly string[], opts: WriteOptions): Promise<void> {
    if (!opts.deferAggregatesTo) return applyDelta(trx, ids, -1);
    if (ids.length === 0) return;
    const months = await trx
      .selectFrom('incidents')
      .select(sql<string>`to_char(month, 'YYYY-MM-DD')`.as('month'))
      .distinct()
      .where('id', 'in', ids as never[])
      .execute();
    for (const m of months) opts.deferAggregatesTo.add(m.month);
  }

  /** A COPY-based load inside `Store.rawTransaction` (the official import). */
  bulk(tx: RawTx): BulkIncidentLoad {
    return new BulkIncidentLoad(tx, this);
  }
}

/**
 * Incidents streamed into the table with COPY, in batches, inside the caller's raw transaction: one
 * COPY is in flight while the caller prepares the next batch (PostgreSQL works on it meanwhile).
 * `commit` sends the rest and bumps the data version once when anything was written.
 */
export class BulkIncidentLoad {
  private lines: string[] = [];
  private copying: Promise<void> = Promise.resolve();
  /** months (`YYYY-MM-01`) of the incidents queued so far: the aggregates recomputed at commit */
  private readonly months = new Set<string>();
  /** incidents handed to COPY so far */
  written = 0;

  constructor(
    private readonly tx: RawTx,
    private readonly writer: IncidentWriter,
  ) {}

  /**
   * Record ids of `source` already stored: the caller skips them (measured on PGlite: a staging table
   * + INSERT … SELECT … ON CONFLICT DO NOTHING costs 1.5× a direct COPY). The unique key (source,
   * source_record_id) still guards against a concurrent writer: the COPY then fails and the whole
   * transaction rolls back.
   */
  async storedRecordIds(source: string): Promise<Set<string>> {
    const { rows } = await this.tx.query<{ any: boolean }>(
      `SELECT EXISTS (SELECT 1 FROM incidents WHERE source = $1) AS any`,
      [source],
    );
    if (!rows[0]?.any) return new Set();
    const ids = await this.tx.query<{ source_record_id: string }>(
      `SELECT source_record_id FROM incidents WHERE source = $1`,
      [source],
    );
    return new Set(ids.rows.map((r) => r.source_record_id));
  }

  /** Places one incident and queues it for the next COPY. */
  add(incident: NormalisedIncident): void {
    this.lines.push(incidentCsvLine(incident, this.writer.place(incident)));
    this.months.add(monthOf(incident.occurredOn));
  }

  /** incidents queued and not yet sent */
  get pending(): number {
    return this.lines.length;
  }

  /** Sends the queued incidents (after the COPY in flight has finished); does not wait for this one. */
  async flush(): Promise<void> {
    await this.copying;
    if (this.lines.length === 0) return;
    const text = this.lines.join('');
    this.written += this.lines.length;
    this.lines = [];
    this.copying = this.tx.copyCsv('incidents', INCIDENT_COLUMNS, text);
    this.copying.catch(() => {}); // awaited later; avoid an unhandled rejection meanwhile
  }

  /**
   * Lets an in-flight COPY settle, ignoring its outcome: call before rethrowing an error, since aborting
   * mid-COPY breaks the connection (EPIPE) and would hide the real error.
   */
  async settle(): Promise<void> {
    await this.copying.catch(() => {});
  }

  /**
   * Sends the rest, waits for it, recomputes the aggregates of the months loaded and bumps the data
   * version when anything was written. Returns the count.
   */
  async commit(): Promise<number> {
    await this.flush();
    await this.copying;
    if (this.written === 0) return 0;
    for (const statement of monthRebuildStatements(this.months)) await this.tx.query(statement);
    await this.tx.query(BUMP_DATA_VERSION);
    return this.written;
  }
}

export interface RebuildResult {
  /** rows of `cell_months` and `area_months` after the rebuild */
  cellRows: number;
  areaRows: number;
}

/**
 * Rebuilds both tables from the incidents in one transaction (readers see the old rows until it
 * commits) and bumps the data version, so answers cached from the old aggregates are renewed.
 */
export async function rebuildAggregates(store: Pick<Store, 'rawTransaction'>): Promise<RebuildResult> {
  return store.rawTransaction(async (tx) => {
    for (const statement of fullRebuildStatements()) await tx.query(statement);
    await tx.query(BUMP_DATA_VERSION);
    const { rows } = await tx.query<{ cells: number; areas: number }>(
      'SELECT (SELECT count(*) FROM cell_months)::int AS cells, (SELECT count(*) FROM area_months)::int AS areas',
    );
    return { cellRows: Number(rows[0]!.cells), areaRows: Number(rows[0]!.areas) };
  });
}

const keyOf = (source: string, recordId: string) => `${source}\u0000${recordId}`;

async function storedId(trx: Transaction<Database>, x: IncidentKey): Promise<string> {
  const row = await trx
    .selectFrom('incidents')
    .select('id')
    .where('source', '=', x.source)
    .where('source_record_id', '=', x.sourceRecordId)
    .executeTakeFirstOrThrow();
  return String(row.id);
}

/** Ids of the stored incidents among `keys` (locked: the batch is about to replace or remove them). */
async function storedIds(trx: Transaction<Database>, keys: readonly IncidentKey[]): Promise<string[]> {
  const out: string[] = [];
  for (const [source, recordIds] of bySource(keys)) {
    const rows = await trx
      .selectFrom('incidents')
      .select('id')
      .where('source', '=', source)
      .where('source_record_id', 'in', recordIds)
      .forUpdate()
      .execute();
    for (const r of rows) out.push(String(r.id));
  }
  return out;
}

/** Adds (1) or removes (-1) the stored incidents `ids` to/from the aggregates. */
async function applyDelta(trx: Transaction<Database>, ids: readonly string[], sign: 1 | -1): Promise<void> {
  for (const statement of incidentDeltaStatements(ids, sign)) await sql.raw(statement).execute(trx);
}

function bySource(keys: readonly IncidentKey[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const k of keys) {
    const list = out.get(k.source);
    if (list) list.push(k.sourceRecordId);
    else out.set(k.source, [k.sourceRecordId]);
  }
  return out;
}
