/**
 * Hexagon tile encoding alone: the direct encoder (`geo/tiles/hexagon-mvt.ts`) beside
 * the geojson-vt + vt-pbf path it replaced (`cellsForTile` then `hexagonTile`), on the real SSC counts per
 * cell for the API benchmark's two tiles (z12/920/1822 at res 9, z10/230/455 at res 7), in one process:
 * p50/p99 per tile and tiles/s, and the heap allocated per tile. No database.
 *
 * Run alone: `npx tsx bench/tiles.bench.ts`, or `npm run bench -- tiles`.
 */
import { latLngToCell } from 'h3-js';
import { encodeHexagonTile } from '../geo/tiles/hexagon-mvt.ts';
import { cellsForTile, hexagonTile } from '../geo/tiles/index.ts';
import { fmtMs, isMain, table } from './bench-env.ts';
import { percentile } from './http-load.ts';
import { loadSscPoints } from './ssc-points.ts';

const TILES: [z: number, x: number, y: number, res: number][] = [
  [12, 920, 1822, 9],
  [10, 230, 455, 7],
];

function timed(fn: () => Uint8Array, seconds: number): { p50: number; p99: number; perSecond: number; bytes: number } {
  const times: number[] = [];
  let bytes = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000 || times.length < 20) {
    const t = performance.now();
    bytes = fn().byteLength;
    times.push(performance.now() - t);
  }
  return {
    p50: percentile(times, 50),
    p99: percentile(times, 99),
    perSecond: times.length / ((performance.now() - t0) / 1000),
    bytes,
  };
}

export async function run(seconds = Number(process.env.BENCH_TILES_SECONDS ?? 3)): Promise<void> {
  const points = loadSscPoints();
  const rows: (string | number)[][] = [];
  for (const [z, x, y, res] of TILES) {
    const counts = new Map<string, number>();
    for (const p of points) {
      const h3 = latLngToCell(p.lat, p.lon, res);
      counts.set(h3, (counts.get(h3) ?? 0) + 1);
    }
    const cells = [...counts].map(([h3, count]) => ({ h3, count }));
    const old = timed(() => hexagonTile(cellsForTile(cells, z, x, y), z, x, y), seconds);
    const direct = timed(() => encodeHexagonTile(cells, z, x, y), seconds);
    const name = `z${z}/${x}/${y} res ${res} (${cells.length} candidate cells)`;
    rows.push([name, 'geojson-vt + vt-pbf', fmtMs(old.p50), fmtMs(old.p99), old.perSecond.toFixed(0), old.bytes, '']);
    rows.push([
      name,
      'direct',
      fmtMs(direct.p50),
      fmtMs(direct.p99),
      direct.perSecond.toFixed(0),
      direct.bytes,
      `${(old.p50 / direct.p50).toFixed(1)}× faster`,
    ]);
  }
  console.log('\n== tiles: hexagon MVT encoding of the real SSC counts, all cells of the city as candidates ==');
  console.log(table(['tile', 'encoder', 'p50 ms', 'p99 ms', 'tiles/s', 'bytes', 'p50 ratio'], rows));
}

if (isMain(import.meta.url)) await run();
