/**
 * Hot spot statistics benchmark: Getis-Ord Gi* and the emerging hot spot analysis
 * over every resolution-9 H3 cell of Mexico City (centre inside an alcaldía) × 36 months.
 *
 * Counts are synthetic, generated in memory and seeded: each cell's monthly count is Poisson around a
 * real-ish intensity — the cell's mean monthly count of the real SSC incident points (2013-01 … 2016-09,
 * 45 months) — and 5 % of cells get a ±3 %/month trend so the classes are not all "no pattern".
 *
 * Prints, measured in the same run:
 * - the study area and neighbourhood build (polygonToCells over the 16 alcaldías; gridDisk per cell);
 * - the floor: one pass summing each cell's k = 1 ring for all 36 months (the neighbour sums Gi* cannot
 *   avoid), and the fast Gi* / emerging analysis as multiples of it;
 * - the straightforward implementation written here: weights from pairwise centre distances, O(n²) per
 *   month (a dense distance-matrix Gi*), then the same FDR, Mann-Kendall and classification — and the
 *   ratio naive / fast. Both must give the same z-scores (max |Δz| printed) and the same classes.
 *
 * Run: `npx tsx bench/stats.bench.ts` (about a minute on one core; `run({naiveMonths: 6})` for less).
 */
import { cellToLatLng, gridDiskDistances, latLngToCell } from 'h3-js';
import { pathToFileURL } from 'node:url';
import type { FeatureCollection, Polygon } from 'geojson';
import { readBundledJson } from '../reference/files/index.ts';
import {
  benjaminiHochberg,
  buildNeighbourhood,
  cellsCoveringPolygons,
  classifyEmerging,
  emergingHotSpots,
  giStarZ,
  mannKendall,
  twoSidedP,
  type EmergingCategory,
} from '../geo/stats/index.ts';
import { loadSscPoints } from './ssc-points.ts';

const RES = 9;
const MONTHS = 36;

export interface StatsFigures {
  cells: number;
  months: number;
  studyAreaMs: number;
  neighbourhoodMs: number;
  floorMs: number;
  giStarMs: number;
  emergingMs: number;
  naiveMonths: number;
  naiveGiStarMs: number;
  naiveEmergingMs: number | null;
  giStarRatio: number;
  emergingRatio: number | null;
  maxAbsZDiff: number;
  classesAgree: boolean | null;
  classes: Partial<Record<EmergingCategory, number>>;
}

/** mulberry32: small seeded PRNG. */
function prng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Poisson(λ): Knuth's product method below 30, a rounded normal above (λ this large is rare here). */
function poisson(lambda: number, rand: () => number): number {
  if (lambda < 30) {
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = rand();
    while (p > limit) {
      k++;
      p *= rand();
    }
    return k;
  }
  const g = Math.sqrt(-2 * Math.log(rand() || 1e-300)) * Math.cos(2 * Math.PI * rand());
  return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * g));
}

/** Median of `repeats` timed passes after one warm-up, in ms. */
function time(repeats: number, pass: () => void): number {
  pass();
  const times: number[] = [];
  for (let r = 0; r < repeats; r++) {
    const t0 = performance.now();
    pass();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
}

/** Straightforward Gi*: every pair of cells, neighbour = centre distance below `threshold` metres. */
function naiveGiStar(x: Float64Array, y: Float64Array, threshold: number, values: ArrayLike<number>): Float64Array {
  const n = values.length;
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    sum += values[i];
    sumSq += values[i] * values[i];
  }
  const mean = sum / n;
  const s = Math.sqrt(sumSq / n - mean * mean);
  const t2 = threshold * threshold;
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let wx = 0;
    let w = 0;
    const xi = x[i];
    const yi = y[i];
    for (let j = 0; j < n; j++) {
      const dx = x[j] - xi;
      const dy = y[j] - yi;
      if (dx * dx + dy * dy <= t2) {
        wx += values[j];
        w += 1;
      }
    }
    const den = s * Math.sqrt((n * w - w * w) / (n - 1));
    z[i] = den > 0 ? (wx - mean * w) / den : 0;
  }
  return z;
}

