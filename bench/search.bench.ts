/**
 * Search-box benchmark (target p99 ≤ 20 ms for a 1–30 character query): the in-memory part of
 * `GET /api/search` — stations of every mode (`matchStations`), landmarks and street corners (`matchPlaces`) —
 * over queries cut from real names (every 1–30 character prefix of station, landmark and colonia names, and
 * corners "A y B" from INEGI's corner file). The areas' SQL search (`repo.searchAreas`) is not included: it needs
 * a store and is timed by the API benchmark.
 *
 * Run: `npx tsx bench/search.bench.ts`
 */
import { pathToFileURL } from 'node:url';
import { getGeocoder } from '../reference/geocoder/index.ts';
import { loadStations } from '../reference/boundaries/index.ts';
import { loadIntersections } from '../reference/streets/index.ts';
import { matchPlaces, matchStations, rankResults } from '../server/search/index.ts';

export interface SearchFigures {
  queries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  byLength: Array<{ length: string; p50Ms: number; p99Ms: number }>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;

export function run(log: (line: string) => void = console.log): SearchFigures {
  const t0 = performance.now();
  const gaz = getGeocoder().gazetteer;
  const stations = loadStations();
  log(`geocoder + gazetteer load: ${(performance.now() - t0).toFixed(0)} ms`);
  // Every prefix of a sample of real names: what a user types one key at a time.
  const names = [
    ...stations.filter((_, i) => i % 7 === 0).map((s) => s.name),
    ...gaz.pointLandmarkList.filter((_, i) => i % 5 === 0).map((l) => l.name),
    ...gaz.colonias.filter((_, i) => i % 25 === 0).map((c) => `col ${c.name.toLowerCase()}`),
    ...loadIntersections()
      .filter((_, i) => i % 150 === 0)
      .map(([a, b]) => `${a.toLowerCase()} y ${b.toLowerCase()}`),
  ];
  const queries = [
    ...new Set(names.flatMap((n) => Array.from({ length: Math.min(30, n.length) }, (_, k) => n.slice(0, k + 1)))),
  ];
  const one = (q: string) => rankResults([...matchStations(stations, q), ...matchPlaces(gaz, q, 20)], q, 20).length;
  // Warm-up: the first query builds the search indexes.
  one('hidalgo');
  const times: Array<[number, number]> = [];
  let sink = 0;
  for (const q of queries) {
    const s = performance.now();
    sink += one(q);
    times.push([q.length, performance.now() - s]);
  }
  const all = times.map(([, t]) => t).sort((a, b) => a - b);
  const byLength = [
    [1, 3],
    [4, 10],
    [11, 20],
    [21, 30],
  ].map(([lo, hi]) => {
    const t = times
      .filter(([l]) => l >= lo! && l <= hi!)
      .map(([, x]) => x)
      .sort((a, b) => a - b);
    return { length: `${lo}–${hi}`, p50Ms: percentile(t, 0.5), p99Ms: percentile(t, 0.99) };
  });
  const figures = {
    queries: queries.length,
    p50Ms: percentile(all, 0.5),
    p99Ms: percentile(all, 0.99),
    maxMs: all[all.length - 1]!,
    byLength,
  };
  log(
    `search (stations, landmarks, corners; no SQL) — ${figures.queries} queries of 1–30 characters (checksum ${sink % 997})`,
  );
  for (const b of byLength)
    log(
      `  length ${b.length.padEnd(6)} p50 ${b.p50Ms.toFixed(2).padStart(7)} ms   p99 ${b.p99Ms.toFixed(2).padStart(7)} ms`,
    );
  log(
    `  all            p50 ${figures.p50Ms.toFixed(2).padStart(7)} ms   p99 ${figures.p99Ms.toFixed(2).padStart(7)} ms   max ${figures.maxMs.toFixed(2)} ms   target p99 ≤ 20 ms: ${figures.p99Ms <= 20 ? 'met' : 'NOT met'}`,
  );
  return figures;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) run();
