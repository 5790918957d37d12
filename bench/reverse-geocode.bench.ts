/**
 * Reverse-geocoding benchmark on the 131k real SSC points (target ≥ 100,000 points/s
 * for all four area kinds in both vintages, without H3, on one core).
 *
 * Prints, measured in the same run:
 * - boundary load and index build time;
 * - `locate` points/s (alcaldía, colonia, cuadrante and sector for 2016 and 2023: six lookups a point);
 * - the floor: a bare loop over the same points doing only the flatbush bounding-box searches of the same
 *   six sets (no exact test) — `locate` can't beat it, the ratio says what the exact test costs;
 * - the straightforward baseline: the same flatbush candidates tested with turf's booleanPointInPolygon;
 * - H3 `cellsFor` (six resolutions) points/s, timed separately.
 *
 * Run: `npx tsx bench/reverse-geocode.bench.ts`
 */
import Flatbush from 'flatbush';
import { booleanPointInPolygon } from '@turf/turf';
import { pathToFileURL } from 'node:url';
import { buildReverseGeocoder, type BoundarySet } from '../geo/areas/index.ts';
import { cellsFor } from '../geo/h3/index.ts';
import { loadBoundarySets } from '../reference/boundaries/index.ts';
import { loadSscPoints, type SscPoint } from './ssc-points.ts';

/** Rates are points per CPU-second of this process; `wall` holds the same rates by wall clock. */
export interface ReverseGeocodeFigures {
  points: number;
  loadMs: number;
  buildMs: number;
  locatePerSec: number;
  bboxFloorPerSec: number;
  turfPerSec: number;
  cellsForPerSec: number;
  locateWithH3PerSec: number;
  wall: {
    locatePerSec: number;
    bboxFloorPerSec: number;
    turfPerSec: number;
    cellsForPerSec: number;
    locateWithH3PerSec: number;
  };
}

/**
 * Items per second over the best of `repeats` passes (after one warm-up), by CPU time of this process
 * (user + system): the machine's 2 cores are shared, and CPU time is what "one core" means when others
 * run. Wall-clock rates are kept beside it for reference.
 */
function rate(count: number, repeats: number, pass: () => void): { cpu: number; wall: number } {
  pass();
  let bestCpu = Infinity,
    bestWall = Infinity;
  for (let r = 0; r < repeats; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    pass();
    bestWall = Math.min(bestWall, performance.now() - t0);
    const c = process.cpuUsage(c0);
    bestCpu = Math.min(bestCpu, (c.user + c.system) / 1000);
  }
  return { cpu: (count / bestCpu) * 1000, wall: (count / bestWall) * 1000 };
}

function bboxIndex(set: BoundarySet): Flatbush {
  const boxes: number[][] = [];
  for (const f of set.features) {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
    for (const rings of polygons) {
      let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const [x, y] of rings[0]) {
        minX = Math.min(minX, x);
        minY = Math.min(minY, y);
        maxX = Math.max(maxX, x);
        maxY = Math.max(maxY, y);
      }
      boxes.push([minX, minY, maxX, maxY]);
    }
  }
  const tree = new Flatbush(boxes.length);
  for (const [a, b, c, d] of boxes) tree.add(a, b, c, d);
  tree.finish();
  return tree;
}

/** The six (kind, vintage) lookups `locate` makes: alcaldía once (one polygon set for both vintages). */
function lookupSets(sets: BoundarySet[]): BoundarySet[] {
  const pick = (kind: string, vintage: number | null) => sets.find((s) => s.kind === kind && s.vintage === vintage);
  return [
    pick('alcaldia', null),
    pick('colonia', null),
    pick('cuadrante', 2016),
    pick('sector', 2016),
    pick('cuadrante', 2023),
    pick('sector', 2023),
  ].filter((s): s is BoundarySet => s !== undefined);
}