export function run(options: { naiveMonths?: number; log?: (line: string) => void } = {}): StatsFigures {
  const log = options.log ?? console.log;
  const naiveMonths = Math.min(MONTHS, options.naiveMonths ?? MONTHS);
  const alcaldias = readBundledJson<FeatureCollection<Polygon>>('boundaries/alcaldias.geojson.gz');

  let t0 = performance.now();
  const cells = cellsCoveringPolygons(alcaldias, RES);
  const studyAreaMs = performance.now() - t0;
  t0 = performance.now();
  const nb = buildNeighbourhood(cells, 1);
  const neighbourhoodMs = performance.now() - t0;
  const n = cells.length;

  // Real-ish intensities: mean monthly SSC points per cell (45 months in the file).
  const perCell = new Float64Array(n);
  for (const p of loadSscPoints()) {
    const i = nb.indexOf.get(latLngToCell(p.lat, p.lon, RES));
    if (i !== undefined) perCell[i]++;
  }
  const rand = prng(2026);
  const counts = new Float64Array(MONTHS * n); // time-major: counts[t·n + i]
  const monthly = new Map<string, Float64Array>();
  for (let i = 0; i < n; i++) {
    const base = perCell[i] / 45 + 0.02;
    const u = rand();
    const trend = u < 0.025 ? 0.03 : u < 0.05 ? -0.03 : 0;
    const series = new Float64Array(MONTHS);
    for (let t = 0; t < MONTHS; t++) {
      series[t] = poisson(base * Math.max(0.05, 1 + trend * (t - MONTHS / 2)), rand);
      counts[t * n + i] = series[t];
    }
    monthly.set(cells[i], series);
  }
  const incidents = counts.reduce((a, b) => a + b, 0);
  log(
    `study area: ${n} res-${RES} cells (${studyAreaMs.toFixed(0)} ms), neighbourhood ${neighbourhoodMs.toFixed(0)} ms; ` +
      `${MONTHS} months, ${incidents} synthetic incidents`,
  );

  // Floor: the ring sums of every cell for every month, nothing else (written like giStarZ's inner loop).
  const { offsets, neighbours } = nb;
  const ringSums = (): number => {
    let total = 0;
    for (let t = 0; t < MONTHS; t++) {
      const month = counts.subarray(t * n, (t + 1) * n);
      for (let i = 0; i < n; i++) {
        const end = offsets[i + 1];
        let s = 0;
        for (let e = offsets[i]; e < end; e++) s += month[neighbours[e]];
        total += s;
      }
    }
    return total;
  };
  let sink = 0;
  const floorMs = time(5, () => {
    sink += ringSums();
  });

  const fastZ = new Float64Array(MONTHS * n);
  const giStarMs = time(5, () => {
    for (let t = 0; t < MONTHS; t++)
      giStarZ(nb, counts.subarray(t * n, (t + 1) * n), fastZ.subarray(t * n, (t + 1) * n));
  });
  let fast: ReturnType<typeof emergingHotSpots> = [];
  const emergingMs = time(3, () => {
    fast = emergingHotSpots(monthly, { neighbourhood: nb });
  });

  // Naive: planar centre coordinates (equirectangular at the city's latitude) and a distance threshold
  // halfway between the ring-1 and ring-2 centre distances of a central cell.
  const lat0 = (19.43 * Math.PI) / 180;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  cells.forEach((c, i) => {
    const [lat, lon] = cellToLatLng(c);
    x[i] = 6371008.8 * ((lon * Math.PI) / 180) * Math.cos(lat0);
    y[i] = 6371008.8 * ((lat * Math.PI) / 180);
  });
  const centre = nb.indexOf.get(latLngToCell(19.4326, -99.1332, RES))!;
  const dist = (c: string) => {
    const j = nb.indexOf.get(c)!;
    return Math.hypot(x[j] - x[centre], y[j] - y[centre]);
  };
  const [, ring1, ring2] = gridDiskDistances(cells[centre], 2);
  const threshold = (Math.max(...ring1.map(dist)) + Math.min(...ring2.map(dist))) / 2;

  const naiveZ = new Float64Array(naiveMonths * n);
  t0 = performance.now();
  for (let t = 0; t < naiveMonths; t++)
    naiveZ.set(naiveGiStar(x, y, threshold, counts.subarray(t * n, (t + 1) * n)), t * n);
  const naiveGiStarMs = performance.now() - t0;
  let maxAbsZDiff = 0;
  for (let k = 0; k < naiveMonths * n; k++) maxAbsZDiff = Math.max(maxAbsZDiff, Math.abs(naiveZ[k] - fastZ[k]));

  // Naive emerging analysis (only when every month was computed): same FDR, trend test and classes.
  let naiveEmergingMs: number | null = null;
  let classesAgree: boolean | null = null;
  if (naiveMonths === MONTHS) {
    t0 = performance.now();
    const states = new Int8Array(MONTHS * n);
    const p = new Float64Array(n);
    for (let t = 0; t < MONTHS; t++) {
      const zt = naiveZ.subarray(t * n, (t + 1) * n);
      for (let i = 0; i < n; i++) p[i] = zt[i] === 0 ? 1 : twoSidedP(zt[i]);
      const sig = benjaminiHochberg(p);
      for (let i = 0; i < n; i++) if (sig[i]) states[t * n + i] = zt[i] > 0 ? 1 : -1;
    }
    const categories: EmergingCategory[] = [];
    for (let i = 0; i < n; i++) {
      const zs: number[] = [];
      const st: number[] = [];
      for (let t = 0; t < MONTHS; t++) {
        zs.push(naiveZ[t * n + i]);
        st.push(states[t * n + i]);
      }
      categories.push(classifyEmerging(st, mannKendall(zs)));
    }
    naiveEmergingMs = naiveGiStarMs + (performance.now() - t0);
    classesAgree = categories.every((c, i) => c === fast[i].category);
  }

  const classes: Partial<Record<EmergingCategory, number>> = {};
  for (const c of fast) classes[c.category] = (classes[c.category] ?? 0) + 1;
  const perMonthNaive = naiveGiStarMs / naiveMonths;
  const giStarRatio = perMonthNaive / (giStarMs / MONTHS);
  const emergingRatio = naiveEmergingMs === null ? null : naiveEmergingMs / emergingMs;

  log(`floor (ring sums, ${MONTHS} months): ${floorMs.toFixed(1)} ms`);
  log(`Gi* fast, ${MONTHS} months: ${giStarMs.toFixed(1)} ms (${(giStarMs / floorMs).toFixed(2)}× floor)`);
  log(
    `emerging hot spots fast (Gi* + FDR + Mann-Kendall + classes): ${emergingMs.toFixed(1)} ms (${(emergingMs / floorMs).toFixed(1)}× floor)`,
  );
  log(
    `Gi* naive O(n²), ${naiveMonths} months: ${naiveGiStarMs.toFixed(0)} ms (${perMonthNaive.toFixed(0)} ms/month; ` +
      `threshold ${threshold.toFixed(0)} m) → naive/fast per month = ${giStarRatio.toFixed(0)}×`,
  );
  if (emergingRatio !== null)
    log(`emerging hot spots naive: ${naiveEmergingMs!.toFixed(0)} ms → naive/fast = ${emergingRatio.toFixed(0)}×`);
  log(`max |z_fast − z_naive| = ${maxAbsZDiff.toExponential(2)}; classes agree: ${classesAgree ?? 'not compared'}`);
  log(
    `classes: ${Object.entries(classes)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}`,
  );
  if (sink === -1) log(''); // keeps the floor loop from being optimised away

  return {
    cells: n,
    months: MONTHS,
    studyAreaMs,
    neighbourhoodMs,
    floorMs,
    giStarMs,
    emergingMs,
    naiveMonths,
    naiveGiStarMs,
    naiveEmergingMs,
    giStarRatio,
    emergingRatio,
    maxAbsZDiff,
    classesAgree,
    classes,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) run();
