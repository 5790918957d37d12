/**
 * News extraction benchmark (issue 4, item 8, extraction part): article pages/s through
 * `extractArticle` and listing pages/s through `findArticleLinks`, on the real saved pages in
 * ../shared/data/news-pages (never committed). One process, one core.
 *
 * Each figure is printed beside a floor measured in the same run — parsing the same HTML into
 * a DOM with linkedom, the least any DOM-based extractor must do — so machines of different
 * speed compare by the ratio.
 * Run: `npx tsx bench/news.bench.ts`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { SHARED_DATA_DIR } from '../etl/files/index.ts';
import { extractArticle } from '../etl/news/extract/index.ts';
import { findArticleLinks } from '../etl/news/listing/index.ts';

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

export interface NewsBenchFigures {
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

  // Interleaved rounds, so a busy machine slows the measured code and its floor alike.
  const rounds = 4;
  let articlePagesPerS = 0;
  let articleParseFloorPerS = 0;
  let listingPagesPerS = 0;
  let listingParseFloorPerS = 0;
  for (let round = 0; round < rounds; round++) {
    articlePagesPerS += rate(() => {
      for (const html of articles) extractArticle(html, { source: 'bench' });
      return articles.length;
    }, 1500) / rounds;
    articleParseFloorPerS += rate(() => {
      for (const html of articles) parseHTML(html);
      return articles.length;
    }, 750) / rounds;
    listingPagesPerS += rate(() => {
      for (const [html, base] of listings) findArticleLinks(html, base);
      return listings.length;
    }, 750) / rounds;
    listingParseFloorPerS += rate(() => {
      for (const [html] of listings) parseHTML(html);
      return listings.length;
    }, 500) / rounds;
  }
  const meanArticlePageKB = articleBytes / articles.length / 1024;
  const articleMBPerS = (articlePagesPerS * meanArticlePageKB) / 1024;
  const figures = { articlePagesPerS, articleMBPerS, articleParseFloorPerS, listingPagesPerS, listingParseFloorPerS, meanArticlePageKB };

  const f = (x: number, d = 1) => x.toFixed(d).padStart(8);
  console.log(`article pages (${ARTICLE_FILES.length} saved, mean ${meanArticlePageKB.toFixed(0)} KB)`);
  console.log(`  extractArticle                       ${f(articlePagesPerS)} pages/s  (${articleMBPerS.toFixed(2)} MB/s)`);
  console.log(`  floor: linkedom parse only           ${f(articleParseFloorPerS)} pages/s  extract/floor: ${(articlePagesPerS / articleParseFloorPerS).toFixed(2)}`);
  console.log(`listing pages (${LISTINGS.length} saved)`);
  console.log(`  findArticleLinks                     ${f(listingPagesPerS)} pages/s`);
  console.log(`  floor: linkedom parse only           ${f(listingParseFloorPerS)} pages/s  links/floor: ${(listingPagesPerS / listingParseFloorPerS).toFixed(2)}`);
  return figures;
}

if (import.meta.url === `file://${process.argv[1]}`) run();
