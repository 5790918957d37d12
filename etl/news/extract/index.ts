/**
 * Article extraction from a news page's HTML: headline, publication date, author, canonical URL
 * and body text. Metadata comes from structured data first (./metadata.ts); the body from
 * Readability over a page stripped of boilerplate (./body.ts).
 */
import { parseHTML } from 'linkedom';
import { extractBodyParagraphs } from './body.ts';
import { canonicalUrl, extractAuthor, extractPublishedAt, extractTitle, jsonLdNodes } from './metadata.ts';

/** Bumped whenever extraction output can change, so archived pages can be reprocessed. */
export const EXTRACTOR_VERSION = 'news-extract/1';

export interface ExtractedArticle {
  /** The page's canonical link, else the URL or path it was read from. */
  url: string;
  title: string | null;
  /** ISO 8601 with offset, or null when the page states no date. */
  published_at: string | null;
  author: string | null;
  /** Body paragraphs separated by a blank line. */
  text: string;
}

export interface ExtractOptions {
  /** Where the page came from (URL or file path): the fallback for `url`. */
  source: string;
}

/**
 * Removes markup that can never be article text before building the DOM: scripts other than
 * JSON-LD, styles, inline SVG and comments. On the saved pages this is 30–85 % of the bytes and
 * halves the parse time. The patterns end where an HTML tokenizer ends these elements (the first
 * closing tag), so nothing else is touched.
 */
export function dropInertMarkup(html: string): string {
  return html
    .replace(/<script\b(?![^>]*application\/ld\+json)[^>]*>[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi, '')
    .replace(/<svg\b[^>]*>[\s\S]*?<\/svg\s*>/gi, '')
    .replace(/<!--[\s\S]*?-->/g, '');
}

export function extractArticle(html: string, options: ExtractOptions): ExtractedArticle {
  const cleaned = dropInertMarkup(html);
  // linkedom builds no <html> element from a fragment (or from nothing): give it a skeleton.
  const { document } = parseHTML(/<html[\s>]/i.test(cleaned) ? cleaned : `<!doctype html><html><head></head><body>${cleaned}</body></html>`);
  const nodes = jsonLdNodes(document);
  // Metadata is read before the body step, which removes headers and bylines from the DOM.
  const title = extractTitle(document, nodes);
  const author = extractAuthor(document, nodes);
  const published_at = extractPublishedAt(document, nodes);
  const url = canonicalUrl(document) ?? options.source;
  const paragraphs = extractBodyParagraphs(document, { title, author });
  return { url, title, published_at, author, text: paragraphs.join('\n\n') };
}
