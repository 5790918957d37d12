/**
 * `npm run eval:geocode`: scores the geocoder on the project's evaluation sets and prints one table.
 *
 * Sets (labels never come from the geocoder; see tests/fixtures/geocode/):
 * - Citizen, tuning / held-out: hand-written informal texts (citizen.ts), labelled by name from the
 *   data files (labels.ts); the held-out 30 % is scored but never tuned on.
 * - Citizen, held-out 2: a second hand-written held-out set (citizen-unseen.ts): corners with "esq." /
 *   "casi esquina" / "a la altura de", "frente al metro", "saliendo del metrobus", taxi plates, typos.
 * - News: the 44 real articles of ../shared/data/news-sample (24 of articles_sample.jsonl, 20 of
 *   laprensa_policiaca_2024.jsonl), labels in news-annotations.ts; texts read from the shared folder.
 * - Hand-written outside: short news-style texts, mostly outside the city (handwritten.ts).
 * - Official: FGJ Milpa Alta victims, `{Colonia, Alcalia}` → colonia; truth is the IECM colonia whose
 *   polygon holds the record's point (the reverse geocoder: polygons, not names). Records without
 *   coordinates are left out. Beside it, the best any name → colonia mapping could reach.
 * Per text set: within 1.5 km / right colonia / right alcaldía, not_found, false ok, calibration
 * (eval/geocode-score.ts); then throughput on ~2 KB texts and the gazetteer build time.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { buildReverseGeocoder } from '../geo/areas/index.ts';
import { buildGazetteer } from '../geo/gazetteer/index.ts';
import { loadBoundarySets } from '../reference/boundaries/index.ts';
import { SHARED_DATA_DIR, readBundled } from '../reference/files/index.ts';
import { gazetteerInput, getGeocoder } from '../reference/geocoder/index.ts';
import { LAPRENSA_LABELS, NEWS_LABELS, type NewsLabel } from '../tests/fixtures/geocode/news-annotations.ts';
import { HANDWRITTEN } from '../tests/fixtures/geocode/handwritten.ts';
import { CITIZEN_HELD_OUT, CITIZEN_TUNING, type CitizenText } from '../tests/fixtures/geocode/citizen.ts';
import { CITIZEN_UNSEEN } from '../tests/fixtures/geocode/citizen-unseen.ts';
import type { PlaceLabel } from '../tests/fixtures/geocode/labels.ts';
import { CONFIDENCE_BUCKETS, pct, scoreSet, type ScoredText, type SetScore } from './geocode-score.ts';

export interface LabelledText {
  id: string;
  text: string;
  in_cdmx: boolean;
  alcaldia_id: string | null;
}

function readJsonl(file: string): Array<{ id: string; text: string }> {
  return readFileSync(join(SHARED_DATA_DIR, 'news-sample', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { id: string; text: string });
}

/** The 24 articles of articles_sample.jsonl with their labels. */
export function readNewsSample(): LabelledText[] {
  return readJsonl('articles_sample.jsonl').map((r) => {
    const label = NEWS_LABELS[r.id];
    if (!label) throw new Error(`no label for article ${r.id}`);
    return { id: r.id, text: r.text, in_cdmx: label.in_cdmx, alcaldia_id: label.alcaldia_id };
  });
}

/** Whether the shared news sample is present (it is never committed). */
export const newsSampleAvailable = (): boolean =>
  existsSync(join(SHARED_DATA_DIR, 'news-sample/articles_sample.jsonl'));

function newsLabel(label: NewsLabel): PlaceLabel {
  const c = label.colonia?.resolve();
  return {
    source: c?.source ?? `alcaldia:${label.alcaldia_id ?? (label.in_cdmx ? 'several' : 'outside')}`,
    in_cdmx: label.in_cdmx,
    alcaldia_id: label.alcaldia_id,
    points: [],
    colonia_ids: c?.colonia_ids ?? [],
  };
}

