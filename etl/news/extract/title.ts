/**
 * The headline, from the strongest evidence the page offers: JSON-LD `headline`, then Open Graph,
 * then `twitter:title`, then the `<h1>` of the article, then `<title>`. Every candidate loses the
 * site-name and date parts that templates glue to it ("… | El Universal", "Site ~ 15 / 10 / 2025",
 * "… - Site"); a candidate that is nothing but the site's name and a date is no headline at all.
 * The site's names come from `og:site_name`, the JSON-LD publisher and WebSite, and the host.
 */
import { articleNodes, isStoryNode, publisherNames, type JsonObject } from './jsonld.ts';
import { collapseWhitespace, foldText, metaContent, type Doc } from './text.ts';

export type TitleMethod = 'json-ld' | 'open-graph' | 'twitter' | 'h1' | 'title';

/** Letters and digits only, accents folded: "Quadratín Hidalgo" → "quadratinhidalgo". */
function compact(s: string): string {
  return foldText(s).replace(/[^a-z0-9]/g, '');
}

/** Host labels that name no outlet (top-level and second-level domains, "www"). */
const GENERIC_HOST_LABELS = new Set([
  'www',
  'com',
  'mx',
  'org',
  'net',
  'gob',
  'edu',
  'info',
  'es',
  'co',
  'tv',
  'news',
  'online',
  'example',
  'amp',
  'm',
]);

/** The outlet's registrable name from a URL: `https://hidalgo.quadratin.com.mx/…` → "quadratin". */
export function hostSiteName(url: string | null): string | null {
  if (!url || !URL.canParse(url)) return null;
  const labels = new URL(url).hostname
    .toLowerCase()
    .split('.')
    .filter((l) => l && !GENERIC_HOST_LABELS.has(l));
  return labels[labels.length - 1] ?? null;
}

/** Every name the page gives its site, compacted, longest first. */
export function siteNames(doc: Doc, nodes: JsonObject[], pageUrl: string | null): string[] {
  const names = [
    ...metaContent(doc, 'og:site_name', 'application-name', 'apple-mobile-web-app-title'),
    ...publisherNames(nodes),
    hostSiteName(pageUrl),
  ]
    .filter((n): n is string => !!n)
    .map(compact)
    .filter((n) => n.length >= 3);
  return [...new Set(names)].sort((a, b) => b.length - a.length);
}

const MONTHS = 'enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre';
const DATE_PART = new RegExp(
  `^(?:(?:lunes|martes|miercoles|jueves|viernes|sabado|domingo),?\\s*)?(?:\\d{1,2}\\s*[/.-]\\s*\\d{1,2}\\s*[/.-]\\s*\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}\\s+de\\s+(?:${MONTHS})(?:\\s+de)?\\s+\\d{4})$`,
);
/** Chrome words some templates add around a title ("Archivo", "Inicio", "Portada"). */
const CHROME_PART = /^(archivos?|inicio|portada|home|noticias|ultimas noticias)$/;

/**
 * Whether one separated part of a title is the site's name, a date or chrome. A part is the
 * site's name when, compacted, it equals one of the site names or one contains the other with
 * little else (so "Quadratín" matches "Quadratin Hidalgo", but a headline that merely mentions
 * the outlet does not).
 */
export function isSitePart(part: string, sites: string[]): boolean {
  const c = compact(part);
  if (!c) return true;
  const f = foldText(collapseWhitespace(part));
  if (DATE_PART.test(f) || CHROME_PART.test(f)) return true;
  return sites.some(
    (s) => c === s || (c.length >= 5 && s.includes(c)) || (s.length >= 5 && c.includes(s) && c.length <= s.length + 12),
  );
}

/** Separators between a headline and its site name: " | ", " - ", " – ", " — ", " ~ ", " · ", " » ", " :: ". */
const SEPARATOR = /(\s+[|~–—·»]\s+|\s+-\s+|\s*\|\s*|\s+::\s+)/;

/**
 * Drops site-name and date parts from both ends of a title ("Headline | Site", "Site ~ date",
 * "Site - Headline"); the headline part in the middle is kept whole, separators and all.
 */
export function cleanTitle(raw: string, sites: string[]): string {
  const title = collapseWhitespace(raw)
    .replace(/[\s|~–—-]+$/, '')
    .replace(/^[\s|~–—-]+/, '');
  const parts = title.split(SEPARATOR); // odd indices are separators
  let first = 0;
  let last = parts.length - 1;
  while (last > first && isSitePart(parts[last]!, sites)) last -= 2;
  while (first < last && isSitePart(parts[first]!, sites)) first += 2;
  return parts
    .slice(first, last + 1)
    .join('')
    .trim();
}

/** A candidate that still is only the site's name or a date is not a headline. */
function isHeadline(candidate: string, sites: string[]): boolean {
  return candidate.length >= 2 && !isSitePart(candidate, sites);
}

/** `<h1>`s of the story first (inside article/main), then others outside the page header and logo. */
function headlineH1s(doc: Doc): string[] {
  const all = [...doc.querySelectorAll('h1')];
  const inStory = all.filter((h) =>
    h.closest(
      'article, main, [role="main"], [itemprop="articleBody"], [class*="post" i], [class*="article" i], [class*="nota" i]',
    ),
  );
  const elsewhere = all.filter(
    (h) => !inStory.includes(h) && !h.closest('header, nav, [class*="logo" i], [class*="brand" i]'),
  );
  return [...inStory, ...elsewhere].map((h) => collapseWhitespace(h.textContent ?? '')).filter(Boolean);
}

export interface TitleResult {
  title: string | null;
  method: TitleMethod | null;
}

export function extractTitle(doc: Doc, nodes: JsonObject[], pageUrl: string | null): TitleResult {
  const sites = siteNames(doc, nodes, pageUrl);
  const articles = articleNodes(nodes);
  const jsonLd = [...articles.map((n) => n.headline), ...articles.filter(isStoryNode).map((n) => n.name)].filter(
    (h): h is string => typeof h === 'string',
  );
  const h1s = headlineH1s(doc);
  const raw: [string, TitleMethod][] = [
    ...jsonLd.map((h) => [h, 'json-ld'] as [string, TitleMethod]),
    ...metaContent(doc, 'og:title').map((h) => [h, 'open-graph'] as [string, TitleMethod]),
    ...metaContent(doc, 'twitter:title').map((h) => [h, 'twitter'] as [string, TitleMethod]),
    ...h1s.map((h) => [h, 'h1'] as [string, TitleMethod]),
    [doc.title ?? '', 'title'],
  ];
  const candidates = raw
    .map(([c, method]) => ({ title: cleanTitle(c, sites), method }))
    .filter((c) => isHeadline(c.title, sites));
  const chosen = candidates[0];
  if (!chosen) return { title: null, method: null };
  // A structured headline cut short ("…") is completed by the visible h1 it starts.
  const stem = chosen.title.replace(/(\.\.\.|…)$/, '').trim();
  const longer = h1s.find((h) => h.length > chosen.title.length && h.startsWith(stem) && stem !== chosen.title);
  if (longer) return { title: longer, method: 'h1' };
  // A meta title that is the h1 plus a suffix the cleaning did not recognise: the h1 is the clean one.
  const h1 = h1s.find((h) => chosen.title.startsWith(h) && h.length >= 10 && h.length < chosen.title.length);
  if (h1 && chosen.method !== 'json-ld') return { title: h1, method: 'h1' };
  return chosen;
}
