/**
 * The PGlite half of the global setup, run in a child process (`node --import tsx`) so that it
 * uses the second core while the main process imports into PostgreSQL. Writes `empty.tar` and
 * `full.tar` (compact data-dir dumps) into the folder given as argument and prints its timings as
 * JSON on stdout. Progress goes to stderr.
 */
import { writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openStore } from '../../db/connect.ts';
import { importInto, loadImporter } from './bundled-import.ts';
import { compactDump } from './pglite-dump.ts';

export interface ChildResult {
  imported: boolean;
  importMs: number | null;
  dumpMs: number;
}

const log = (line: string) => process.stderr.write(`${line}\n`);
const since = (t0: number) => Math.round(performance.now() - t0);

async function main(dumpDir: string): Promise<ChildResult> {
  const importer = await loadImporter();
  const store = await openStore({ memory: true });
  try {
    let t = performance.now();
    writeFileSync(join(dumpDir, 'empty.tar'), await compactDump(store));
    if (!importer) {
      copyFileSync(join(dumpDir, 'empty.tar'), join(dumpDir, 'full.tar'));
      return { imported: false, importMs: null, dumpMs: since(t) };
    }
    t = performance.now();
    await importInto(importer, store, log);
    // PGlite has no autovacuum: give the planner statistics before the copies are made.
    await sql`VACUUM ANALYZE`.execute(store.db);
    const importMs = since(t);
    t = performance.now();
    writeFileSync(join(dumpDir, 'full.tar'), await compactDump(store));
    return { imported: true, importMs, dumpMs: since(t) };
  } finally {
    await store.close();
  }
}

const dir = process.argv[2];
if (!dir) {
  log('usage: node --import tsx tests/harness/pglite-import-child.ts <dump folder>');
  process.exit(2);
}
main(dir).then(
  (result) => process.stdout.write(`${JSON.stringify(result)}\n`),
  (err) => {
    log(`[harness] PGlite import failed: ${err instanceof Error ? (err.stack ?? err.message) : err}`);
    process.exit(1);
  },
);
