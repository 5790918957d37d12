/**
 * Feed parsing over small hand-written feeds in the three vocabularies (RSS 2.0, Atom, RSS 1.0)
 * and the feed built by the local test server from the real saved pages.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../core/errors/index.ts';
import { buildRssFeed } from '../../../tests/support/news/local-news-server.ts';
import { parseFeed, parseFeedDate } from './index.ts';

describe('parseFeed', () => {
  it('reads RSS 2.0 items: link, title, RFC 822 date in Mexico City time, guid', () => {
    const xml = `<?xml version="1.0" encoding="UTF-8"?>
      <rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
        <title>Seguridad &amp; Justicia</title>
        <item><title><![CDATA[Asaltan a pasajeros en Iztapalapa]]></title>
          <link>https://ejemplo.mx/seguridad/asaltan-a-pasajeros-en-iztapalapa/</link>
          <guid isPermaLink="false">post-991</guid>
          <pubDate>Wed, 15 Oct 2025 16:33:43 +0000</pubDate></item>
        <item><title>Sin enlace pero con guid</title>
          <guid>https://ejemplo.mx/nota-con-guid/</guid><dc:date>2025-10-14T09:00:00-06:00</dc:date></item>
        <item><title>Sin enlace</title></item>
      </channel></rss>`;
    const feed = parseFeed(xml, 'https://ejemplo.mx/feed/');
    expect(feed.format).toBe('rss');
    expect(feed.title).toBe('Seguridad & Justicia');
    expect(feed.items).toEqual([
      {
        url: 'https://ejemplo.mx/seguridad/asaltan-a-pasajeros-en-iztapalapa/',
        title: 'Asaltan a pasajeros en Iztapalapa',
        publishedAt: '2025-10-15T10:33:43-06:00', // 16:33:43 UTC is 10:33:43 in Mexico City
        id: 'post-991',
      },
      {
        url: 'https://ejemplo.mx/nota-con-guid/',
        title: 'Sin enlace pero con guid',
        publishedAt: '2025-10-14T09:00:00-06:00',
        id: 'https://ejemplo.mx/nota-con-guid/',
      },
    ]);
  });

  it('reads Atom entries, preferring the alternate link and resolving relative URLs', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
      <feed xmlns="http://www.w3.org/2005/Atom"><title>Noticias</title>
        <entry><title>Choque en Tlalpan</title>
          <link rel="enclosure" href="/img/choque.jpg"/><link rel="alternate" href="/2025/10/20/choque-en-tlalpan"/>
          <id>tag:ejemplo.mx,2025:1</id><published>2025-10-20T10:35:00-06:00</published><updated>2025-10-20T12:00:00-06:00</updated></entry>
        <entry><title type="html">Robo &lt;b&gt;frustrado&lt;/b&gt;</title><link href="https://ejemplo.mx/robo-frustrado"/>
          <updated>2021-07-01T15:00:00Z</updated></entry>
      </feed>`;
    const feed = parseFeed(xml, 'https://ejemplo.mx/atom.xml');
    expect(feed.format).toBe('atom');
    expect(feed.items.map((i) => [i.url, i.publishedAt, i.id])).toEqual([
      ['https://ejemplo.mx/2025/10/20/choque-en-tlalpan', '2025-10-20T10:35:00-06:00', 'tag:ejemplo.mx,2025:1'],
      // 15:00 UTC on 1 July 2021, when Mexico City was on daylight time (UTC-5).
      ['https://ejemplo.mx/robo-frustrado', '2021-07-01T10:00:00-05:00', 'https://ejemplo.mx/robo-frustrado'],
    ]);
  });

  it('reads RSS 1.0 (RDF) items', () => {
    const xml = `<?xml version="1.0"?>
      <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/">
        <channel rdf:about="https://ejemplo.mx/"><title>RDF</title></channel>
        <item rdf:about="https://ejemplo.mx/a"><title>A</title><link>https://ejemplo.mx/a</link><dc:date>2025-10-01T08:00:00-06:00</dc:date></item>
      </rdf:RDF>`;
    const feed = parseFeed(xml, 'https://ejemplo.mx/rdf');
    expect(feed.format).toBe('rdf');
    expect(feed.items).toEqual([
      { url: 'https://ejemplo.mx/a', title: 'A', publishedAt: '2025-10-01T08:00:00-06:00', id: 'https://ejemplo.mx/a' },
    ]);
  });

  it('reads the feed the local server builds from the saved pages', () => {
    const xml = buildRssFeed('http://127.0.0.1:9', [
      {
        path: '/a-b-c-d/',
        title: 'Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias',
        pubDate: 'Wed, 15 Oct 2025 16:33:43 +0000',
      },
    ]);
    expect(parseFeed(xml, 'http://127.0.0.1:9/feed.xml').items).toEqual([
      {
        url: 'http://127.0.0.1:9/a-b-c-d/',
        title: 'Reportan 50 desaparecidos y daños en 29 municipios de Hidalgo por lluvias',
        publishedAt: '2025-10-15T10:33:43-06:00',
        id: 'http://127.0.0.1:9/a-b-c-d/',
      },
    ]);
  });

  it('rejects malformed XML and documents that are not feeds with invalid_body', () => {
    for (const bad of ['<rss><channel><item></channel></rss>', '<html><body>hola</body></html>', 'no es xml']) {
      let err: unknown;
      try {
        parseFeed(bad, 'https://ejemplo.mx/feed');
      } catch (e) {
        err = e;
      }
      expect(err, bad).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe('invalid_body');
    }
  });
});

describe('parseFeedDate', () => {
  it('accepts RFC 822, RFC 3339 and Spanish dates, and null for garbage', () => {
    expect(parseFeedDate('Mon, 06 Oct 2025 18:34:38 GMT')).toBe('2025-10-06T12:34:38-06:00');
    expect(parseFeedDate('2025-10-06T12:34:38-06:00')).toBe('2025-10-06T12:34:38-06:00');
    expect(parseFeedDate('6 de octubre de 2025')).toBe('2025-10-06T00:00:00-06:00');
    expect(parseFeedDate('pronto')).toBeNull();
    expect(parseFeedDate(null)).toBeNull();
  });
});
