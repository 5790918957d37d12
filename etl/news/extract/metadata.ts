/**
 * Article metadata from the markup publishers add for search engines and social networks:
 * schema.org JSON-LD (https://schema.org/NewsArticle), Open Graph (https://ogp.me/) and
 * `article:*` meta tags, `<link rel=canonical>` (RFC 6596), `<time datetime>`, and as a last
 * resort visible Spanish dates and bylines.
 */
import { hasMexicoCityOffset, normalizeIsoDate, parseSpanishDate } from './dates.ts';
import { foldForSearch } from '../../../geo/text/index.ts';

/** The minimal DOM surface we use (linkedom's Document satisfies it). */
export type Doc = Document;

type JsonObject = Record<string, unknown>;

export function collapseWhitespace(s: string): string {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** Removes accents and case, so "Quadratín" and "Quadratin" compare equal. */
export function foldText(s: string): string {
  return foldForSearch(s);
}

function metaContent(doc: Doc, ...keys: string[]): string[] {
  const out: string[] = [];
  for (const m of doc.querySelectorAll('meta')) {
    const key = (m.getAttribute('property') ?? m.getAttribute('name') ?? m.getAttribute('itemprop') ?? '').toLowerCase();
    const content = m.getAttribute('content');
    if (content && keys.includes(key)) out.push(collapseWhitespace(content));
  }
  return out;
}

/** Every JSON object in the page's JSON-LD blocks, `@graph` arrays flattened. Broken blocks are skipped. */
export function jsonLdNodes(doc: Doc): JsonObject[] {
  const nodes: JsonObject[] = [];
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit);
    else if (v && typeof v === 'object') {
      nodes.push(v as JsonObject);
      const graph = (v as JsonObject)['@graph'];
      if (graph) visit(graph);
    }
  };
  for (const s of doc.querySelectorAll('script[type="application/ld+json"]')) {
    try {
      visit(JSON.parse(s.textContent ?? ''));
    } catch {
      // Publishers ship malformed JSON-LD now and then; the other sources still apply.
    }
  }
  return nodes;
}

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|LiveBlogPosting|WebPage)$/;

function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** Article-like nodes first (NewsArticle before WebPage), so their fields win. */
function articleNodes(nodes: JsonObject[]): JsonObject[] {
  const rank = (n: JsonObject) => (typesOf(n).some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t)) ? 0 : 1);
  return nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))).sort((a, b) => rank(a) - rank(b));
}

export function canonicalUrl(doc: Doc): string | null {
  const link = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const og = metaContent(doc, 'og:url')[0];
  const candidate = link || og;
  if (!candidate) return null;
  try {
    return new URL(candidate).href;
  } catch {
    return null; // a relative canonical with no base is not usable
  }
}

export function siteName(doc: Doc): string | null {
  return metaContent(doc, 'og:site_name')[0] ?? null;
}

/**
 * Drops a " | Site", " - Site" or " – Site" suffix when the part after the separator is the
 * outlet's name (og:site_name, or a word of it, compared without accents).
 */
export function cleanTitle(raw: string, site: string | null): string {
  const title = collapseWhitespace(raw);
  const m = /^(.*\S)\s+[|\-–—:]\s+([^|\-–—]{2,60})$/.exec(title);
  if (!m) return title;
  const suffix = foldText(m[2]!);
  const siteWords = site ? foldText(site).split(/\s+/).filter((w) => w.length > 3) : [];
  if (site && (suffix === foldText(site) || siteWords.some((w) => suffix.includes(w)))) return m[1]!;
  return title;
}

export function extractTitle(doc: Doc, nodes: JsonObject[]): string | null {
  const site = siteName(doc);
  const h1s = [...doc.querySelectorAll('h1')].map((h) => collapseWhitespace(h.textContent ?? '')).filter(Boolean);
  const headline = articleNodes(nodes).map((n) => n.headline ?? n.name).find((h): h is string => typeof h === 'string');
  const candidates = [...metaContent(doc, 'og:title', 'twitter:title'), headline, h1s[0], doc.title]
    .filter((c): c is string => !!c && collapseWhitespace(c).length > 0)
    .map((c) => cleanTitle(c, site));
  if (candidates.length === 0) return null;
  // The h1 is what readers see; when a meta title is the h1 plus a suffix, the h1 is the clean one.
  const first = candidates[0]!;
  const h1 = h1s.find((h) => first.startsWith(h) && h.length >= 10);
  return h1 ?? first;
}