/** All 44 real articles as scored texts (colonia labels where the text names an IECM colonia). */
export function newsSet(): ScoredText[] {
  const labelled = (file: string, labels: Record<string, NewsLabel>) =>
    readJsonl(file).map((r) => {
      const label = labels[r.id];
      if (!label) throw new Error(`no label for article ${r.id}`);
      return { id: r.id, text: r.text, label: newsLabel(label), states_alcaldia: false };
    });
  return [
    ...labelled('articles_sample.jsonl', NEWS_LABELS),
    ...labelled('laprensa_policiaca_2024.jsonl', LAPRENSA_LABELS),
  ];
}

export const citizenSet = (texts: CitizenText[]): ScoredText[] =>
  texts.map((t) => ({ id: t.id, text: t.text, label: t.where.resolve(), states_alcaldia: t.states_alcaldia }));

const handwrittenSet = (): ScoredText[] =>
  HANDWRITTEN.map((h) => ({
    id: h.id,
    text: h.text,
    states_alcaldia: false,
    label: {
      source: h.in_cdmx ? `alcaldia:${h.alcaldia_id}` : 'outside',
      in_cdmx: h.in_cdmx,
      alcaldia_id: h.alcaldia_id,
      points: [],
      colonia_ids: [],
    },
  }));

export interface FgjRecord {
  colonia: string;
  alcaldia: string;
  lat: number | null;
  lon: number | null;
}

export function readFgjRecords(): FgjRecord[] {
  const rows = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), {
    columns: true,
    skip_empty_lines: true,
  }) as Record<string, string>[];
  const num = (s: string | undefined) => (s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);
  return rows.map((r) => ({
    colonia: r.Colonia ?? '',
    alcaldia: r.Alcalia ?? '',
    lat: num(r.latitud),
    lon: num(r.longitud),
  }));
}

export interface FgjScore {
  evaluated: number;
  skipped: number;
  outsidePolygons: number;
  coloniaCorrect: number;
  alcaldiaCorrect: number;
  bestReachable: number;
  statuses: Record<string, number>;
}

export function scoreFgj(records: FgjRecord[]): FgjScore {
  const g = getGeocoder();
  const byName = new Map<string, Map<string, number>>();
  const out: FgjScore = {
    evaluated: 0,
    skipped: 0,
    outsidePolygons: 0,
    coloniaCorrect: 0,
    alcaldiaCorrect: 0,
    bestReachable: 0,
    statuses: {},
  };
  for (const rec of records) {
    // Records without coordinates are left out; a blank colonia stays in (the geocoder
    // can only answer at alcaldía level, and the best-reachable figure treats '' as one more name).
    if (rec.lat === null || rec.lon === null) {
      out.skipped++;
      continue;
    }
    const truthColonia = g.reverse.areaAt('colonia', null, rec.lat, rec.lon);
    const truthAlcaldia = g.reverse.areaAt('alcaldia', null, rec.lat, rec.lon);
    if (truthColonia === null) {
      out.outsidePolygons++;
      continue;
    }
    out.evaluated++;
    const r = g.geocodeStructured({ colonia: rec.colonia, alcaldia: rec.alcaldia });
    out.statuses[r.status] = (out.statuses[r.status] ?? 0) + 1;
    if (r.colonia_id === truthColonia) out.coloniaCorrect++;
    if (r.alcaldia_id === truthAlcaldia) out.alcaldiaCorrect++;
    let counts = byName.get(rec.colonia);
    if (!counts) byName.set(rec.colonia, (counts = new Map()));
    counts.set(truthColonia, (counts.get(truthColonia) ?? 0) + 1);
  }
  for (const counts of byName.values()) out.bestReachable += Math.max(...counts.values());
  return out;
}

