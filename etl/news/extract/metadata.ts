/**
 * Article metadata from the markup publishers add for search engines and social networks:
 * schema.org JSON-LD (https://schema.org/NewsArticle), Open Graph (https://ogp.me/) and
 * `article:*` meta tags, `<link rel=canonical>` (RFC 6596), `<time datetime>`, and as a last
 * resort visible Spanish dates and bylines: in elements whose class says so, else in a date line
 * recognised by its words ("Publicado el … por …"), whatever its class.
 */
import { hasMexicoCityOffset, normalizeIsoDate, parseSpanishDate } from './dates.ts';
import { articleNodes, authorNames, type JsonObject } from './jsonld.ts';
import { bylineInDateline, collapseWhitespace, foldText, isDateline, metaContent, type Doc } from './text.ts';

export { collapseWhitespace, foldText, type Doc } from './text.ts';
export { jsonLdNodes } from './jsonld.ts';

export type AuthorMethod = 'json-ld' | 'meta' | 'byline';
export type DateMethod = 'json-ld' | 'meta' | 'time' | 'visible-text';

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

/** Newsroom placeholders ("Redacción", "Staff", the outlet's own name) are not a person's byline. */
function isPlaceholderAuthor(name: string, site: string | null): boolean {
  const f = foldText(name);
  if (/^(redaccion|staff|agencias?|corresponsales?|la redaccion|admin)\b/.test(f)) return true;
  return !!site && f.includes(foldText(site));
}

/** "Fernanda Martínez/Quadratín Hidalgo" → "Fernanda Martínez"; "Por CRISTIAN ESTEFES" → "CRISTIAN ESTEFES". */
export function cleanByline(raw: string, site: string | null): string {
  let s = collapseWhitespace(raw).replace(/^((publicado|escrito|redactado)\s+por|por|by|autor|autora)\s*:?\s+/i, '');
  const parts = s.split(/\s*[/|]\s*/);
  if (parts.length > 1 && site) {
    const siteWords = foldText(site)
      .split(/\s+/)
      .filter((w) => w.length > 3);
    const kept = parts.filter((p) => !siteWords.some((w) => foldText(p).includes(w)));
    if (kept.length > 0) s = kept.join(' / ');
  }
  return s;
}

/** Visible byline elements: class or id naming an author/byline, short text, no long prose. */
function visibleBylines(doc: Doc): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll(
    '[class*="author" i], [class*="autor" i], [class*="byline" i], [class*="firma" i], [class*="redacted" i], [rel="author"], [itemprop="author"]',
  )) {
    // Photo credits often sit in "autor-photo"-style boxes: they name the photographer, not the writer.
    if (/photo|foto|image|img|credit|avatar/i.test(el.getAttribute('class') ?? '')) continue;
    const text = collapseWhitespace(el.textContent ?? '');
    if (text.length >= 4 && text.length <= 80 && !/\d{3,}/.test(text) && !/ver perfil|autores?$/i.test(text))
      out.push(text);
  }
  return out;
}

/** Date lines of the page (`isDateline`), found by their words since their class names vary by template. */
function datelines(doc: Doc): string[] {
  const out: string[] = [];
  for (const el of doc.querySelectorAll('p, div, span, small, li, time')) {
    if (el.querySelector('p, div, li')) continue; // leaf-like blocks only
    const text = collapseWhitespace(el.textContent ?? '');
    if (isDateline(text)) out.push(text);
  }
  return out;
}

export interface Found<M> {
  value: string | null;
  method: M | null;
}

export function extractAuthor(doc: Doc, nodes: JsonObject[]): Found<AuthorMethod> {
  const site = siteName(doc);
  const tagged = (method: AuthorMethod) => (a: string) => ({ value: collapseWhitespace(a), method });
  const structured = [
    ...articleNodes(nodes)
      .flatMap((n) => authorNames(n.author, nodes))
      .map(tagged('json-ld')),
    ...metaContent(doc, 'author', 'article:author')
      .filter((a) => !/^https?:/.test(a))
      .map(tagged('meta')),
    // Yoast's "twitter:data1" is the author only when its label says so (it may be the reading time).
    ...(/escrito|written|autor|author/i.test(metaContent(doc, 'twitter:label1')[0] ?? '')
      ? metaContent(doc, 'twitter:data1')
      : []
    ).map(tagged('meta')),
  ].filter((a) => a.value.length > 0);
  const person = structured.find((a) => !isPlaceholderAuthor(a.value, site));
  if (person) return person;
  // Structured data names only the newsroom: a visible byline may name the reporter.
  const byline = visibleBylines(doc)
    .map((b) => cleanByline(b, site))
    .find((b) => b.length >= 4 && !isPlaceholderAuthor(b, site));
  if (byline) return { value: byline, method: 'byline' };
  const inDateline = datelines(doc)
    .map((d) => bylineInDateline(d))
    .find((b): b is string => b !== null && !isPlaceholderAuthor(b, site));
  if (inDateline) return { value: inDateline, method: 'byline' };
  return structured[0] ?? { value: null, method: null };
}

/**
 * Publication date, in order: JSON-LD `datePublished`, `article:published_time` (and kin), the
 * first `<time datetime>`, then the first Spanish date in the article header text. When sources
 * give the same wall-clock time with different offsets (a CMS set to the wrong zone), the one
 * that agrees with Mexico City's offset for that date wins.
 */
export function extractPublishedAt(doc: Doc, nodes: JsonObject[]): Found<DateMethod> {
  const structured = [
    ...articleNodes(nodes)
      .map((n) => n.datePublished)
      .filter((d): d is string => typeof d === 'string')
      .map((d) => ({ d, method: 'json-ld' as const })),
    ...metaContent(doc, 'article:published_time', 'datepublished', 'date', 'pubdate', 'publishdate', 'dc.date').map(
      (d) => ({ d, method: 'meta' as const }),
    ),
  ]
    .map(({ d, method }) => ({ value: normalizeIsoDate(d), method }))
    .filter((d): d is { value: string; method: 'json-ld' | 'meta' } => d.value !== null);
  if (structured.length > 0) return structured.find((d) => hasMexicoCityOffset(d.value)) ?? structured[0]!;
  for (const t of doc.querySelectorAll('time[datetime]')) {
    const iso =
      normalizeIsoDate(t.getAttribute('datetime') ?? '') ?? parseSpanishDate(t.getAttribute('datetime') ?? '');
    if (iso) return { value: iso, method: 'time' };
  }
  for (const el of doc.querySelectorAll('time, [class*="date" i], [class*="fecha" i], [itemprop="datePublished"]')) {
    const iso = parseSpanishDate(collapseWhitespace(el.textContent ?? ''));
    if (iso) return { value: iso, method: 'visible-text' };
  }
  for (const line of datelines(doc)) {
    const iso = parseSpanishDate(line);
    if (iso) return { value: iso, method: 'visible-text' };
  }
  return { value: null, method: null };
}
