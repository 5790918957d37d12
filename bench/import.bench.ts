/**
 * Import benchmark: rows/s of the real official-data import end to end — read,
 * csv-parse, validate, classify, point-in-polygon (both vintages), H3 6–11, COPY into the indexed
 * `incidents` table, one transaction — through `importOfficialFile`, on both backends, for the SSC
 * point file and for a jittered 10× copy of it (1.3 M rows; `BENCH_SCALE` shrinks it).
 *
 * The floor, measured in the same run on the same backend: the very rows the import stored, exported
 * as CSV, the table truncated, then loaded again with COPY in one transaction in the importer's batch
 * size — the cost of just writing those rows into the same indexed table. ratio = COPY time / import
 * time (target ≥ 50 %).
 *
 * Run alone: `npx tsx bench/import.bench.ts` (starts and stops its own PostgreSQL cluster).
 */
import { sql } from 'kysely';
import { openStore, type Backend, type Store } from '../db/connect.ts';
import { INCIDENT_COLUMNS } from '../db/incidents/columns.ts';
import { reverseGeocoder } from '../etl/official/context.ts';
import { importOfficialFile } from '../etl/official/index.ts';
import {
  createDatabase,
  fmtInt,
  fmtPct,
  isMain,
  runCleanups,
  sscTempFile,
  table,
  tempDir,
  tenXCopies,
} from './bench-env.ts';

export interface ImportCase {
  backend: Backend;
  dataset: string;
  /** source rows read (data lines) */
  rows: number;
  /** incidents stored (= rows copied by the floor) */
  incidents: number;
  importSeconds: number;
  copySeconds: number;
  importRowsPerSecond: number;
  copyRowsPerSecond: number;
  /** copySeconds / importSeconds: the import's speed as a share of the COPY floor */
  ratio: number;
}

export interface ImportFigures {
  geocoderBuildMs: number;
  cases: ImportCase[];
}

/** A store left open after the run (the 10× data), for the API benchmark; `dispose` closes and deletes it. */
export interface KeptStore {
  backend: Backend;
  store: Store;
  incidents: number;
  dispose(): Promise<void>;
}

export interface ImportOptions {
  backends?: Backend[];
  /** copies in the big dataset (default: 10, or fewer with BENCH_SCALE) */
  copies?: number;
  /** keep the big dataset's stores open and hand them back (the API benchmark reuses them) */
  keep?: boolean;
  log?: (line: string) => void;
}

const COPY_BATCH_ROWS = 20_000; // the importer's default batch
const EXPORT_PAGE_ROWS = 50_000;

/** One incident row as COPY CSV text, built by PostgreSQL itself (`concat` turns NULL into an empty, i.e. NULL, field). */
const TEXT_COLUMNS = new Set([
  'source_kind',
  'source',
  'source_record_id',
  'time_precision',
  'category',
  'violence',
  'original_label',
  'location_precision',
  'alcaldia_2016',
  'alcaldia_2023',
  'colonia',
  'cuadrante_2016',
  'sector_2016',
  'cuadrante_2023',
  'sector_2023',
]);
const LINE_SQL = INCIDENT_COLUMNS.map((c) =>
  TEXT_COLUMNS.has(c) ? `'"' || replace(${c}, '"', '""') || '"'` : `${c}::text`,
).join(`, ',', `);

/** Every stored incident as header-less CSV lines in `INCIDENT_COLUMNS` order (keyset pages by id). */
export async function exportIncidentLines(store: Store): Promise<string[]> {
  const lines: string[] = [];
  let after = '0';
  for (;;) {
    const { rows } = await sql<{
      id: string;
      line: string;
    }>`SELECT id::text AS id, concat(${sql.raw(LINE_SQL)}) AS line FROM incidents WHERE id > ${after}::bigint ORDER BY incidents.id LIMIT ${EXPORT_PAGE_ROWS}`.execute(
      store.db,
    );
    for (const r of rows) lines.push(r.line + '\n');
    if (rows.length < EXPORT_PAGE_ROWS) return lines;
    after = rows[rows.length - 1].id;
  }
}

async function countIncidents(store: Store): Promise<number> {
  const { rows } = await sql<{ n: string }>`SELECT count(*)::text AS n FROM incidents`.execute(store.db);
  return Number(rows[0].n);
}

/** The floor: TRUNCATE, then COPY `lines` back in one transaction, in the importer's batch size. Returns seconds. */
async function copyFloor(store: Store, lines: string[]): Promise<number> {
  // CASCADE: tables that reference incidents (news) are empty in the benchmark database
  await sql`TRUNCATE incidents CASCADE`.execute(store.db);
  const t0 = performance.now();
  await store.rawTransaction(async (tx) => {
    for (let i = 0; i < lines.length; i += COPY_BATCH_ROWS) {
      await tx.copyCsv('incidents', INCIDENT_COLUMNS, lines.slice(i, i + COPY_BATCH_ROWS).join(''));
    }
  });
  return (performance.now() - t0) / 1000;
}

