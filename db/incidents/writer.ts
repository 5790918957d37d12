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
 * Maintained aggregates belong here too, written in the same transaction as the rows they summarise:
 * `afterBatch` is where they will be updated.
 */
import { sql, type Kysely, type Transaction } from 'kysely';
import type { IncidentKey, NormalisedIncident } from '../../core/incident/index.ts';
import type { RawTx } from '../connect.ts';
import type { Database } from '../schema.ts';
import { INCIDENT_COLUMNS, UPDATABLE_COLUMNS, incidentCsvLine, incidentValues } from './columns.ts';
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
}

/** Rows per INSERT statement: 31 parameters each, well under PostgreSQL's 65,535 per statement. */
const ROWS_PER_STATEMENT = 1000;
const BUMP_DATA_VERSION = `UPDATE meta SET value = (value::bigint + 1)::text WHERE key = 'data_version'`;

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
      const rows = await trx
        .insertInto('incidents')
        .values(chunk.map((x) => incidentValues(x, this.place(x))))
        .onConflict((oc) =>
          oc.columns(['source', 'source_record_id']).doUpdateSet((eb) => Object.fromEntries(UPDATABLE_COLUMNS.map((c) => [c, eb.ref(`excluded.${c}`)]))),
        )
        .returning(['id', 'source', 'source_record_id'])
        .execute();
      const ids = new Map(rows.map((r) => [keyOf(r.source, r.source_record_id), String(r.id)]));
      for (const x of chunk) result.ids.push(ids.get(keyOf(x.source, x.sourceRecordId))!);
      result.upserted += rows.length;
    }
    for (const [source, recordIds] of bySource(batch.retract ?? [])) {
      const res = await trx.deleteFrom('incidents').where('source', '=', source).where('source_record_id', 'in', recordIds).executeTakeFirst();
      result.retracted += Number(res.numDeletedRows ?? 0);
    }
    result.changed = result.inserted + result.upserted + result.retracted > 0 || Boolean(opts.alsoChanged);
    await this.afterBatch(trx, result);
    if (result.changed) await sql.raw(BUMP_DATA_VERSION).execute(trx);
    return result;
  }

  /** A COPY-based load inside `Store.rawTransaction` (the official import). */
  bulk(tx: RawTx): BulkIncidentLoad {
    return new BulkIncidentLoad(tx, this);
  }

  /**
   * The seam for maintained aggregates: called in the batch's transaction after its rows are written
   * and before the data version moves. Nothing is maintained yet.
   */
  protected async afterBatch(_trx: Transaction<Database>, _result: BatchResult): Promise<void> {}
}

/**
 * Incidents streamed into the table with COPY, in batches, inside the caller's raw transaction: one
 * COPY is in flight while the caller prepares the next batch (PostgreSQL works on it meanwhile).
 * `commit` sends the rest and bumps the data version once when anything was written.
 */
export class BulkIncidentLoad {
  private lines: string[] = [];
  private copying: Promise<void> = Promise.resolve();
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
    const { rows } = await this.tx.query<{ any: boolean }>(`SELECT EXISTS (SELECT 1 FROM incidents WHERE source = $1) AS any`, [source]);
    if (!rows[0]?.any) return new Set();
    const ids = await this.tx.query<{ source_record_id: string }>(`SELECT source_record_id FROM incidents WHERE source = $1`, [source]);
    return new Set(ids.rows.map((r) => r.source_record_id));
  }

  /** Places one incident and queues it for the next COPY. */
  add(incident: NormalisedIncident): void {
    this.lines.push(incidentCsvLine(incident, this.writer.place(incident)));
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

  /** Sends the rest, waits for it, and bumps the data version when anything was written. Returns the count. */
  async commit(): Promise<number> {
    await this.flush();
    await this.copying;
    if (this.written > 0) await this.tx.query(BUMP_DATA_VERSION);
    return this.written;
  }
}

const keyOf = (source: string, recordId: string) => `${source}\u0000${recordId}`;

async function storedId(trx: Transaction<Database>, x: IncidentKey): Promise<string> {
  const row = await trx.selectFrom('incidents').select('id').where('source', '=', x.source).where('source_record_id', '=', x.sourceRecordId).executeTakeFirstOrThrow();
  return String(row.id);
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
