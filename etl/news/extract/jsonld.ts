/**
 * schema.org JSON-LD (https://schema.org/NewsArticle, JSON-LD 1.1 `@graph` and `@id` references)
 * as publishers embed it for search engines. Written here rather than with a JSON-LD processor:
 * we need four properties of one node, not RDF expansion, and pages often ship JSON that a strict
 * processor rejects (a broken block is skipped, the others still count).
 */
import { flatTextParagraphs } from './flat-text.ts';

export type JsonObject = Record<string, unknown>;

/** Every JSON object in the page's JSON-LD blocks, `@graph` arrays flattened. Broken blocks are skipped. */
export function jsonLdNodes(doc: Document): JsonObject[] {
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

const ARTICLE_TYPES =
  /^(NewsArticle|Article|ReportageNewsArticle|ReportageNews|AnalysisNewsArticle|BlogPosting|OpinionNewsArticle|LiveBlogPosting|BackgroundNewsArticle|WebPage)$/;
/** Page types that list other pages rather than tell one story. */
const LISTING_TYPES = /^(CollectionPage|ItemList|SearchResultsPage)$/;

export function typesOf(node: JsonObject): string[] {
  const t = node['@type'];
  return (Array.isArray(t) ? t : [t]).filter((x): x is string => typeof x === 'string');
}

/** A node typed as an article proper (not the generic WebPage). */
export function isStoryNode(node: JsonObject): boolean {
  return typesOf(node).some((t) => t !== 'WebPage' && ARTICLE_TYPES.test(t));
}

/** Article-like nodes first (NewsArticle before WebPage), so their fields win. */
export function articleNodes(nodes: JsonObject[]): JsonObject[] {
  const rank = (n: JsonObject) => (isStoryNode(n) ? 0 : 1);
  return nodes.filter((n) => typesOf(n).some((t) => ARTICLE_TYPES.test(t))).sort((a, b) => rank(a) - rank(b));
}

/** Whether the page declares itself a collection (CollectionPage, ItemList, search results). */
export function hasListingNode(nodes: JsonObject[]): boolean {
  return nodes.some((n) => typesOf(n).some((t) => LISTING_TYPES.test(t)));
}

/** Follows a `{"@id": …}` reference to the node that carries it, when the page has one. */
function resolve(ref: unknown, nodes: JsonObject[]): unknown {
  if (!ref || typeof ref !== 'object' || Array.isArray(ref)) return ref;
  const id = (ref as JsonObject)['@id'];
  if (typeof id !== 'string' || Object.keys(ref).length > 1) return ref;
  return nodes.find((n) => n !== ref && n['@id'] === id) ?? ref;
}

/** Names the page gives its outlet: the article's publisher and the WebSite node. */
export function publisherNames(nodes: JsonObject[]): string[] {
  const names: string[] = [];
  for (const n of articleNodes(nodes)) {
    const publisher = resolve(n.publisher, nodes);
    for (const p of Array.isArray(publisher) ? publisher : [publisher]) {
      const name = (resolve(p, nodes) as JsonObject | undefined)?.name;
      if (typeof name === 'string') names.push(name);
    }
  }
  for (const n of nodes) if (typesOf(n).includes('WebSite') && typeof n.name === 'string') names.push(n.name);
  return names;
}

/** The story node's `articleBody`, split into paragraphs on line breaks (publishers keep them or not). */
export function articleBodyParagraphs(nodes: JsonObject[]): string[] {
  const body = articleNodes(nodes)
    .map((n) => n.articleBody)
    .find((b): b is string => typeof b === 'string' && b.trim().length > 0);
  return body ? flatTextParagraphs(body) : [];
}

/** Author names of the story node, references resolved. */
export function authorNames(v: unknown, nodes: JsonObject[] = []): string[] {
  const r = resolve(v, nodes);
  if (typeof r === 'string') return [r];
  if (Array.isArray(r)) return r.flatMap((x) => authorNames(x, nodes));
  if (r && typeof r === 'object' && typeof (r as JsonObject).name === 'string')
    return [(r as JsonObject).name as string];
  return [];
}
