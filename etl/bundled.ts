/**
 * Loading the bundled real data into a store: the areas, then the SSC crime points and the FGJ
 * Milpa Alta víctimas file from `data/crime/` (gzipped, see data/README.md for attribution).
 * Used by `npm start` on first run, by `npm run etl -- import-bundled` and by the test harness.
 */
import { join } from 'node:path';
import type { Store } from '../db/connect.ts';
import { importAreas } from './areas/index.ts';
import { BUNDLED_DATA_DIR } from '../reference/files/index.ts';
import { retractSupersededVictimas, type SupersededReport } from './sync/reconcile.ts';
import {
  importOfficialFile,
  terminalProgress,
  type FormatId,
  type ImportProgress,
  type ImportReport,
} from './official/index.ts';

export type BundledProgress = ImportProgress | { phase: 'areas'; file: string; rows: number };

export interface BundledResult {
  areas: number;
  reports: ImportReport[];
  /** víctimas incidents retracted because the carpetas source already counts their months (a synced store) */
  superseded: SupersededReport[];
}

/** The crime files shipped in `data/crime/`, in import order. */
export const BUNDLED_CRIME_FILES: readonly { path: string; format: FormatId }[] = [
  { path: join(BUNDLED_DATA_DIR, 'crime/ssc_crime_points_2013_2016.csv.gz'), format: 'ssc_points' },
  { path: join(BUNDLED_DATA_DIR, 'crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), format: 'fgj_victimas' },
];

/** Progress on stderr (the first-run display of `npm start`). */
export function stderrBundledProgress(
  sink: { write(text: string): unknown; isTTY?: boolean } = process.stderr,
): (p: BundledProgress) => void {
  const show = terminalProgress(sink);
  return (p) => (p.phase === 'areas' ? sink.write(`áreas: ${p.rows} filas\n`) : show(p));
}

/**
 * Imports everything bundled. Each file is its own transaction; re-running skips what is already there.
 * `progress`: a callback, or `true` for the terminal display on stderr.
 */
export async function importBundledData(
  store: Store,
  opts: { progress?: ((p: BundledProgress) => void) | boolean } = {},
): Promise<BundledResult> {
  const progress = opts.progress === true ? stderrBundledProgress() : opts.progress || undefined;
  const { areas } = await importAreas(store);
  progress?.({ phase: 'areas', file: 'data/boundaries', rows: areas });
  const reports: ImportReport[] = [];
  for (const f of BUNDLED_CRIME_FILES) {
    reports.push(await importOfficialFile(store, f.path, { format: f.format, progress }));
  }
  // loaded into a store the sync already filled: each month still counts one FGJ source
  return { areas, reports, superseded: await retractSupersededVictimas(store) };
}

/** True when the store holds no incidents yet (a fresh database: load the bundled data). */
export async function isStoreEmpty(store: Store): Promise<boolean> {
  const row = await store.db.selectFrom('incidents').select('id').limit(1).executeTakeFirst();
  return row === undefined;
}
