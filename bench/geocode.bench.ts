/**
 * Geocoder benchmark: free-text geocodes/s on ~2 KB articles, structured records/s,
 * gazetteer build time. One process, one core. Texts are built in memory from the real news sample
 * (../shared/data, never committed); structured records are the FGJ Milpa Alta rows.
 *
 * Rates are per CPU-second of this process (the machine may be shared). Figures are printed beside a floor measured in the same run (folding + tokenising the same texts, the
 * least any text geocoder must do) and beside the targets, so machines of different speed compare.
 * Run: `npx tsx bench/geocode.bench.ts`.
 */
import { buildReverseGeocoder } from '../geo/areas/index.ts';
import { buildGazetteer, fold, tokenize } from '../geo/gazetteer/index.ts';
import { decideColonia, idfWeights, rankColonias } from '../geo/geocode/index.ts';
import { loadBoundarySets } from '../reference/boundaries/index.ts';
import { gazetteerInput, getGeocoder } from '../reference/geocoder/index.ts';
import { readFgjRecords, readNewsSample } from '../eval/geocode.ts';

/** CPU seconds used by this process (user + system): rates per CPU-second hold on a shared, busy machine. */
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

/** Calls `fn` repeatedly for about `ms` of wall time after a warm-up; returns items per CPU-second. */
function rate(fn: () => number, ms = 1500): number {
  const warm = performance.now();
  while (performance.now() - warm < 100) fn();
  let n = 0;
  const t0 = performance.now();
  const c0 = cpuSeconds();
  while (performance.now() - t0 < ms) n += fn();
  return n / Math.max(1e-6, cpuSeconds() - c0);
}

/** ~2 KB articles: the real texts, each padded with the next one's opening up to 2,000 characters. */
function articles(): string[] {
  const texts = readNewsSample().map((a) => a.text);
  return texts.map((t, i) =>
    t.length >= 2000 ? t.slice(0, 2000) : (t + '\n' + texts[(i + 1) % texts.length]).slice(0, 2000),
  );
}

export interface GeocodeBenchFigures {
  gazetteerBuildMs: number;
  fullBuildMs: number;
  textsPerS: number;
  tokeniseFloorPerS: number;
  structuredPerS: number;
  structuredUncachedPerS: number;
}

export function run(): GeocodeBenchFigures {
  const t0 = performance.now();
  const geocoder = getGeocoder();
  const fullBuildMs = performance.now() - t0;

  // Gazetteer alone (representative points are cached by the reverse geocoder, so this is the index build).
  const reverse = buildReverseGeocoder(loadBoundarySets());
  const input = gazetteerInput(reverse);
  const t1 = performance.now();
  const gaz = buildGazetteer(input);
  const gazetteerBuildMs = performance.now() - t1;

  const docs = articles();
  // Interleaved short slices, so a busy machine slows the geocoder and its floor alike.
  let textsPerS = 0;
  let tokeniseFloorPerS = 0;
  for (let round = 0; round < 8; round++) {
    textsPerS +=
      rate(() => {
        for (const d of docs) geocoder.geocodeText(d);
        return docs.length;
      }, 250) / 8;
    tokeniseFloorPerS +=
      rate(() => {
        for (const d of docs) tokenize(d, fold(d));
        return docs.length;
      }, 250) / 8;
  }

  const records = readFgjRecords().map((r) => ({ colonia: r.colonia, alcaldia: r.alcaldia }));
  const structuredPerS = rate(() => {
    for (const r of records) geocoder.geocodeStructured(r);
    return records.length;
  });
  // Without the per-name cache: every record ranks the colonias of its alcaldía.
  const idf = idfWeights(gaz.colonias);
  const alcaldiaId = '09009';
  const structuredUncachedPerS = rate(() => {
    for (let i = 0; i < 500; i++) decideColonia(rankColonias(gaz, idf, records[i]!.colonia, alcaldiaId));
    return 500;
  });

  const figures = {
    gazetteerBuildMs,
    fullBuildMs,
    textsPerS,
    tokeniseFloorPerS,
    structuredPerS,
    structuredUncachedPerS,
  };
  const f = (x: number) => x.toFixed(0).padStart(10);
  console.log(`gazetteer build (indexes only)          ${f(gazetteerBuildMs)} ms`);
  console.log(`geocoder ready (load + reverse + gaz.)   ${f(fullBuildMs)} ms`);
  console.log(
    `free text, ~2 KB articles               ${f(textsPerS)} texts/s   target 2,000: ×${(textsPerS / 2000).toFixed(2)}`,
  );
  console.log(
    `  floor: fold + tokenise only           ${f(tokeniseFloorPerS)} texts/s   geocode/floor: ${(textsPerS / tokeniseFloorPerS).toFixed(2)}`,
  );
  console.log(`structured FGJ records (cached names)   ${f(structuredPerS)} records/s`);
  console.log(`structured, uncached ranking            ${f(structuredUncachedPerS)} records/s`);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) run();
