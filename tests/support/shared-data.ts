/**
 * `../shared/data` beside the checkout holds what the repository may not carry: saved news pages
 * and the news sample (copyrighted), SEMOVI's GTFS feed and INEGI's street file (large). A plain
 * clone lacks it, so a test that needs it skips, and says why in one line on stderr. Tests that need
 * only bundled data never come here.
 *
 * CI has the folder and sets `TEST_REQUIRE_SHARED_DATA=1` (.ci/run): there a missing file throws,
 * so a moved or renamed file fails the run instead of turning a whole suite into silent skips.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SHARED_DATA_DIR } from '../../reference/files/index.ts';

export interface SharedDataOptions {
  /** where the shared files live (default `../shared/data`) */
  dir?: string;
  /** whether a missing file is an error (default: `TEST_REQUIRE_SHARED_DATA=1`) */
  required?: boolean;
  /** where the one-line reason goes (default stderr) */
  warn?: (line: string) => void;
}

/**
 * The reason to skip when any of `paths` (relative to `../shared/data`) is missing, after writing it
 * once; undefined when all are there. Throws instead when shared data is required.
 */
export function sharedDataMissing(paths: readonly string[], opts: SharedDataOptions = {}): string | undefined {
  const dir = opts.dir ?? SHARED_DATA_DIR;
  const absent = paths.filter((p) => !existsSync(join(dir, p)));
  if (!absent.length) return undefined;
  const reason = `skipped: needs ${absent.map((p) => `../shared/data/${p}`).join(', ')} (not in the repository; CI provides it)`;
  const required = opts.required ?? process.env.TEST_REQUIRE_SHARED_DATA === '1';
  if (required) throw new Error(`${reason}; TEST_REQUIRE_SHARED_DATA=1 requires it`);
  (opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`)))(reason);
  return reason;
}

/** The shared folders and files the tests read, named once. */
export const SHARED = {
  newsPages: 'news-pages',
  newsSample: 'news-sample/articles_sample.jsonl',
  laPrensa: 'news-sample/laprensa_policiaca_2024.jsonl',
  gtfs: 'transit/semovi_gtfs_2025/stops.txt',
  streets: 'streets/inegi_atus_cdmx_2022_2023.csv',
} as const;
