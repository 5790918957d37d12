import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors/index.ts';
import { parseSitemap } from './sitemap.ts';

describe('parseSitemap', () => {
  it('reads a Google News urlset: publication date over lastmod, title', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
        <url><loc>https://ejemplo.mx/cdmx/2025/10/20/choque-en-tlalpan-1234567.html</loc><lastmod>2025-10-20T18:00:00-06:00</lastmod>
          <news:news><news:publication><news:name>Ejemplo</news:name><news:language>es</news:language></news:publication>
          <news:publication_date>2025-10-20T10:35:00-06:00</news:publication_date><news:title>Choque en Tlalpan</news:title></news:news></url>
        <url><loc>/relativa/nota-sin-fecha</loc></url>
        <url><lastmod>2025-10-20</lastmod></url>
      </urlset>`;
    const map = parseSitemap(xml, 'https://ejemplo.mx/sitemap-news.xml');
    expect(map.kind).toBe('urlset');
    expect(map.items).toEqual([
      {
        url: 'https://ejemplo.mx/cdmx/2025/10/20/choque-en-tlalpan-1234567.html',
        title: 'Choque en Tlalpan',
        publishedAt: '2025-10-20T10:35:00-06:00',
        id: 'https://ejemplo.mx/cdmx/2025/10/20/choque-en-tlalpan-1234567.html',
      },
      {
        url: 'https://ejemplo.mx/relativa/nota-sin-fecha',
        title: null,
        publishedAt: null,
        id: 'https://ejemplo.mx/relativa/nota-sin-fecha',
      },
    ]);
  });

  it('reads a sitemap index', () => {
    const xml = `<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
      <sitemap><loc>https://ejemplo.mx/sitemap-2025-10.xml</loc></sitemap><sitemap><loc>https://ejemplo.mx/sitemap-2025-09.xml</loc></sitemap></sitemapindex>`;
    expect(parseSitemap(xml, 'https://ejemplo.mx/sitemap.xml')).toEqual({
      kind: 'index',
      items: [],
      sitemaps: ['https://ejemplo.mx/sitemap-2025-10.xml', 'https://ejemplo.mx/sitemap-2025-09.xml'],
    });
  });

  it('rejects what is not a sitemap', () => {
    expect(() => parseSitemap('<rss><channel/></rss>', 'u')).toThrow(AppError);
    expect(() => parseSitemap('<urlset><url></urlset>', 'u')).toThrow(AppError);
  });
});
