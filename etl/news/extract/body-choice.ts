/**
 * Choosing the body among the candidates a page offers: what Readability picked, the theme's
 * content container, and the JSON-LD `articleBody`. Readability wins when it found prose; a pick
 * that is a list of links ("Más leídas", related stories, menus) or of comments is rejected, and
 * a candidate clearly longer than the others (a body Readability cut short or never saw, because
 * the page renders it with script) takes its place.
 */
import { parseHTML } from 'linkedom';
import { collapseWhitespace, foldText, type Doc } from './text.ts';

export type BodyMethod = 'readability' | 'content-container' | 'json-ld';

export interface BodyCandidate {
  method: BodyMethod;
  paragraphs: string[];
  /** The candidate's HTML, for its link density ('' when unknown). */
  html: string;
}

/** A candidate this many times longer than the chosen one replaces it (the chosen one was cut short). */
const MUCH_LONGER = 1.5;
/** Less prose than this is no article body (a teaser, a caption, a button label). */
const MIN_BODY_CHARS = 150;

/** Headings that open lists of other stories or of reader comments, not article prose. */
const LIST_HEADING =
  /^(mas leidas|lo mas (leido|visto|popular)|mas vistas?|te recomendamos|recomendad[oa]s|relacionad[oa]s|noticias relacionadas|notas relacionadas|mas noticias|mas historias|ultimas noticias|tendencias|comentarios|\d+ comentarios?|deja un comentario|tambien te puede interesar)\b/;

const textLength = (paragraphs: string[]) => paragraphs.reduce((n, p) => n + p.length, 0);

/** Share of an HTML fragment's text that sits inside links (0 for no text). */
export function linkDensity(html: string): number {
  if (!html) return 0;
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const total = collapseWhitespace(document.body?.textContent ?? '').length;
  if (total === 0) return 0;
  let linked = 0;
  for (const a of document.querySelectorAll('a')) linked += collapseWhitespace(a.textContent ?? '').length;
  return linked / total;
}

/**
 * Whether a candidate is a list rather than prose: it opens with a list heading, most of its text
 * is link text, or it is a run of short lines (headlines) with no real paragraph.
 */
export function isListLike(candidate: BodyCandidate): boolean {
  const { paragraphs } = candidate;
  if (paragraphs.length === 0) return true;
  if (LIST_HEADING.test(foldText(paragraphs[0]!))) return true;
  if (linkDensity(candidate.html) > 0.5) return true;
  const longest = Math.max(...paragraphs.map((p) => p.length));
  return paragraphs.length >= 4 && longest < 120;
}

function isProse(candidate: BodyCandidate): boolean {
  return textLength(candidate.paragraphs) >= MIN_BODY_CHARS && !isListLike(candidate);
}

/**
 * Paragraphs of the largest content container on the page (by text length) and its HTML.
 * `blocks` are the block elements whose text makes a paragraph.
 */
export function containerParagraphs(
  doc: Doc,
  containers: string,
  blocks: string,
): { paragraphs: string[]; html: string } {
  let best: { paragraphs: string[]; html: string } = { paragraphs: [], html: '' };
  let bestLength = 0;
  for (const el of doc.querySelectorAll(containers)) {
    const paragraphs: string[] = [];
    for (const block of el.querySelectorAll(blocks)) {
      if (block.querySelector(blocks)) continue; // its inner blocks are taken on their own
      const text = collapseWhitespace(block.textContent ?? '');
      if (text) paragraphs.push(text);
    }
    const length = textLength(paragraphs);
    if (length > bestLength) {
      best = { paragraphs, html: el.innerHTML };
      bestLength = length;
    }
  }
  return best;
}

/**
 * The body: the first prose candidate in order (Readability, then the content container), unless
 * a later one is much longer; the JSON-LD `articleBody` when no visible candidate is prose or it
 * is much longer than the chosen one. Nothing when every candidate is a list.
 */
export function chooseBody(
  visible: BodyCandidate[],
  jsonLdBody: string[],
): { paragraphs: string[]; method: BodyMethod | null } {
  let chosen: BodyCandidate | null = null;
  for (const c of visible.filter(isProse)) {
    if (!chosen || textLength(c.paragraphs) > MUCH_LONGER * textLength(chosen.paragraphs)) chosen = c;
  }
  const jsonLdLength = textLength(jsonLdBody);
  if (jsonLdLength >= MIN_BODY_CHARS && (!chosen || jsonLdLength > MUCH_LONGER * textLength(chosen.paragraphs))) {
    return { paragraphs: jsonLdBody, method: 'json-ld' };
  }
  return chosen ? { paragraphs: chosen.paragraphs, method: chosen.method } : { paragraphs: [], method: null };
}
