/**
 * News benchmark: article pages/s through `extractArticle` and listing pages/s
 * through `findArticleLinks`, on the real saved pages in ../shared/data/news-pages (never
 * committed); and articles/s through the whole news pipeline short of the store — extract →
 * classify → geocode (with the outside-the-city cues) → dedupe (MinHash same-story check, then the
 * same-event match by `matchArticle`, named entities included, against the batch's earlier articles), as `etl/news/pipeline/process.ts`
 * does — over the 4 saved pages plus the 3 derived same-event pages (tests/support/news/derived-pages.ts).
 * The pipeline's floor is plain Readability extraction alone (linkedom parse + Readability.parse),
 * the least a reader-view extractor does. One process, one core.
 *
 * Each figure is printed beside a floor measured in the same run — parsing the same HTML into
 * a DOM with linkedom, the least any DOM-based extractor must do — so machines of different
 * speed compare by the ratio.
 * Run: `npx tsx bench/news.bench.ts`; `-- --10k` instead measures 10,000 articles fetched over HTTP from a
 * local server, pipeline against Readability alone, with peak memory (each in its own process).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { SHARED_DATA_DIR } from '../reference/files/index.ts';
import { getGeocoder } from '../reference/geocoder/index.ts';
import { classifyArticle } from '../etl/news/classify/index.ts';
import {
  contentVector,
  matchArticle,
  minhash,
  type CandidateArticle,
  type EventDescriptor,
} from '../etl/news/dedupe/index.ts';
import { namedEntities } from '../etl/news/dedupe/entities.ts';
import { extractArticle } from '../etl/news/extract/index.ts';
import { findArticleLinks } from '../etl/news/listing/index.ts';
import { sameEventFeed } from '../tests/support/news/derived-pages.ts';
import { eventDate } from '../etl/news/pipeline/incident.ts';
import { geocodingText, outsideCityCue } from '../etl/news/pipeline/process.ts';

const PAGES = join(SHARED_DATA_DIR, 'news-pages');
const ARTICLE_FILES = [
  'eluniversalhidalgoindividual.html',
  'lajornadahidalgoindividual.html',
  'lasillarotahgoindividual.html',
  'quadratinhidalgoindividual.html',
];
const LISTINGS: [file: string, baseUrl: string][] = [
  ['lasillarotahgo.html', 'https://lasillarota.com/hidalgo/'],
  ['eluniversalhidalgo.html', 'https://www.eluniversalhidalgo.com.mx/municipios/'],
  ['lajornadahidalgo.html', 'https://lajornadahidalgo.com/'],
  ['quadratinhidalgo.html', 'https://hidalgo.quadratin.com.mx/municipios/'],
  ['latinus.html', 'https://latinus.us/mexico/'],
];

/** Calls `fn` repeatedly for about `ms` after a short warm-up; returns items per second. */
function rate(fn: () => number, ms: number): number {
  const warm = performance.now();
  while (performance.now() - warm < 200) fn();
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < ms) n += fn();
  return n / ((performance.now() - t0) / 1000);
}

/**
 * One batch through extract → classify → geocode → dedupe, each article compared with the batch's
 * earlier ones (as a run compares with the stored articles of its window). Returns what it decided,
 * so the work cannot be optimised away and the result can be checked.
 */
export function pipelineBatch(pages: readonly { html: string; url: string }[]): {
  incidents: number;
  duplicates: number;
  other: number;
} {
  const candidates: CandidateArticle[] = [];
  const out = { incidents: 0, duplicates: 0, other: 0 };
  for (const page of pages) out[pipelineStep(page, candidates)]++;
  return out;
}

/** One article through extract → classify → geocode → dedupe against `candidates`, which it then joins. */
function pipelineStep(
  page: { html: string; url: string },
  candidates: CandidateArticle[],
): 'incidents' | 'duplicates' | 'other' {
  const g = getGeocoder();
  const article = extractArticle(page.html, { source: page.url });
  const c = classifyArticle({ title: article.title, text: article.text, publishedAt: article.published_at });
  const text = `${article.title ?? ''}\n${article.text}`;
  const geo = g.geocodeText(geocodingText(article.title, article.text));
  const outside =
    geo.status === 'outside_cdmx' ||
    outsideCityCue(article.url || page.url, article.text, (t) => g.geocodeText(t)) !== null;
  const report = !outside && c.kind === 'incident' && c.primary !== null;
  const event: EventDescriptor = {
    date: eventDate(c, article.published_at, '2025-10-15T00:00:00Z'),
    categories: c.categories,
    place: {
      lat: geo.lat,
      lon: geo.lon,
      colonia_id: geo.colonia_id,
      alcaldia_id: geo.alcaldia_id,
      precision: geo.precision,
    },
    vector: contentVector(text),
    entities: namedEntities(text),
  };
  const candidate: CandidateArticle = {
    signature: minhash(article.text),
    isIncident: report && geo.status === 'ok',
    event,
  };
  // the pipeline's matcher: a near-copy of any earlier article, else the same event as an earlier incident report
  const match = matchArticle(candidate.signature, report ? event : null, candidates);
  candidates.push(candidate);
  if (match) return 'duplicates';
  return candidate.isIncident ? 'incidents' : 'other';
}

