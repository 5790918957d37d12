/**
 * `npm run eval:geocode` (issue 3, item 5): scores the geocoder on the shared data and prints a table.
 *
 * - News (24 real articles, corrected labels in tests/fixtures/geocode/news-annotations.ts): alcaldía
 *   accuracy over the articles with a Mexico City location; outside-CDMX precision/recall.
 * - Hand-written labelled texts (tests/fixtures/geocode/handwritten.ts), reported separately.
 * - FGJ Milpa Alta victims: `{Colonia, Alcalia}` → colonia; truth is the IECM colonia whose polygon holds
 *   the record's point (the reverse geocoder: an independent route, polygons vs names). Records without
 *   coordinates are left out. Beside it, the best any name → colonia mapping could reach.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { SHARED_DATA_DIR, readBundled } from '../reference/files/index.ts';
import { getGeocoder } from '../reference/geocoder/index.ts';
import { NEWS_LABELS } from '../tests/fixtures/geocode/news-annotations.ts';
import { HANDWRITTEN } from '../tests/fixtures/geocode/handwritten.ts';

export interface LabelledText { id: string; text: string; in_cdmx: boolean; alcaldia_id: string | null }

export function readNewsSample(): LabelledText[] {
  const raw = readFileSync(join(SHARED_DATA_DIR, 'news-sample/articles_sample.jsonl'), 'utf8');
  return raw.trim().split('\n').map((l) => {
    const r = JSON.parse(l) as { id: string; text: string };
    const label = NEWS_LABELS[r.id];
    if (!label) throw new Error(`no label for article ${r.id}`);
    return { id: r.id, text: r.text, ...label };
  });
}

export interface FgjRecord { colonia: string; alcaldia: string; lat: number | null; lon: number | null }

export function readFgjRecords(): FgjRecord[] {
  const rows = parse(readBundled('crime/fgj_victimas_milpa_alta_2016_2022.csv.gz'), {
    columns: true, skip_empty_lines: true,
  }) as Record<string, string>[];
  const num = (s: string | undefined) => (s && s.trim() !== '' && Number.isFinite(Number(s)) ? Number(s) : null);
  return rows.map((r) => ({ colonia: r.Colonia ?? '', alcaldia: r.Alcalia ?? '', lat: num(r.latitud), lon: num(r.longitud) }));
}

interface TextScore { n: number; alcaldiaCorrect: number; inCity: number; tp: number; fp: number; fn: number; pointsForOutside: number }

export function scoreTexts(items: LabelledText[]): TextScore {
  const g = getGeocoder();
  const s: TextScore = { n: items.length, alcaldiaCorrect: 0, inCity: 0, tp: 0, fp: 0, fn: 0, pointsForOutside: 0 };
  for (const it of items) {
    const r = g.geocodeText(it.text);
    const saidOutside = r.status === 'outside_cdmx';
    if (!it.in_cdmx) {
      if (saidOutside) s.tp++;
      else s.fn++;
      if (r.lat !== null && r.lon !== null && g.reverse.inCity(r.lat, r.lon)) s.pointsForOutside++;
    } else {
      s.inCity++;
      if (saidOutside) s.fp++;
      if (r.alcaldia_id === it.alcaldia_id) s.alcaldiaCorrect++;
    }
  }
  return s;
}

export interface FgjScore { evaluated: number; skipped: number; outsidePolygons: number; coloniaCorrect: number; alcaldiaCorrect: number; bestReachable: number; statuses: Record<string, number> }

export function scoreFgj(records: FgjRecord[]): FgjScore {
  const g = getGeocoder();
  const byName = new Map<string, Map<string, number>>();
  const out: FgjScore = { evaluated: 0, skipped: 0, outsidePolygons: 0, coloniaCorrect: 0, alcaldiaCorrect: 0, bestReachable: 0, statuses: {} };
  for (const rec of records) {
    // Records without coordinates are left out (issue 3, item 5); a blank colonia stays in (the geocoder
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

const pct = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);

export function main(): void {
  const t0 = performance.now();
  const g = getGeocoder();
  const buildMs = performance.now() - t0;
  const news = scoreTexts(readNewsSample());
  const hand = scoreTexts(HANDWRITTEN);
  const fgj = scoreFgj(readFgjRecords());

  // Throughput on the real texts (repeated), one core.
  const texts = readNewsSample().map((t) => t.text);
  const warm = performance.now();
  while (performance.now() - warm < 1500) for (const t of texts) g.geocodeText(t);
  let n = 0;
  const t1 = performance.now();
  const cpu0 = process.cpuUsage();
  while (performance.now() - t1 < 2000) for (const t of texts) (g.geocodeText(t), n++);
  const cpu = process.cpuUsage(cpu0);
  // Per CPU-second of this process, so a busy shared machine does not distort the figure.
  const textsPerS = n / ((cpu.user + cpu.system) / 1e6);

  const rows: Array<[string, string]> = [
    ['News: alcaldía accuracy (articles with a CDMX location)', `${news.alcaldiaCorrect}/${news.inCity} = ${pct(news.alcaldiaCorrect, news.inCity)}`],
    ['News: outside-CDMX precision', `${news.tp}/${news.tp + news.fp} = ${pct(news.tp, news.tp + news.fp)}`],
    ['News: outside-CDMX recall', `${news.tp}/${news.tp + news.fn} = ${pct(news.tp, news.tp + news.fn)}`],
    ['News: points inside the city for outside texts', String(news.pointsForOutside)],
    ['Hand-written: alcaldía accuracy (CDMX texts)', `${hand.alcaldiaCorrect}/${hand.inCity} = ${pct(hand.alcaldiaCorrect, hand.inCity)}`],
    ['Hand-written: outside-CDMX precision', `${hand.tp}/${hand.tp + hand.fp} = ${pct(hand.tp, hand.tp + hand.fp)}`],
    ['Hand-written: outside-CDMX recall', `${hand.tp}/${hand.tp + hand.fn} = ${pct(hand.tp, hand.tp + hand.fn)}`],
    ['Hand-written: points inside the city for outside texts', String(hand.pointsForOutside)],
    ['FGJ Milpa Alta: records evaluated', String(fgj.evaluated)],
    ['FGJ Milpa Alta: left out (no coordinates / point in no IECM colonia)', `${fgj.skipped} / ${fgj.outsidePolygons}`],
    ['FGJ Milpa Alta: colonia accuracy', `${fgj.coloniaCorrect}/${fgj.evaluated} = ${pct(fgj.coloniaCorrect, fgj.evaluated)}`],
    ['FGJ Milpa Alta: best reachable colonia accuracy', `${fgj.bestReachable}/${fgj.evaluated} = ${pct(fgj.bestReachable, fgj.evaluated)}`],
    ['FGJ Milpa Alta: colonia accuracy / best reachable', pct(fgj.coloniaCorrect, fgj.bestReachable)],
    ['FGJ Milpa Alta: alcaldía accuracy', `${fgj.alcaldiaCorrect}/${fgj.evaluated} = ${pct(fgj.alcaldiaCorrect, fgj.evaluated)}`],
    ['FGJ Milpa Alta: statuses', JSON.stringify(fgj.statuses)],
    ['Throughput: news texts per CPU-second (~2 KB texts)', textsPerS.toFixed(0)],
    ['Gazetteer + reverse geocoder build (ms)', buildMs.toFixed(0)],
  ];
  const w = Math.max(...rows.map((r) => r[0].length));
  console.log('| metric'.padEnd(w + 2) + ' | value |');
  console.log('|' + '-'.repeat(w + 2) + '|-------|');
  for (const [k, v] of rows) console.log(`| ${k.padEnd(w)} | ${v} |`);
}

if (import.meta.url === `file://${process.argv[1]}`) main();