const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} % (${a}/${b})`);

export function main(): void {
  const t0 = performance.now();
  const g = getGeocoder();
  const loadAndBuildMs = performance.now() - t0;
  // The gazetteer build alone, from data already loaded (target ≤ 2 s).
  const input = gazetteerInput(buildReverseGeocoder(loadBoundarySets()));
  const t1 = performance.now();
  buildGazetteer(input);
  const buildMs = performance.now() - t1;

  const sets: Array<[string, ScoredText[]]> = [
    ['citizen tuning', citizenSet(CITIZEN_TUNING)],
    ['citizen held-out', citizenSet(CITIZEN_HELD_OUT)],
    ['citizen held-out 2', citizenSet(CITIZEN_UNSEEN)],
    ['news (real)', newsSet()],
    ['hand-written outside', handwrittenSet()],
  ];
  const scores: Array<[string, SetScore]> = sets.map(([name, items]) => [
    name,
    scoreSet(items, g.geocodeText, g.reverse),
  ]);
  const fgj = scoreFgj(readFgjRecords());

  // Throughput on the real ~2 KB articles (repeated), one process, per CPU-second.
  const texts = readNewsSample().map((t) => t.text);
  const warm = performance.now();
  while (performance.now() - warm < 1500) for (const t of texts) g.geocodeText(t);
  let n = 0;
  const t2 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t2 < 2000)
    for (const t of texts) {
      g.geocodeText(t);
      n++;
    }
  const cpu = process.cpuUsage(cpu0);
  const textsPerS = n / ((cpu.user + cpu.system) / 1e6);

  const metric = (name: string, f: (s: SetScore) => string): string[] => [name, ...scores.map(([, s]) => f(s))];
  const bucketName = (i: number) =>
    `${i ? CONFIDENCE_BUCKETS[i - 1] : 0}–${i === CONFIDENCE_BUCKETS.length - 1 ? 1 : CONFIDENCE_BUCKETS[i]}`;
  const rows: string[][] = [
    ['metric', ...scores.map(([name]) => name)],
    metric('texts', (s) => String(s.n)),
    metric('within 1.5 km', (s) => pct(s.within)),
    metric('right colonia', (s) => pct(s.colonia)),
    metric('right alcaldía', (s) => pct(s.alcaldia)),
    metric('outside_cdmx for outside events', (s) => pct(s.outside)),
    metric('not_found', (s) => pct(s.notFound)),
    metric('false ok (wrong alcaldía, > 1.5 km, outside)', (s) => pct(s.falseOk)),
    metric('ok outside a stated alcaldía', (s) => String(s.statedViolations)),
    metric('points in the city for outside events', (s) => String(s.pointsForOutside)),
    ...CONFIDENCE_BUCKETS.map((_, i) =>
      metric(`calibration: confidence ${bucketName(i)} → right`, (s) => pct(s.calibration[i]!)),
    ),
    metric('confidence ≥ 0.8 → right (target ≥ 90 %)', (s) => pct(s.confident)),
  ];
  printTable(rows);
  console.log();
  printTable([
    ['metric', 'value'],
    ['Official (FGJ Milpa Alta): records evaluated', String(fgj.evaluated)],
    ['Official: left out (no coordinates / point in no IECM colonia)', `${fgj.skipped} / ${fgj.outsidePolygons}`],
    ['Official: colonia accuracy', ratio(fgj.coloniaCorrect, fgj.evaluated)],
    ['Official: best reachable colonia accuracy', ratio(fgj.bestReachable, fgj.evaluated)],
    ['Official: colonia accuracy / best reachable', ratio(fgj.coloniaCorrect, fgj.bestReachable)],
    ['Official: alcaldía accuracy', ratio(fgj.alcaldiaCorrect, fgj.evaluated)],
    ['Official: statuses', JSON.stringify(fgj.statuses)],
    ['Throughput: news texts (~2 KB) per CPU-second, one process', textsPerS.toFixed(0)],
    ['Gazetteer build (ms, data loaded)', buildMs.toFixed(0)],
    ['Data load + gazetteer + reverse geocoder (ms)', loadAndBuildMs.toFixed(0)],
  ]);
  if (process.argv.includes('--failures')) {
    for (const [name, s] of scores) for (const f of s.failures) console.log(`${name}\t${f.id}\t${f.status}\t${f.why}`);
  }
}

function printTable(rows: string[][]): void {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)));
  const line = (r: string[]) => `| ${r.map((v, c) => v.padEnd(widths[c]!)).join(' | ')} |`;
  console.log(line(rows[0]!));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const r of rows.slice(1)) console.log(line(r));
}

if (import.meta.url === `file://${process.argv[1]}`) main();