export function run(log: (line: string) => void = console.log): ReverseGeocodeFigures {
  const points: SscPoint[] = loadSscPoints();
  const n = points.length;

  let t0 = performance.now();
  const sets = loadBoundarySets();
  const loadMs = performance.now() - t0;
  t0 = performance.now();
  const geocoder = buildReverseGeocoder(sets);
  const buildMs = performance.now() - t0;

  let sink = 0;
  const locate = rate(n, 3, () => {
    for (const p of points) if (geocoder.locate(p.lat, p.lon).colonia !== null) sink++;
  });

  const six = lookupSets(sets);
  const trees = six.map(bboxIndex);
  const floor = rate(n, 3, () => {
    for (const p of points) {
      for (const tree of trees)
        tree.search(p.lon, p.lat, p.lon, p.lat, () => {
          sink++;
          return false;
        });
    }
  });

  // turf is much slower: time it on an evenly spread sample.
  const sample = points.filter((_, i) => i % 20 === 0);
  const turf = rate(sample.length, 1, () => {
    for (const p of sample) {
      const pt = [p.lon, p.lat];
      six.forEach((set, k) => {
        let found = -1;
        trees[k].search(p.lon, p.lat, p.lon, p.lat, (i) => {
          // Box i → its feature: boxes were pushed feature by feature, part by part.
          if (found < 0) {
            const f = featureOfBox(set, i);
            if (booleanPointInPolygon(pt, f.geometry)) found = i;
          }
          return false;
        });
        if (found >= 0) sink++;
      });
    }
  });

  const h3 = rate(n, 2, () => {
    for (const p of points) if (cellsFor(p.lat, p.lon).h3_9 > 0n) sink++;
  });
  const both = rate(n, 1, () => {
    for (const p of points) {
      geocoder.locate(p.lat, p.lon);
      cellsFor(p.lat, p.lon);
    }
  });

  const fmt = (v: number) => Math.round(v).toLocaleString('en-US').padStart(10);
  const line = (label: string, r: { cpu: number; wall: number }, note = '') =>
    log(`  ${label.padEnd(38)} ${fmt(r.cpu)} points/s   (wall ${fmt(r.wall).trim()})${note}`);
  log(
    `reverse geocoding — ${n.toLocaleString('en-US')} real SSC points, one core, rates per CPU-second (checksum ${sink % 997})`,
  );
  log(`  ${'boundary load (reference/boundaries)'.padEnd(38)} ${loadMs.toFixed(0).padStart(10)} ms`);
  log(
    `  ${`index build (6 sets, ${sets.reduce((a, s) => a + s.features.length, 0)} areas)`.padEnd(38)} ${buildMs.toFixed(0).padStart(10)} ms`,
  );
  line('locate: 4 kinds × 2 vintages', locate, `   target ≥ 100,000: ${locate.cpu >= 100_000 ? 'met' : 'NOT met'}`);
  line('floor: bbox search only, same 6 sets', floor, `   locate = ${(locate.cpu / floor.cpu).toFixed(2)} × floor`);
  line('baseline: flatbush + turf PIP', turf, `   locate = ${(locate.cpu / turf.cpu).toFixed(1)} × turf`);
  line('H3 cellsFor (res 6–11)', h3);
  line('locate + cellsFor', both);
  return {
    points: n,
    loadMs,
    buildMs,
    locatePerSec: locate.cpu,
    bboxFloorPerSec: floor.cpu,
    turfPerSec: turf.cpu,
    cellsForPerSec: h3.cpu,
    locateWithH3PerSec: both.cpu,
    wall: {
      locatePerSec: locate.wall,
      bboxFloorPerSec: floor.wall,
      turfPerSec: turf.wall,
      cellsForPerSec: h3.wall,
      locateWithH3PerSec: both.wall,
    },
  };
}

const boxOwners = new WeakMap<BoundarySet, number[]>();
function featureOfBox(set: BoundarySet, box: number) {
  let owners = boxOwners.get(set);
  if (!owners) {
    owners = [];
    set.features.forEach((f, i) => {
      const parts = f.geometry.type === 'Polygon' ? 1 : f.geometry.coordinates.length;
      for (let k = 0; k < parts; k++) owners!.push(i);
    });
    boxOwners.set(set, owners);
  }
  return set.features[owners[box]];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