export interface NewsBenchFigures {
  pipelineArticlesPerS: number;
  readabilityFloorPerS: number;
  articlePagesPerS: number;
  articleMBPerS: number;
  articleParseFloorPerS: number;
  listingPagesPerS: number;
  listingParseFloorPerS: number;
  meanArticlePageKB: number;
}

export function run(): NewsBenchFigures {
  const articles = ARTICLE_FILES.map((f) => readFileSync(join(PAGES, f), 'utf8'));
  const listings = LISTINGS.map(([f, base]) => [readFileSync(join(PAGES, f), 'utf8'), base] as const);
  const articleBytes = articles.reduce((s, h) => s + Buffer.byteLength(h), 0);
  const derived = sameEventFeed();
  const pipelinePages = [
    ...articles.map((html, i) => ({ html, url: `https://bench.invalid/${ARTICLE_FILES[i]}` })),
    ...Object.entries(derived.extraPages).map(([path, html]) => ({ html, url: `https://bench.invalid${path}` })),
  ];
  // Built before timing (the first call builds the gazetteer); and what one batch decides, as a check.
  const decided = pipelineBatch(pipelinePages);

  // Interleaved rounds, so a busy machine slows the measured code and its floor alike.
  const rounds = 4;
  let articlePagesPerS = 0;
  let articleParseFloorPerS = 0;
  let listingPagesPerS = 0;
  let listingParseFloorPerS = 0;
  let pipelineArticlesPerS = 0;
  let readabilityFloorPerS = 0;
  for (let round = 0; round < rounds; round++) {
    pipelineArticlesPerS +=
      rate(() => {
        pipelineBatch(pipelinePages);
        return pipelinePages.length;
      }, 1500) / rounds;
    readabilityFloorPerS +=
      rate(() => {
        for (const p of pipelinePages) new Readability(parseHTML(p.html).document as unknown as Document).parse();
        return pipelinePages.length;
      }, 750) / rounds;
    articlePagesPerS +=
      rate(() => {
        for (const html of articles) extractArticle(html, { source: 'bench' });
        return articles.length;
      }, 1500) / rounds;
    articleParseFloorPerS +=
      rate(() => {
        for (const html of articles) parseHTML(html);
        return articles.length;
      }, 750) / rounds;
    listingPagesPerS +=
      rate(() => {
        for (const [html, base] of listings) findArticleLinks(html, base);
        return listings.length;
      }, 750) / rounds;
    listingParseFloorPerS +=
      rate(() => {
        for (const [html] of listings) parseHTML(html);
        return listings.length;
      }, 500) / rounds;
  }
  const meanArticlePageKB = articleBytes / articles.length / 1024;
  const articleMBPerS = (articlePagesPerS * meanArticlePageKB) / 1024;
  const figures = {
    pipelineArticlesPerS,
    readabilityFloorPerS,
    articlePagesPerS,
    articleMBPerS,
    articleParseFloorPerS,
    listingPagesPerS,
    listingParseFloorPerS,
    meanArticlePageKB,
  };

  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log(`article pages (${ARTICLE_FILES.length} saved, mean ${meanArticlePageKB.toFixed(0)} KB)`);
  console.log(
    `  extractArticle                       ${f(articlePagesPerS)} pages/s  (${articleMBPerS.toFixed(2)} MB/s)`,
  );
  console.log(
    `  floor: linkedom parse only           ${f(articleParseFloorPerS)} pages/s  extract/floor: ${(articlePagesPerS / articleParseFloorPerS).toFixed(2)}`,
  );
  console.log(
    `pipeline (${pipelinePages.length} pages: ${ARTICLE_FILES.length} saved + ${pipelinePages.length - ARTICLE_FILES.length} derived; one batch → ${JSON.stringify(decided)})`,
  );
  console.log(`  extract→classify→geocode→dedupe      ${f(pipelineArticlesPerS)} articles/s`);
  console.log(
    `  floor: Readability alone             ${f(readabilityFloorPerS)} pages/s  pipeline/floor: ${(pipelineArticlesPerS / readabilityFloorPerS).toFixed(2)}`,
  );
  console.log(`listing pages (${LISTINGS.length} saved)`);
  console.log(`  findArticleLinks                     ${f(listingPagesPerS)} pages/s`);
  console.log(
    `  floor: linkedom parse only           ${f(listingParseFloorPerS)} pages/s  links/floor: ${(listingPagesPerS / listingParseFloorPerS).toFixed(2)}`,
  );
  return figures;
}