/** A fresh, migrated, empty store on `backend`; `dispose` closes it and deletes its data. */
export async function freshStore(
  backend: Backend,
  name: string,
): Promise<{ store: Store; dispose: () => Promise<void> }> {
  if (backend === 'postgres') {
    const database = await createDatabase(name);
    const store = await openStore({ databaseUrl: database.url });
    return { store, dispose: async () => (await store.close(), await database.drop()) };
  }
  const dir = tempDir(`mapa-bench-${name}-`);
  const store = await openStore({ dataDir: dir.path });
  return { store, dispose: async () => (await store.close(), dir.remove()) };
}

async function measure(
  backend: Backend,
  dataset: string,
  path: string,
  keep: boolean,
  log: (l: string) => void,
): Promise<{ figures: ImportCase; kept?: KeptStore }> {
  const { store, dispose } = await freshStore(backend, `bench_import_${dataset.replace(/\W/g, '_')}`);
  try {
    const t0 = performance.now();
    const report = await importOfficialFile(store, path, { format: 'ssc_points' });
    const importSeconds = (performance.now() - t0) / 1000;
    const stored = await countIncidents(store);
    if (stored !== report.incidents)
      throw new Error(`${backend} ${dataset}: the import reports ${report.incidents} incidents but stored ${stored}`);
    const lines = await exportIncidentLines(store);
    const copySeconds = await copyFloor(store, lines);
    const copied = await countIncidents(store);
    if (copied !== stored)
      throw new Error(`${backend} ${dataset}: the floor copied ${copied} rows, expected ${stored}`);
    const figures: ImportCase = {
      backend,
      dataset,
      rows: report.rows,
      incidents: stored,
      importSeconds,
      copySeconds,
      importRowsPerSecond: report.rows / importSeconds,
      copyRowsPerSecond: stored / copySeconds,
      ratio: copySeconds / importSeconds,
    };
    log(`  ${backend} ${dataset}: import ${importSeconds.toFixed(1)} s, COPY ${copySeconds.toFixed(1)} s`);
    if (keep) return { figures, kept: { backend, store, incidents: stored, dispose } };
    await dispose();
    return { figures };
  } catch (err) {
    await dispose().catch(() => {});
    throw err;
  }
}

export async function runImport(opts: ImportOptions = {}): Promise<{ figures: ImportFigures; kept: KeptStore[] }> {
  const log = opts.log ?? console.log;
  const backends = opts.backends ?? ['postgres', 'pglite'];
  const copies = opts.copies ?? tenXCopies();
  log(`\n== import: importOfficialFile (parse, validate, point-in-polygon, H3, COPY) vs COPY of the same rows ==`);

  // The reverse geocoder is built once per process; build it outside the timings and report it apart.
  let t = performance.now();
  reverseGeocoder();
  const geocoderBuildMs = performance.now() - t;

  const cases: ImportCase[] = [];
  const kept: KeptStore[] = [];
  const datasets: { name: string; copies: number; keep: boolean }[] = [
    { name: 'ssc', copies: 1, keep: false },
    { name: `ssc_x${copies}`, copies, keep: !!opts.keep },
  ];
  try {
    for (const d of datasets) {
      t = performance.now();
      const file = sscTempFile(d.copies);
      log(`  ${d.name}: temp CSV written in ${((performance.now() - t) / 1000).toFixed(1)} s`);
      try {
        for (const backend of backends) {
          const r = await measure(backend, d.name, file.path, d.keep, log);
          cases.push(r.figures);
          if (r.kept) kept.push(r.kept);
        }
      } finally {
        file.remove();
      }
    }
  } catch (err) {
    for (const k of kept) await k.dispose().catch(() => {});
    throw err;
  }

  log(`reverse geocoder build (outside the timings): ${(geocoderBuildMs / 1000).toFixed(1)} s`);
  log(
    table(
      ['backend', 'dataset', 'rows', 'incidents', 'import s', 'import rows/s', 'COPY s', 'COPY rows/s', 'import/COPY'],
      cases.map((c) => [
        c.backend,
        c.dataset,
        fmtInt(c.rows),
        fmtInt(c.incidents),
        c.importSeconds.toFixed(1),
        fmtInt(c.importRowsPerSecond),
        c.copySeconds.toFixed(1),
        fmtInt(c.copyRowsPerSecond),
        fmtPct(c.ratio),
      ]),
    ),
  );
  log(`target: import ≥ 50 % of the COPY floor (ratio = COPY time / import time for the same stored rows)`);
  return { figures: { geocoderBuildMs, cases }, kept };
}

/** Prints and returns the figures (the stores are closed and deleted). */
export async function run(opts: Omit<ImportOptions, 'keep'> = {}): Promise<ImportFigures> {
  return (await runImport({ ...opts, keep: false })).figures;
}

if (isMain(import.meta.url)) {
  run()
    .catch((err) => {
      console.error(err);
      process.exitCode = 1;
    })
    .finally(runCleanups);
}
