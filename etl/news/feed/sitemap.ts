/**
 * XML sitemaps (https://www.sitemaps.org/protocol.html) and their Google News extension
 * (`news:publication_date`, `news:title`), parsed with `fast-xml-parser`. A sitemap index
 * lists further sitemaps; a urlset lists pages.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../core/errors/index.ts';
import { parseFeedDate, type FeedItem } from './index.ts';

export interface Sitemap {
  kind: 'urlset' | 'index';
  /** Pages (urlset) as feed items; empty for an index. */
  items: FeedItem[];
  /** Child sitemaps (index); empty for a urlset. */
  sitemaps: string[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: true,
  removeNSPrefix: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (name) => name === 'url' || name === 'sitemap',
});

function str(v: unknown): string | null {
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

export function parseSitemap(xml: string, sitemapUrl: string): Sitemap {
  if (XMLValidator.validate(xml) !== true) throw new AppError('invalid_body', `sitemap XML mal formado: ${sitemapUrl}`);
  const doc = parser.parse(xml) as Node;
  const index = doc.sitemapindex as Node | undefined;
  if (index) {
    const sitemaps = ((index.sitemap as Node[]) ?? [])
      .map((s) => absolute(str(s.loc), sitemapUrl))
      .filter((u): u is string => !!u);
    return { kind: 'index', items: [], sitemaps };
  }
  const urlset = doc.urlset as Node | undefined;
  if (!urlset) throw new AppError('invalid_body', `no es un sitemap: ${sitemapUrl}`);
  const items = ((urlset.url as Node[]) ?? []).flatMap((u): FeedItem[] => {
    const url = absolute(str(u.loc), sitemapUrl);
    if (!url) return [];
    const news = (u.news ?? {}) as Node;
    return [
      {
        url,
        title: str(news.title),
        // The news date is the publication date; lastmod is only the last edit.
        publishedAt: parseFeedDate(str(news.publication_date) ?? str(u.lastmod)),
        id: url,
      },
    ];
  });
  return { kind: 'urlset', items, sitemaps: [] };
}
