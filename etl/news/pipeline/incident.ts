/**
 * From a classified, geocoded article to the normalised incident of its event (pure).
 *
 * Where it is placed depends on the geocoder's precision (the H3 rules of `core/incident`, applied
 * by the store's incident writer):
 * - station, street: the point, every area that contains it, and H3 cells at every resolution;
 * - colonia: the colonia's representative point and its areas, but H3 cells only at resolutions 6–8;
 * - cuadrante, alcaldía: no point, no H3 cells; only the alcaldía (counts per alcaldía).
 */
import { createHash } from 'node:crypto';
import { placesAtPoint, type LocationPrecision, type NormalisedIncident } from '../../../core/incident/index.ts';
import type { GeocodeOutput } from '../../../reference/geocoder/index.ts';
import { localToUtc, type LocalDate } from '../../../core/time/index.ts';
import type { ArticleClassification } from '../classify/index.ts';
import { localDateOf } from '../classify/index.ts';
import type { StoredArticle } from '../../../db/queries/news-decisions.ts';

export const NEWS_SOURCE = 'news';

/** A stable event id: the first article's canonical URL, hashed. */
export function eventIdFor(canonicalUrl: string): string {
  return `news:${createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 24)}`;
}

function parseIsoDate(s: string): LocalDate {
  const [year, month, day] = s.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** The event's local date: stated, else published, else fetched. */
export function eventDate(c: ArticleClassification, publishedAt: string | null, fetchedAt: string): string {
  if (c.when) return c.when.date;
  const d = localDateOf(publishedAt) ?? localDateOf(fetchedAt)!;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

export interface NewsIncidentInput {
  canonicalUrl: string;
  title: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  classification: ArticleClassification;
  geocode: GeocodeOutput;
}

/** The normalised incident of a placed incident report. */
export function newsIncident(input: NewsIncidentInput): NormalisedIncident {
  const { classification: c, geocode: g } = input;
  if (!c.primary) throw new Error('newsIncident: no category');
  const date = eventDate(c, input.publishedAt, input.fetchedAt);
  const local = parseIsoDate(date);
  const hasTime = c.when?.hour != null && c.when.basis !== 'published';
  const byPoint = placesAtPoint(g.precision ?? '');
  const point = g.lat !== null && g.lon !== null && byPoint;
  return {
    sourceKind: 'news',
    source: NEWS_SOURCE,
    sourceRecordId: eventIdFor(input.canonicalUrl),
    occurredOn: date,
    hour: hasTime ? c.when!.hour! : null,
    occurredAt: hasTime
      ? localToUtc(local, { hour: c.when!.hour!, minute: c.when!.minute ?? 0, second: 0 }).toISOString()
      : null,
    timePrecision: hasTime ? 'hour' : 'date',
    category: c.primary,
    violence: c.violence,
    attempt: c.attempt,
    originalLabel: (input.title ?? '').slice(0, 300),
    victims: c.victims ?? 1,
    point: point ? { lat: g.lat!, lon: g.lon! } : null,
    placedAtPoint: point,
    locationPrecision: (g.precision ?? 'none') as LocationPrecision,
    namedAreas: { alcaldia: g.alcaldia_id, colonia: byPoint ? g.colonia_id : null },
    provenance: { kind: 'article', canonicalUrl: input.canonicalUrl },
  };
}

/** Longest quotation of the article kept as provenance: one sentence, never the article. */
export const PLACING_SENTENCE_CHARS = 280;

/**
 * The sentence of `text` that named the place the geocoder resolved (its first resolved mention),
 * trimmed to `PLACING_SENTENCE_CHARS`: what a moderator or a Mesa reads to check a placement.
 * Sentence ends are `.`, `!`, `?` followed by a space, or a line break ("Av." and "Col." cut a
 * sentence short, which only shortens the quotation).
 */
export function placingSentence(
  text: string,
  mentions: readonly { start: number; end: number; resolved_id: string | null }[],
): string | null {
  const m = mentions.find((x) => x.resolved_id !== null) ?? mentions[0];
  if (!m) return null;
  const before = text.slice(0, m.start);
  const after = (delimiter: string) => {
    const at = before.lastIndexOf(delimiter);
    return at < 0 ? 0 : at + delimiter.length;
  };
  const start = Math.max(after('\n'), after('. '), after('! '), after('? '));
  const tail = /[.!?](\s|$)|\n/.exec(text.slice(m.end));
  const end = tail ? m.end + tail.index + 1 : text.length;
  const sentence = text.slice(start, end).trim();
  return sentence.length > PLACING_SENTENCE_CHARS ? `${sentence.slice(0, PLACING_SENTENCE_CHARS - 1)}…` : sentence;
}

/**
 * The incident a stored article stands for, from its stored classification and geocode (what a
 * moderator's correction rebuilds), or null when it is not a placed incident report.
 */
export function incidentFromStoredArticle(a: StoredArticle): NormalisedIncident | null {
  const classification = a.classification as unknown as ArticleClassification;
  const geocode = a.geocode as unknown as GeocodeOutput | null;
  if (!geocode || geocode.status !== 'ok' || !classification.primary) return null;
  return newsIncident({
    canonicalUrl: a.canonical_url,
    title: a.title,
    publishedAt: a.published_at,
    fetchedAt: a.fetched_at,
    classification,
    geocode,
  });
}
