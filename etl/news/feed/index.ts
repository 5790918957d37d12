/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification), RSS 1.0 / RDF and Atom (RFC 4287)
 * feeds → a list of article links. XML parsing is done by `fast-xml-parser`; this module only
 * maps the three vocabularies onto one shape.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../../core/errors/index.ts';
import { normalizeIsoDate, parseSpanishDate, utcMsToMexicoCityIso } from '../extract/dates.ts';

export interface FeedItem {
  /** Absolute article URL. */
  url: string;
  title: string | null;
  /** ISO 8601 with offset, or null. */
  publishedAt: string | null;
  /** guid / id when the feed gives one, else the URL. */
  id: string;
}

export interface Feed {
  format: 'rss' | 'rdf' | 'atom';
  title: string | null;
  items: FeedItem[];
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true, // "dc:date" → "date", "rdf:RDF" → "RDF"
  textNodeName: '#text',
  parseTagValue: false, // titles like "2025" stay strings
  trimValues: true,
  isArray: (name) => name === 'item' || name === 'entry' || name === 'link',
});

function text(v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'number') return String(v).trim() || null;
  if (Array.isArray(v)) return text(v[0]);
  if (typeof v === 'object') return text((v as Node)['#text']);
  return null;
}

/** RFC 822 (RSS), RFC 3339 (Atom), or a Spanish date some Mexican feeds use. */
export function parseFeedDate(raw: string | null): string | null {
  if (!raw) return null;
  const iso = normalizeIsoDate(raw);
  if (iso) return iso;
  const ms = Date.parse(raw);
  if (!Number.isNaN(ms) && /\d{4}/.test(raw)) return utcMsToMexicoCityIso(ms);
  return parseSpanishDate(raw);
}

function absolute(href: string | null, base: string): string | null {
  if (!href) return null;
  try {
    return new URL(href, base).href;
  } catch {
    return null;
  }
}

/** Atom: the `alternate` link (a link without `rel` is alternate, RFC 4287 §4.2.7.2). */
function atomLink(links: unknown, base: string): string | null {
  const list = (Array.isArray(links) ? links : [links]).filter(Boolean) as Node[];
  const alternate = list.find((l) => !l['@rel'] || l['@rel'] === 'alternate') ?? list[0];
  return absolute(text(alternate?.['@href']) ?? text(alternate), base);
}

/**
 * Parses a feed document. `feedUrl` resolves relative links. Items without a usable link are
 * skipped; a document that is not XML or not a feed raises `invalid_body`.
 */
export function parseFeed(xml: string, feedUrl: string): Feed {
  if (XMLValidator.validate(xml) !== true) throw new AppError('invalid_body', `feed XML mal formado: ${feedUrl}`);
  const doc = parser.parse(xml) as Node;
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const channel = (Array.isArray(rss.channel) ? rss.channel[0] : rss.channel) as Node | undefined;
    const items = ((channel?.item as Node[]) ?? []).flatMap((item): FeedItem[] => {
      const url =
        absolute(text(item.link), feedUrl) ?? (isPermalinkGuid(item.guid) ? absolute(text(item.guid), feedUrl) : null);
      if (!url) return [];
      return [
        {
          url,
          title: text(item.title),
          publishedAt: parseFeedDate(text(item.pubDate) ?? text(item.date)),
          id: text(item.guid) ?? url,
        },
      ];
    });
    return { format: 'rss', title: text(channel?.title), items };
  }
  const feed = doc.feed as Node | undefined;
  if (feed) {
    const items = ((feed.entry as Node[]) ?? []).flatMap((entry): FeedItem[] => {
      const url = atomLink(entry.link, feedUrl);
      if (!url) return [];
      return [
        {
          url,
          title: text(entry.title),
          publishedAt: parseFeedDate(text(entry.published) ?? text(entry.updated)),
          id: text(entry.id) ?? url,
        },
      ];
    });
    return { format: 'atom', title: text(feed.title), items };
  }
  const rdf = doc.RDF as Node | undefined;
  if (rdf) {
    const items = ((rdf.item as Node[]) ?? []).flatMap((item): FeedItem[] => {
      const url = absolute(text(item.link) ?? text(item['@about']), feedUrl);
      if (!url) return [];
      return [{ url, title: text(item.title), publishedAt: parseFeedDate(text(item.date)), id: url }];
    });
    const channel = rdf.channel as Node | undefined;
    return { format: 'rdf', title: text(channel?.title), items };
  }
  throw new AppError('invalid_body', `no es un feed RSS/Atom: ${feedUrl}`);
}

/** An RSS guid is the permalink unless it says isPermaLink="false". */
function isPermalinkGuid(guid: unknown): boolean {
  if (!guid) return false;
  return typeof guid !== 'object' || (guid as Node)['@isPermaLink'] !== 'false';
}