function authorNames(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(authorNames);
  if (v && typeof v === 'object' && typeof (v as JsonObject).name === 'string') return [(v as JsonObject).name as string];
  return [];
}

/** Newsroom placeholders ("Redacción", "Staff", the outlet's own name) are not a person's byline. */
function isPlaceholderAuthor(name: string, site: string | null): boolean {
  const f = foldText(name);
  if (/^(redaccion|staff|agencias?|corresponsales?|la redaccion|admin)\b/.test(f)) return true;
  return !!site && f.includes(foldText(site));
}

/** "Fernanda Martínez/Quadratín Hidalgo" → "Fernanda Martínez"; "Por CRISTIAN ESTEFES" → "CRISTIAN ESTEFES". */
export function cleanByline(raw: string, site: string | null): string {
  let s = collapseWhitespace(raw).replace(/^(por|by|escrito por)\s*:?\s+/i, '');
  const parts = s.split(/\s*[/|]\s*/);
  if (parts.length > 1 && site) {
    const siteWords = foldText(site).split(/\s+/).filter((w) => w.length > 3);
    const kept = parts.filter((p) => !siteWords.some((w) => foldText(p).includes(w)));
    if (kept.length > 0) s = kept.join(' / ');
  }
  return s;
}

/** Visible byline elements: class or id naming an author/byline, short text, no long prose. */
function visibleBylines(doc: Doc): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('[class*="author" i], [class*="autor" i], [class*="byline" i], [class*="firma" i], [class*="redacted" i], [rel="author"], [itemprop="author"]')) {
    // Photo credits often sit in "autor-photo"-style boxes: they name the photographer, not the writer.
    if (/photo|foto|image|img|credit|avatar/i.test(el.getAttribute('class') ?? '')) continue;
    const text = collapseWhitespace(el.textContent ?? '');
    if (text.length >= 4 && text.length <= 80 && !/\d{3,}/.test(text) && !/ver perfil|autores?$/i.test(text)) out.push(text);
  }
  return out;
}

export function extractAuthor(doc: Doc, nodes: JsonObject[]): string | null {
  const site = siteName(doc);
  const structured = [
    ...articleNodes(nodes).flatMap((n) => authorNames(n.author)),
    ...metaContent(doc, 'author', 'article:author').filter((a) => !/^https?:/.test(a)),
    // Yoast's "twitter:data1" is the author only when its label says so (it may be the reading time).
    ...(/escrito|written|autor|author/i.test(metaContent(doc, 'twitter:label1')[0] ?? '') ? metaContent(doc, 'twitter:data1') : []),
  ].map((a) => collapseWhitespace(a)).filter((a) => a.length > 0);
  const person = structured.find((a) => !isPlaceholderAuthor(a, site));
  if (person) return person;
  // Structured data names only the newsroom: a visible byline may name the reporter.
  const byline = visibleBylines(doc).map((b) => cleanByline(b, site)).find((b) => b.length >= 4 && !isPlaceholderAuthor(b, site));
  return byline ?? structured[0] ?? null;
}

/**
 * Publication date, in order: JSON-LD `datePublished`, `article:published_time` (and kin), the
 * first `<time datetime>`, then the first Spanish date in the article header text. When sources
 * give the same wall-clock time with different offsets (a CMS set to the wrong zone), the one
 * that agrees with Mexico City's offset for that date wins.
 */
export function extractPublishedAt(doc: Doc, nodes: JsonObject[]): string | null {
  const structured = [
    ...articleNodes(nodes).map((n) => n.datePublished).filter((d): d is string => typeof d === 'string'),
    ...metaContent(doc, 'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date'),
  ].map(normalizeIsoDate).filter((d): d is string => d !== null);
  if (structured.length > 0) return structured.find(hasMexicoCityOffset) ?? structured[0]!;
  for (const t of doc.querySelectorAll('time[datetime]')) {
    const iso = normalizeIsoDate(t.getAttribute('datetime') ?? '') ?? parseSpanishDate(t.getAttribute('datetime') ?? '');
    if (iso) return iso;
  }
  for (const el of doc.querySelectorAll('time, [class*="date" i], [class*="fecha" i], [itemprop="datePublished"]')) {
    const iso = parseSpanishDate(collapseWhitespace(el.textContent ?? ''));
    if (iso) return iso;
  }
  return null;
}
