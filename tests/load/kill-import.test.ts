/**
 * The server killed (SIGKILL) during a CLI import, then restarted — no incident
 * lost or duplicated.
 *
 * The DATA_DIR is the harness's PGlite dump of the bundled import with the SSC point file's rows
 * removed (incidents, quarantine, import record), so importing that file again is real work
 * (132,692 rows, seconds on PGlite). The import goes through the server's command socket
 * (`npm run etl -- import …` while the server holds the folder); the server is killed once the CLI
 * shows the import reading rows, i.e. inside the file's one transaction. After a restart, the
 * file's incidents must be all there or none, with no import left "running"; a second import must
 * then bring the count to the oracle — rows of the file with an id, a date and a crime label,
 * distinct ids, counted here with csv-parse — and a third must add nothing.
 */
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundled, REPO_ROOT } from '../../reference/files/index.ts';
import {
  figure,
  queryDataDir,
  restorePGliteDataDir,
  runCli,
  startServer,
  tempDir,
  waitFor,
  type ServerProcess,
} from './helpers.ts';

const FILE = join(REPO_ROOT, 'data/crime/ssc_crime_points_2013_2016.csv.gz');
const SOURCE = 'ssc_points';
/** What the harness README states the bundled FGJ file gives; untouched by this test. */
const OTHER_SOURCES = 6_944;

/** Incidents the SSC file should give, counted from the raw CSV (not by the importer). */
function oracle(): { rows: number; incidents: number } {
  const rows = parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<
    string,
    string
  >[];
  const ids = new Set(
    rows.filter((r) => r.id?.trim() && /^\d{4}-\d{2}-\d{2}$/.test(r.date) && r.crime?.trim()).map((r) => r.id.trim()),
  );
  return { rows: rows.length, incidents: ids.size };
}

interface Counts {
  incidents: number;
  distinctIds: number;
  imports: Record<string, number>;
}

async function countsAfterStop(dataDir: string): Promise<Counts> {
  const [c] = await queryDataDir<{ n: number; d: number }>(
    dataDir,
    `SELECT count(*)::int AS n, count(DISTINCT source_record_id)::int AS d FROM incidents WHERE source = '${SOURCE}'`,
  );
  const imports = await queryDataDir<{ status: string; n: number }>(
    dataDir,
    `SELECT status, count(*)::int AS n FROM imports WHERE source = '${SOURCE}' GROUP BY status`,
  );
  return { incidents: c.n, distinctIds: c.d, imports: Object.fromEntries(imports.map((r) => [r.status, r.n])) };
}

async function sourceCount(server: ServerProcess): Promise<number> {
  const health = (await (await fetch(`${server.url}/api/health`)).json()) as {
    sources: { source: string; incidents: number }[];
  };
  return health.sources.find((s) => s.source === SOURCE)?.incidents ?? 0;
}

describe('server killed during a CLI import', () => {
  let dataDir: string;
  let server: ServerProcess | undefined;
  const expected = oracle();

  beforeAll(async () => {
    dataDir = join(tempDir('mapa-kill-import-'), 'var');
    await restorePGliteDataDir(dataDir, [
      `DELETE FROM incidents WHERE source = '${SOURCE}'`,
      `DELETE FROM quarantine WHERE import_id IN (SELECT id FROM imports WHERE source = '${SOURCE}')`,
      `DELETE FROM imports WHERE source = '${SOURCE}'`,
    ]);
  }, 180_000);

  afterAll(async () => {
    await server?.stop();
  });

  it('keeps the file all-or-nothing across a SIGKILL, and a re-import reaches the oracle with no duplicates', async () => {
    expect(expected.incidents).toBe(132_692); // the harness README's figure for this file: the oracle reads it right
    server = await startServer({ dataDir });
    expect(await sourceCount(server)).toBe(0);

    const env = { DATA_DIR: dataDir };
    const first = runCli(['import', FILE, '--format', SOURCE], env);
    // the first progress line is written as reading starts, inside the file's transaction
    await waitFor(
      () => /leyendo/.test(first.stderr()) || first.child.exitCode !== null,
      120_000,
      'the import to start',
    );
    expect(first.child.exitCode, first.stderr()).toBeNull();
    await new Promise((r) => setTimeout(r, 1500));
    const killedWhileRunning = first.child.exitCode === null;
    server.kill('SIGKILL');
    const killed = await server.exited;
    expect(killed.signal).toBe('SIGKILL');
    const cli = await first.done;
    figure(
      `kill-import: server SIGKILLed ${killedWhileRunning ? 'while the CLI import was running' : 'after the CLI import had ended'}; CLI exit ${cli.code}; last CLI stderr: ${cli.stderr.trim().split('\n').pop()}`,
    );
    expect(killedWhileRunning).toBe(true);
    expect(cli.code).not.toBe(0);

    // what the killed server left on disk (PGlite recovers from its WAL when opened)
    const afterKill = await countsAfterStop(dataDir);
    figure(
      `kill-import: after the kill: ${afterKill.incidents} ${SOURCE} incidents (all-or-none: 0 or ${expected.incidents}), imports ${JSON.stringify(afterKill.imports)}`,
    );
    expect([0, expected.incidents]).toContain(afterKill.incidents);
    expect(afterKill.imports.running ?? 0).toBe(0);

    server = await startServer({ dataDir });
    expect(await sourceCount(server)).toBe(afterKill.incidents);
    const again = await runCli(['import', FILE, '--format', SOURCE], env).done;
    expect(again.code, again.stderr).toBe(0);
    expect(await sourceCount(server)).toBe(expected.incidents);
    const third = await runCli(['import', FILE, '--format', SOURCE], env).done;
    expect(third.code, third.stderr).toBe(0);
    expect(await sourceCount(server)).toBe(expected.incidents);
    const total = (await (await fetch(`${server.url}/api/health`)).json()) as { incidents: number };
    expect(total.incidents).toBe(expected.incidents + OTHER_SOURCES);
    await server.stop();
    server = undefined;

    const final = await countsAfterStop(dataDir);
    figure(
      `kill-import: after re-import: ${final.incidents} incidents, ${final.distinctIds} distinct ids (oracle ${expected.incidents} from ${expected.rows} rows), imports ${JSON.stringify(final.imports)}`,
    );
    expect(final).toEqual({ incidents: expected.incidents, distinctIds: expected.incidents, imports: { done: 1 } });
  }, 420_000);
});
