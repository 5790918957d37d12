/**
 * The transit network refreshed through the sync: a GTFS zip (SEMOVI's feed) is checked and turned
 * into the same extract the repository bundles (`reference/transit/extract.ts`), written to
 * `DATA_DIR/sync/transit-stations.json.gz`. Processes that know that data folder read it instead of
 * the bundled one (`reference/transit`: the gazetteer's stations and bus-stop corners, the map's
 * transit layer); the bundled extract stays the fallback when no feed was ever synced.
 *
 * A feed lacking a table or a column the extract needs, or giving no station at all, is refused
 * (`header_changed`) and the previous extract stays. The new extract is written beside the old one
 * and renamed over it only after the sync state and the data-version bump (which renews every cached
 * answer, /api/transit included) committed; a process killed in between leaves the old extract,
 * and the next sync, seeing no extract for the state it recorded, builds it again.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../core/errors/index.ts';
import type { Store } from '../../db/connect.ts';
import { BUMP_DATA_VERSION } from '../../db/incidents/aggregates.ts';
import type { Database } from '../../db/schema.ts';
import { GTFS_TABLES, buildTransitExtract, parseGtfsTable, type GtfsRow } from '../../reference/transit/extract.ts';
import { reloadTransit, syncedTransitPath } from '../../reference/transit/index.ts';

export interface GtfsReport {
  stations: number;
  lines: number;
  bus_stops: number;
  /** rows of each table read */
  rows: Record<string, number>;
  seconds: number;
}

/** Whether the synced extract exists (a recorded feed without it must be built again). */
export const syncedTransitExists = (dataDir: string) => existsSync(syncedTransitPath(dataDir));

export async function applyGtfs(
  store: Store,
  zipPath: string,
  opts: {
    dataDir: string;
    feed: string;
    alsoInTransaction: (trx: Transaction<Database>, report: GtfsReport) => Promise<void>;
  },
): Promise<GtfsReport> {
  const started = performance.now();
  const wanted = Object.keys(GTFS_TABLES) as (keyof typeof GTFS_TABLES)[];
  let files: Record<string, Uint8Array>;
  try {
    // tables may sit in a folder inside the zip: matched by their base name
    files = unzipSync(readFileSync(zipPath), {
      filter: (f) => wanted.includes(f.name.split('/').pop() as keyof typeof GTFS_TABLES),
    });
  } catch (err) {
    throw new AppError('header_changed', `GTFS ilegible (${(err as Error).message})`);
  }
  const tables = new Map<string, GtfsRow[]>();
  const rows: Record<string, number> = {};
  for (const table of wanted) {
    const entry = Object.entries(files).find(([name]) => name.split('/').pop() === table);
    if (!entry) throw new AppError('header_changed', `GTFS sin ${table}`);
    const parsed = parseGtfsTable(new TextDecoder('utf-8').decode(entry[1]));
    const header = parsed.length ? Object.keys(parsed[0]!) : [];
    const missing = GTFS_TABLES[table].filter((c) => !header.includes(c));
    if (missing.length) throw new AppError('header_changed', `GTFS ${table}: faltan columnas ${missing.join(', ')}`);
    tables.set(table, parsed);
    rows[table] = parsed.length;
  }
  const extract = buildTransitExtract((t) => tables.get(t)!, opts.feed);
  if (extract.stations.length === 0)
    throw new AppError('header_changed', 'GTFS sin estaciones de los sistemas conocidos');
  const report: GtfsReport = {
    stations: extract.stations.length,
    lines: extract.lines.length,
    bus_stops: extract.busStops.length,
    rows,
    seconds: 0,
  };

  const target = syncedTransitPath(opts.dataDir);
  const pending = `${target}.${process.pid}.tmp`;
  mkdirSync(dirname(target), { recursive: true });
  writeFileSync(pending, gzipSync(JSON.stringify(extract)));
  try {
    await store.db.transaction().execute(async (trx) => {
      await opts.alsoInTransaction(trx, report);
      await sql.raw(BUMP_DATA_VERSION).execute(trx);
    });
    renameSync(pending, target);
  } finally {
    rmSync(pending, { force: true });
  }
  reloadTransit();
  report.seconds = Math.round(performance.now() - started) / 1000;
  return report;
}
