/**
 * Sync throughput against the plain official import on the same file: a portal-layout carpetas CSV of
 * ROWS rows (default 2,000,000) generated from the real bundled FGJ rows (tests/harness/portal-files.ts,
 * repeated; each copy gets its own `unidad_investigacion`, so every row is a distinct record), written
 * to a temporary folder and never committed. Each path runs on its own fresh in-memory PGlite store;
 * prints rows/s and the peak resident memory of each run.
 *
 *   npx tsx bench/sync-throughput.ts [ROWS]
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStore } from '../db/connect.ts';
import { FORMATS, importOfficialFile } from '../etl/official/index.ts';
import { rowContext } from '../etl/official/context.ts';
import { hashFile } from '../etl/official/hash.ts';
import { applyPublication } from '../etl/sync/apply.ts';
import { portalCarpetasRows, portalCsv } from '../tests/harness/portal-files.ts';

const total = Number(process.argv[2] ?? 2_000_000);
const dir = mkdtempSync(join(tmpdir(), 'mapa-sync-bench-'));
const file = join(dir, 'fgj_carpetas.csv');
const base = portalCarpetasRows().filter((r) => r.fecha_hecho !== '');
const out = createWriteStream(file);
out.write(portalCsv([]).toString());
for (let n = 0, copy = 0; n < total; copy++) {
  const rows = base
    .slice(0, total - n)
    .map((r) => ({ ...r, unidad_investigacion: `${r.unidad_investigacion}-${copy}` }));
  const text = portalCsv(rows).toString();
  if (!out.write(text.slice(text.indexOf('\n') + 1))) await once(out, 'drain');
  n += rows.length;
}
out.end();
await once(out, 'close');

// load the geocoder and boundaries once before timing, so neither path pays for them
rowContext(FORMATS.fgj_carpetas);

let peak = 0;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 200);
async function measure(name: string, run: () => Promise<{ rows: number }>) {
  peak = process.memoryUsage().rss;
  const t0 = performance.now();
  const r = await run();
  const s = (performance.now() - t0) / 1000;
  console.log(
    `${name}: ${r.rows} rows in ${s.toFixed(1)} s = ${Math.round(r.rows / s)} rows/s, peak RSS ${(peak / 1e6).toFixed(0)} MB`,
  );
}
try {
  const plain = await openStore({ memory: true });
  await measure('plain import (etl -- import)', () => importOfficialFile(plain, file, { format: 'fgj_carpetas' }));
  await plain.close();
  const synced = await openStore({ memory: true });
  const sha256 = await hashFile(file);
  await measure('sync, first publication', () => applyPublication(synced, file, { format: 'fgj_carpetas', sha256 }));
  await measure('sync, same file again (nothing new)', () =>
    applyPublication(synced, file, { format: 'fgj_carpetas', sha256: `${sha256}-again` }),
  );
  await synced.close();
} finally {
  clearInterval(sampler);
  rmSync(dir, { recursive: true, force: true });
}
