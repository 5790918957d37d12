/**
 * A test feed in which several outlets report one event, labelled as derived: HTML pages built in
 * memory (never saved) from one real article of the news sample — the shooting in colonia
 * Emiliano Zapata, Gustavo A. Madero, published 2025-10-08 (`pg-6df88f779e`) — and served by the
 * local news server (`startNewsServer`'s `extraPages` + `feedOnly`):
 * - `/outlet-a/…`: the real text under its outlet's page (outlet A);
 * - `/outlet-b/…`: the hand-written second-outlet report of the same event (`dedupe/derived.ts`);
 * - `/outlet-c/…`: a syndicated, trimmed copy of outlet A's text under another headline.
 * Canonical links name three different (fictitious) outlet hosts.
 */
import type { ServedArticle } from './local-news-server.ts';
import { readNewsSample } from './sample-labels.ts';
import { SECOND_OUTLET_REPORTS, trimmedCopy } from './derived.ts';

export const SAME_EVENT_SOURCE_ID = 'pg-6df88f779e';

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A minimal article page: canonical link, publication time, headline, paragraphs. */
export function articlePage(opts: {
  canonical: string;
  title: string;
  publishedAt: string;
  text: string;
  author?: string;
}): string {
  const paragraphs = opts.text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => `      <p>${escapeHtml(p)}</p>`);
  return [
    '<!doctype html>',
    '<html lang="es"><head><meta charset="utf-8">',
    `<title>${escapeHtml(opts.title)}</title>`,
    `<link rel="canonical" href="${escapeHtml(opts.canonical)}">`,
    `<meta property="article:published_time" content="${opts.publishedAt}">`,
    '</head><body>',
    '  <nav><a href="/">Inicio</a> <a href="/seguridad">Seguridad</a></nav>',
    '  <article>',
    `    <h1>${escapeHtml(opts.title)}</h1>`,
    opts.author ? `    <p class="author">Por ${escapeHtml(opts.author)}</p>` : '',
    '    <div class="article-body">',
    ...paragraphs,
    '    </div>',
    '  </article>',
    '  <footer>Derivado para pruebas: no es una página real.</footer>',
    '</body></html>',
  ].join('\n');
}

export interface DerivedFeed {
  extraPages: Record<string, string>;
  feedOnly: Omit<ServedArticle, 'file'>[];
  canonical: { a: string; b: string; c: string };
}

/** The three pages and their feed items. */
export function sameEventFeed(): DerivedFeed {
  const source = readNewsSample().find((a) => a.id === SAME_EVENT_SOURCE_ID)!;
  const second = SECOND_OUTLET_REPORTS[SAME_EVENT_SOURCE_ID]!;
  const canonical = {
    a: 'https://noticias-a.example/cdmx/balacera-gam-emiliano-zapata',
    b: 'https://diario-b.example/seguridad/ataque-a-balazos-emiliano-zapata',
    c: 'https://portal-c.example/metropoli/balacera-en-la-gam-deja-un-muerto',
  };
  const pages = {
    '/outlet-a/balacera-gam': articlePage({
      canonical: canonical.a,
      title: 'Balacera en la Gustavo A. Madero deja un muerto y un herido',
      publishedAt: '2025-10-08T19:40:00-06:00',
      text: source.text,
    }),
    '/outlet-b/ataque-emiliano-zapata': articlePage({
      canonical: canonical.b,
      title: second.title,
      publishedAt: '2025-10-08T21:05:00-06:00',
      text: second.text,
    }),
    '/outlet-c/balacera-gam-copia': articlePage({
      canonical: canonical.c,
      title: 'Un muerto tras balacera en la GAM',
      publishedAt: '2025-10-08T22:15:00-06:00',
      text: trimmedCopy(source).text,
    }),
  };
  const feedOnly = Object.keys(pages).map((path, i) => ({
    path,
    title: `derivado ${i + 1}`,
    pubDate: 'Thu, 09 Oct 2025 03:00:00 GMT',
  }));
  return { extraPages: pages, feedOnly, canonical };
}
