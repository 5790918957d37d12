/**
 * Is this page one story or a listing of stories (a section front, a tag page, a home page)?
 *
 * Evidence, strongest first:
 *   1. JSON-LD: a NewsArticle-like node says "article"; a CollectionPage / ItemList /
 *      SearchResultsPage without one says "listing";
 *   2. structure: a story has a run of prose paragraphs under one parent (its body); a listing
 *      has many teaser links (article URLs, judged by `etl/news/listing`) and at most one short
 *      paragraph per card. `og:type` "website" lowers the number of teasers needed.
 * A page with neither prose nor teasers counts as an article, and body extraction decides.
 */
import { articleLinksIn } from '../listing/index.ts';
import { hasListingNode, isStoryNode, type JsonObject } from './jsonld.ts';
import { collapseWhitespace, metaContent, type Doc } from './text.ts';

export type PageKind = 'article' | 'listing';

export interface PageKindResult {
  kind: PageKind;
  /** Which evidence decided: `json-ld`, `prose`, `teasers` or `default`. */
  evidence: 'json-ld' | 'prose' | 'teasers' | 'default';
  /** Article links found on the page (by `etl/news/listing`). */
  teasers: number;
}

/** A body: at least this many prose paragraphs under one parent, with this much text. */
const BODY_PARAGRAPHS = 3;
const BODY_CHARS = 500;
/** A listing: at least this many teaser links (fewer when `og:type` says "website"). */
const LISTING_TEASERS = 8;
const WEBSITE_TEASERS = 5;

/** Text of `el` outside links, and inside them. */
function ownAndLinkedText(el: Element): { own: number; linked: number } {
  const total = collapseWhitespace(el.textContent ?? '').length;
  let linked = 0;
  for (const a of el.querySelectorAll('a')) linked += collapseWhitespace(a.textContent ?? '').length;
  return { own: total - linked, linked };
}

/**
 * The largest run of prose under one element: paragraphs of ≥ 40 characters that are mostly not
 * link text, grouped by parent, and by grandparent when the parent only wraps the paragraph
 * (themes wrap each body paragraph in a div; a teaser card also holds its headline, so its
 * paragraph stays its own). A holder whose text is mostly links is a list of headlines with
 * teasers, not a body.
 */
export function largestProseCluster(doc: Doc): { paragraphs: number; chars: number } {
  const groups = new Map<Element, { paragraphs: number; chars: number }>();
  const add = (holder: Element, own: number) => {
    const g = groups.get(holder) ?? { paragraphs: 0, chars: 0 };
    g.paragraphs++;
    g.chars += own;
    groups.set(holder, g);
  };
  for (const p of doc.querySelectorAll('p')) {
    const { own, linked } = ownAndLinkedText(p);
    if (own < 40 || linked > own) continue;
    const parent = p.parentElement;
    if (!parent) continue;
    add(parent, own);
    const grandparent = parent.parentElement;
    if (grandparent && collapseWhitespace(parent.textContent ?? '').length <= own + linked + 20) add(grandparent, own);
  }
  let best = { paragraphs: 0, chars: 0 };
  for (const [holder, g] of groups) {
    if (g.chars <= best.chars) continue;
    const { own, linked } = ownAndLinkedText(holder);
    if (linked > 0.4 * (own + linked)) continue;
    best = g;
  }
  return best;
}

/** Where relative links are resolved from: the canonical URL, else the fetch URL, else the commonest link host. */
export function linkBase(doc: Doc, canonical: string | null, source: string): string {
  if (canonical) return canonical;
  if (/^https?:\/\//i.test(source) && URL.canParse(source)) return source;
  const hosts = new Map<string, number>();
  for (const a of doc.querySelectorAll('a[href^="http"]')) {
    const href = a.getAttribute('href') ?? '';
    if (URL.canParse(href)) {
      const origin = new URL(href).origin;
      hosts.set(origin, (hosts.get(origin) ?? 0) + 1);
    }
  }
  const top = [...hosts].sort((a, b) => b[1] - a[1])[0];
  return top ? `${top[0]}/` : 'http://localhost/';
}

/** Decides the page kind; call before body extraction, which rewrites the document. */
export function pageKind(doc: Doc, nodes: JsonObject[], base: string): PageKindResult {
  const teasers = articleLinksIn(doc, base).length;
  if (nodes.some(isStoryNode)) return { kind: 'article', evidence: 'json-ld', teasers };
  if (hasListingNode(nodes)) return { kind: 'listing', evidence: 'json-ld', teasers };
  const cluster = largestProseCluster(doc);
  if (cluster.paragraphs >= BODY_PARAGRAPHS && cluster.chars >= BODY_CHARS)
    return { kind: 'article', evidence: 'prose', teasers };
  const website = metaContent(doc, 'og:type')[0]?.toLowerCase() === 'website';
  if (teasers >= (website ? WEBSITE_TEASERS : LISTING_TEASERS))
    return { kind: 'listing', evidence: 'teasers', teasers };
  return { kind: 'article', evidence: 'default', teasers };
}
