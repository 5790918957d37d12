/**
 * Article links on a section listing page (a "portada" or section front).
 *
 * News CMSs give articles URLs derived from the headline ("slugs", often with a date or a
 * numeric id), while sections, tags, authors and institutional pages have short fixed paths.
 * A link is taken as an article when it stays on the listing's host, avoids the path segments
 * that name taxonomies or site chrome, and either
 *   - has a date (`/2025/10/15/`) or a numeric id (≥ 5 digits) in its path beside a slug, or
 *   - ends in a slug of at least four words, or
 *   - ends in a shorter slug that is exactly its anchor text slugified ("Un año después" →
 *     `/un-ano-despues/`), outside navigation, header and footer.
 */
import { parseHTML } from 'linkedom';
import { slug } from '../../../geo/text/index.ts';

/** Path segments that name listings, taxonomies or site chrome rather than a story. */
const NON_ARTICLE_SEGMENTS = new Set([
  'autor',
  'autores',
  'author',
  'authors',
  'tag',
  'tags',
  'tema',
  'temas',
  'etiqueta',
  'etiquetas',
  'category',
  'categoria',
  'categorias',
  'section',
  'seccion',
  'secciones',
  'page',
  'pagina',
  'buscar',
  'search',
  'busqueda',
  'feed',
  'rss',
  'amp-stories',
  'wp-content',
  'wp-admin',
  'wp-json',
  'institucional',
  'contacto',
  'directorio',
  'suscripciones',
  'newsletter',
  'login',
  'registro',
  'cuenta',
  'perfil',
  'usuarios',
]);

/** Institutional pages whose short slugs could pass for a headline ("Aviso de privacidad"). */
const INSTITUTIONAL_SLUG =
  /^(avisos?-|politicas?-de-|terminos|quienes-somos|codigo-de-etica|acerca-de|mapa-del-sitio|preguntas-frecuentes|publicidad|anunciate|directorio|contacto|suscri)/;

const FILE_EXTENSION = /\.(pdf|jpe?g|png|gif|webp|svg|mp4|mp3|xml|json|zip|css|js)$/i;
const DATE_IN_PATH = /\/(19|20)\d{2}\/\d{1,2}(\/\d{1,2})?\//;
const NUMERIC_ID = /(^|[-_/])\d{5,}(\.html?)?$/;

/** Host without a leading "www.", so `www.x.mx` and `x.mx` are one site. */
function siteHost(url: URL): string {
  return url.hostname.toLowerCase().replace(/^www\./, '');
}

/** Spanish-aware slugify: accents dropped, non-alphanumerics to single hyphens. */
export function slugify(text: string): string {
  return slug(text);
}

function lastSlug(url: URL): string {
  const segments = url.pathname.split('/').filter(Boolean);
  return (segments[segments.length - 1] ?? '').replace(/\.html?$/i, '');
}

function isInChrome(a: Element): boolean {
  return !!a.closest('nav, header, footer, [role="navigation"], [class*="menu" i], [class*="footer" i]');
}

export interface LinkClassification {
  url: string;
  isArticle: boolean;
  /** Why it is, or is not, an article (for debugging and tests). */
  reason: string;
}

/** Classifies one link found on a listing page. */
export function classifyLink(href: string, anchorText: string, inChrome: boolean, base: URL): LinkClassification {
  let url: URL;
  try {
    url = new URL(href, base);
  } catch {
    return { url: href, isArticle: false, reason: 'unparsable' };
  }
  url.hash = '';
  const result = (isArticle: boolean, reason: string) => ({ url: url.href, isArticle, reason });
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return result(false, 'not http');
  if (siteHost(url) !== siteHost(base)) return result(false, 'other host');
  if (FILE_EXTENSION.test(url.pathname)) return result(false, 'file');
  const segments = url.pathname
    .split('/')
    .filter(Boolean)
    .map((s) => s.toLowerCase());
  if (segments.length === 0) return result(false, 'home');
  if (segments.some((s) => NON_ARTICLE_SEGMENTS.has(s))) return result(false, 'taxonomy or chrome path');
  if (url.pathname.replace(/\/$/, '') === base.pathname.replace(/\/$/, '')) return result(false, 'the listing itself');
  const slug = lastSlug(url);
  const words = slug.split(/[-_]+/).filter(Boolean);
  const alphaWords = words.filter((w) => /[a-z]/i.test(w));
  if ((DATE_IN_PATH.test(url.pathname) || NUMERIC_ID.test(url.pathname)) && alphaWords.length >= 1)
    return result(true, 'dated or numbered slug');
  if (words.length <= 4 && INSTITUTIONAL_SLUG.test(slug.toLowerCase())) return result(false, 'institutional page');
  if (words.length >= 4 && alphaWords.length >= 3) return result(true, 'long slug');
  const text = slugify(anchorText);
  if (!inChrome && words.length >= 2 && text.split('-').length >= 3 && text === slug.toLowerCase())
    return result(true, 'slug is the headline');
  return result(false, 'short path');
}

/**
 * Article URLs linked from a listing page, absolute, without fragments, deduplicated in page
 * order. `baseUrl` is where the page was fetched from (a `<base href>` in the page wins).
 */
export function findArticleLinks(html: string, baseUrl: string): string[] {
  return articleLinksIn(parseHTML(html).document, baseUrl);
}

/** `findArticleLinks` over a page already parsed (the extractor counts teasers with it). */
export function articleLinksIn(document: Document, baseUrl: string): string[] {
  let base = new URL(baseUrl);
  const baseHref = document.querySelector('base[href]')?.getAttribute('href');
  if (baseHref) {
    try {
      base = new URL(baseHref, base);
    } catch {
      // keep the fetch URL
    }
  }
  // Gather every anchor per URL first: an image link and a headline link often share a URL.
  const anchors = new Map<string, { texts: string[]; inChrome: boolean[] }>();
  for (const a of document.querySelectorAll('a[href]')) {
    const href = (a.getAttribute('href') ?? '').trim();
    if (!href || href.startsWith('#')) continue;
    const entry = anchors.get(href) ?? { texts: [], inChrome: [] };
    entry.texts.push((a.textContent ?? '').replace(/\s+/g, ' ').trim());
    entry.inChrome.push(isInChrome(a));
    anchors.set(href, entry);
  }
  const found = new Set<string>();
  for (const [href, { texts, inChrome }] of anchors) {
    for (let i = 0; i < texts.length; i++) {
      const c = classifyLink(href, texts[i]!, inChrome[i]!, base);
      if (c.isArticle) {
        found.add(c.url);
        break;
      }
    }
  }
  return [...found];
}
