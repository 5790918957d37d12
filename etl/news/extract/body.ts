/**
 * Article body: the page is first stripped of what is never article text (navigation, share
 * bars, ads, related-article boxes, embedded social posts, newsletter prompts), then Mozilla's
 * Readability (the Firefox Reader View algorithm, https://github.com/mozilla/readability) picks
 * the main content, which is turned into plain paragraphs.
 *
 * The rules below are generic — element roles, class-name tokens and the Spanish phrases that
 * newsrooms put in front of inserted links — not per-site selectors.
 */
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { chooseBody, containerParagraphs, type BodyCandidate, type BodyMethod } from './body-choice.ts';
import { articleBodyParagraphs, type JsonObject } from './jsonld.ts';
import { collapseWhitespace, foldText, isDateline, type Doc } from './text.ts';
import { PROMPT_CUES, STORY_LINK_CUES } from './cues.ts';

/** Elements that never hold article prose. */
const NEVER_CONTENT = [
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'svg',
  'canvas',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'nav',
  'footer',
  'aside',
  'figure',
  'figcaption',
  'picture',
  'video',
  'audio',
  'object',
  'embed',
  'amp-ad',
  'amp-analytics',
  'amp-social-share',
  'amp-sidebar',
  'amp-iframe',
  'amp-twitter',
  'amp-instagram',
  'amp-facebook',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="complementary"]',
  '[hidden]',
  '[aria-hidden="true"]',
  'blockquote.twitter-tweet',
  'blockquote.instagram-media',
  'blockquote.tiktok-embed',
  'blockquote.twitter-video',
  '.fb-post',
  '.fb-video',
].join(',');

/**
 * Class/id tokens (split on "-", "_" and spaces) that mark boilerplate containers. Whole tokens
 * only, so "ad" matches "ad_wrapper" but not "header" or "advance".
 */
const BOILERPLATE_TOKENS = new Set([
  'nav',
  'navbar',
  'menu',
  'submenu',
  'breadcrumb',
  'breadcrumbs',
  'share',
  'sharing',
  'sharesocial',
  'social',
  'redes',
  'compartir',
  'ad',
  'ads',
  'adv',
  'advert',
  'advertisement',
  'banner',
  'dfp',
  'gpt',
  'publicidad',
  'sponsor',
  'promo',
  'related',
  'relacionadas',
  'relacionados',
  'relacionada',
  'recomendadas',
  'recomendados',
  'recommended',
  'outbrain',
  'taboola',
  'newsletter',
  'suscripcion',
  'subscribe',
  'comments',
  'comentarios',
  'tags',
  'temas',
  'etiquetas',
  'popular',
  'trending',
  'masleidas',
  'lo-mas',
  'sidebar',
  'widget',
  'footer',
  'modal',
  'cookie',
  'cookies',
  'signature',
  'latest',
  'ultimas',
  'minuto',
  'gallery',
  'epigrafe',
  'caption',
  'credits',
  'creditos',
  'relatedposts',
  'leidas',
  'comment',
  'commentlist',
  'disqus',
]);

/**
 * Class names that describe the story or the layout rather than the element: WordPress's
 * `post_class()` adds the story's own categories and tags (`tag-ultimas-noticias`,
 * `category-popular`), and themes mark the column beside a sidebar (`with-sidebar`,
 * `right-sidebar`). Their words say nothing about the element being boilerplate.
 */
const DESCRIPTIVE_CLASSES =
  /(^|\s)(tag|category|categoria|format|post_tag)-\S+|(^|[\s_-])(with|has|no|left|right|sin|con)[-_]sidebar(?=$|[\s_-])/g;