// --- 10,000 articles: throughput and memory, fetched over HTTP from a local server ---

/** Articles in the memory run (`NEWS_BENCH_ARTICLES` overrides, for a quick smoke run). */
export const TEN_K = Number(process.env.NEWS_BENCH_ARTICLES ?? 10_000);
/** Articles a run compares each new one with: the store's ±7-day window at ~30 CDMX crime articles a day. */
const WINDOW_ARTICLES = 420;

interface TenKFigures {
  mode: string;
  articles: number;
  seconds: number;
  perS: number;
  peakRssMB: number;
  heapUsedMB: number;
  rssSamplesMB: number[];
  decided: Record<string, number>;
}

/**
 * One mode in this process: fetch `TEN_K` article URLs from the local news server (the 4 saved pages
 * and 3 derived ones, cycled under distinct paths), then either the pipeline (extract → classify →
 * geocode → dedupe against a sliding window of earlier articles) or Readability alone on each page.
 * Memory is sampled every 250 articles; the store is not part of this figure.
 */
async function tenKMode(mode: 'pipeline' | 'readability'): Promise<TenKFigures> {
  const { startNewsServer } = await import('../tests/support/news/local-news-server.ts');
  const derived = sameEventFeed();
  const bodies = [
    ...ARTICLE_FILES.map((f) => readFileSync(join(PAGES, f), 'utf8')),
    ...Object.values(derived.extraPages),
  ];
  const extraPages: Record<string, string> = {};
  for (let i = 0; i < TEN_K; i++) extraPages[`/a/${i}`] = bodies[i % bodies.length]!;
  const server = await startNewsServer({ articles: [], extraPages });
  if (mode === 'pipeline') getGeocoder(); // the gazetteer is built before timing
  let candidates: CandidateArticle[] = [];
  const decided: Record<string, number> = {};
  let peakRss = 0;
  const rssSamples: number[] = [];
  const t0 = performance.now();
  try {
    for (let i = 0; i < TEN_K; i++) {
      const url = `${server.origin}/a/${i}`;
      const html = await (await fetch(url)).text();
      if (mode === 'pipeline') {
        if (candidates.length >= 2 * WINDOW_ARTICLES) candidates = candidates.slice(-WINDOW_ARTICLES);
        const k = pipelineStep({ html, url }, candidates);
        decided[k] = (decided[k] ?? 0) + 1;
      } else {
        const r = new Readability(parseHTML(html).document as unknown as Document).parse();
        decided[r ? 'parsed' : 'empty'] = (decided[r ? 'parsed' : 'empty'] ?? 0) + 1;
      }
      if (i % 250 === 0) {
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
        rssSamples.push(Math.round(process.memoryUsage().rss / 2 ** 20));
      }
    }
  } finally {
    await server.close();
  }
  const seconds = (performance.now() - t0) / 1000;
  const mem = process.memoryUsage();
  peakRss = Math.max(peakRss, mem.rss);
  return {
    mode,
    articles: TEN_K,
    seconds,
    perS: TEN_K / seconds,
    peakRssMB: peakRss / 2 ** 20,
    heapUsedMB: mem.heapUsed / 2 ** 20,
    rssSamplesMB: rssSamples,
    decided,
  };
}

/** Both modes, each in its own process so that one's memory does not show in the other's figure. */
function runTenK(): void {
  for (const mode of ['readability', 'pipeline'] as const) {
    const child = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--10k-mode', mode], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const f = JSON.parse(child.stdout.trim().split('\n').pop()!) as TenKFigures;
    console.log(
      `${TEN_K} articles fetched from a local server → ${mode === 'pipeline' ? 'extract→classify→geocode→dedupe' : 'Readability alone            '}  ${f.perS.toFixed(1).padStart(7)} articles/s  ${f.seconds.toFixed(0)} s  peak RSS ${f.peakRssMB.toFixed(0)} MB  heap at end ${f.heapUsedMB.toFixed(0)} MB  ${JSON.stringify(f.decided)}`,
    );
    console.log(`  RSS every 250 articles (MB): ${f.rssSamplesMB.join(' ')}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const mode = process.argv[process.argv.indexOf('--10k-mode') + 1];
  if (process.argv.includes('--10k-mode'))
    void tenKMode(mode as 'pipeline' | 'readability').then((f) => console.log(JSON.stringify(f)));
  else if (process.argv.includes('--10k')) runTenK();
  else run();
}