function hasBoilerplateToken(el: Element): boolean {
  const names = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`
    .toLowerCase()
    .replace(DESCRIPTIVE_CLASSES, ' ');
  if (!names.trim()) return false;
  return names.split(/[\s_-]+/).some((t) => BOILERPLATE_TOKENS.has(t));
}

/**
 * Containers that CMSs and themes use for the story text (WordPress `.entry-content`, tagDiv's
 * `.td-post-content`, schema.org microdata `articleBody`, …). An element holding one is never
 * removed as boilerplate, whatever its class says.
 */
export const CONTENT_CONTAINERS = [
  '[itemprop="articleBody"]',
  '.entry-content',
  '.td-post-content',
  '.post-content',
  '.article-body',
  '.article-content',
  '.post-body',
  '.single-content',
  '.story-body',
  '.news-body',
  '.content-body',
].join(',');

/**
 * Spanish cues that open an inserted link to another story, a follow/subscribe prompt or a
 * newsletter box ("Lee también:", "Te recomendamos", "Sigue nuestro canal…"). A paragraph that
 * starts with one of them is not article prose.
 */
const INSERT_CUE = new RegExp(`^(${[...STORY_LINK_CUES, ...PROMPT_CUES].join('|')})`);

export function isInsertParagraph(text: string): boolean {
  return INSERT_CUE.test(foldText(text).replace(/^[\s"“”'¡¿*:>-]+/, ''));
}

/** Photo captions and credits left outside <figcaption>: short lines carrying "Foto: …". */
export function isCaption(text: string): boolean {
  return (
    text.length <= 300 &&
    /(^|[\s|.!?¡¿(])(fotos?|fotografias?|imagen|imagenes|credito|creditos)\s*:\s*\S/i.test(foldText(text))
  );
}

/** A short line that restates a byline: "Fernanda Martínez/Quadratín Hidalgo", "Por Dulce Castillo". */
function isBylineLine(text: string, author: string | null): boolean {
  if (!author || text.length > 100) return false;
  const t = foldText(text).replace(/^(por|by|escrito por)\s*:?\s+/, '');
  return t.startsWith(foldText(author));
}

/** Newsroom sign-offs at the end of a note: editor initials ("cem", "acf", "JMR/ACR"). */
function isSignOff(text: string): boolean {
  return text.length <= 12 && /^[a-záéíóúñ]{2,5}(\s*[/,]\s*[a-záéíóúñ]{2,5})*\.?$/i.test(text);
}

function removeAll(root: ParentNode, selector: string): void {
  for (const el of [...root.querySelectorAll(selector)]) el.remove();
}

/** Strips boilerplate from the page in place, before Readability scores what is left. */
export function stripBoilerplate(doc: Doc): void {
  removeAll(doc, NEVER_CONTENT);
  for (const el of [...doc.querySelectorAll('body *')]) {
    if (!el.isConnected) continue;
    if (
      hasBoilerplateToken(el) &&
      !el.querySelector('h1') &&
      !el.matches(CONTENT_CONTAINERS) &&
      !el.querySelector(CONTENT_CONTAINERS)
    )
      el.remove();
  }
  for (const el of [...doc.querySelectorAll('header')]) {
    // A <header> is page chrome unless it holds the headline (some templates put the h1 there).
    if (!el.querySelector('h1')) el.remove();
  }
  for (const el of [...doc.querySelectorAll('p, li, h2, h3, h4, div')]) {
    if (!el.isConnected) continue;
    if (el.tagName === 'DIV' && el.querySelector('p, div')) continue; // only leaf-like blocks
    const text = collapseWhitespace(el.textContent ?? '');
    if (text && (isInsertParagraph(text) || isCaption(text))) el.remove();
  }
}

const BLOCKS = 'p, h2, h3, h4, h5, h6, li, blockquote, pre';

/** Plain-text paragraphs of an HTML fragment: each block element's text, whitespace collapsed. */
export function htmlToParagraphs(html: string): string[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const paragraphs: string[] = [];
  for (const el of document.querySelectorAll(BLOCKS)) {
    if (el.querySelector(BLOCKS)) continue; // its inner blocks are taken on their own
    const text = collapseWhitespace(el.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  if (paragraphs.length === 0) {
    const text = collapseWhitespace(document.body?.textContent ?? '');
    if (text) paragraphs.push(text);
  }
  return paragraphs;
}

export interface BodyHints {
  title: string | null;
  author: string | null;
  /** The page's JSON-LD nodes, for `articleBody`. */
  nodes: JsonObject[];
}

export interface BodyResult {
  paragraphs: string[];
  method: BodyMethod | null;
}

/** Article prose only: inserts, captions, the byline, the date line and the headline repeated, closing initials dropped. */
function keepProse(paragraphs: string[], hints: BodyHints): string[] {
  const title = foldText(hints.title ?? '');
  const kept = paragraphs.filter(
    (p) =>
      !isInsertParagraph(p) &&
      !isCaption(p) &&
      !isBylineLine(p, hints.author) &&
      !isDateline(p) &&
      foldText(p) !== title,
  );
  while (kept.length > 0 && isSignOff(kept[kept.length - 1]!)) kept.pop();
  return kept;
}

/**
 * Body paragraphs of an article page (mutates `doc`): Readability's pick, unless it is a list of
 * links, comments or navigation, or clearly shorter than the theme's content container or the
 * JSON-LD `articleBody` (./body-choice.ts).
 */
export function extractBodyParagraphs(doc: Doc, hints: BodyHints): BodyResult {
  stripBoilerplate(doc);
  // Read before Readability, which rewrites the document it scores.
  const container = containerParagraphs(doc, CONTENT_CONTAINERS, BLOCKS);
  const article = new Readability(doc as unknown as Document, { charThreshold: 200, keepClasses: false }).parse();
  const candidates: BodyCandidate[] = [
    {
      method: 'readability',
      paragraphs: keepProse(article?.content ? htmlToParagraphs(article.content) : [], hints),
      html: article?.content ?? '',
    },
    { method: 'content-container', paragraphs: keepProse(container.paragraphs, hints), html: container.html },
  ];
  return chooseBody(candidates, keepProse(articleBodyParagraphs(hints.nodes), hints));
}
