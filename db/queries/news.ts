/**
 * News incidents of an area (or the city) with the articles that stand behind each (provenance):
 * outlet, headline, URL, publication time, how the article relates to the incident, and how the
 * geocoder placed it (precision, confidence, the sentence that named the place). The moderators'
 * corrections of them: ./news-decisions.ts.
 */
import { sql } from 'kysely';
import type { Store } from '../connect.ts';
import { applyIncidentFilter, type IncidentFilter } from './filter.ts';
import { areaColumn, type AreaKind, type SourceRelation, type Vintage } from '../schema.ts';

export interface NewsSource {
  article_id: string;
  outlet: string;
  title: string | null;
  url: string;
  published_at: string | null;
  relation: SourceRelation;
  precision: string | null;
  confidence: number | null;
  placing_sentence: string | null;
}

export interface NewsIncident {
  id: string;
  occurred_on: string;
  category: string;
  location_precision: string;
  lat: number | null;
  lon: number | null;
  colonia_id: string | null;
  /** the alcaldía that holds the incident (2023 boundaries, else 2016), null when unplaced */
  alcaldia_id: string | null;
  sources: NewsSource[];
}

export interface NewsIncidentQuery extends Pick<IncidentFilter, 'from' | 'to' | 'categories'> {
  /** the area whose incidents are listed; absent: the whole city */
  area?: { kind: AreaKind; vintage: Vintage; id: string };
  /** At most this many incidents, newest first. */
  limit: number;
}

export const jsonField = (v: unknown): Record<string, unknown> | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'string'
      ? (JSON.parse(v) as Record<string, unknown>)
      : (v as Record<string, unknown>);

/** The news incidents of an area (or the city), newest first, each with its sources oldest first; `total` counts them all. */
export async function newsIncidents(
  store: Pick<Store, 'db'>,
  q: NewsIncidentQuery,
): Promise<{ total: number; incidents: NewsIncident[] }> {
  const filtered = applyIncidentFilter(store.db.selectFrom('incidents'), {
    from: q.from,
    to: q.to,
    categories: q.categories,
    sources: ['news'],
  });
  const base = q.area ? filtered.where(areaColumn(q.area.kind, q.area.vintage), '=', q.area.id) : filtered;
  const [{ total }] = await base.select((eb) => eb.fn.countAll<string>().as('total')).execute();
  const rows = await base
    .select(['id', 'category', 'location_precision', 'lat', 'lon', 'colonia', 'alcaldia_2023', 'alcaldia_2016'])
    // as text: the drivers disagree on how a `date` comes back
    .select(sql<string>`occurred_on::text`.as('day'))
    .orderBy('occurred_on', 'desc')
    .orderBy('id', 'desc')
    .limit(q.limit)
    .execute();
  const ids = rows.map((r) => String(r.id));
  const sources = ids.length
    ? await store.db
        .selectFrom('incident_sources as s')
        .innerJoin('news_articles as a', 'a.id', 's.article_id')
        .select([
          's.incident_id',
          's.relation',
          'a.id as article_id',
          'a.outlet',
          'a.title',
          'a.canonical_url',
          'a.published_at',
          'a.geocode',
        ])
        .where('s.incident_id', 'in', ids)
        .orderBy('a.published_at')
        .orderBy('a.id')
        .execute()
    : [];
  const byIncident = new Map<string, NewsSource[]>(ids.map((id) => [id, []]));
  for (const s of sources) {
    const g = jsonField(s.geocode);
    byIncident.get(String(s.incident_id))?.push({
      article_id: String(s.article_id),
      outlet: s.outlet,
      title: s.title,
      url: s.canonical_url,
      published_at: s.published_at === null ? null : new Date(s.published_at as unknown as string).toISOString(),
      relation: s.relation,
      precision: (g?.precision as string | null | undefined) ?? null,
      confidence: (g?.confidence as number | null | undefined) ?? null,
      placing_sentence: (g?.placing_sentence as string | null | undefined) ?? null,
    });
  }
  return {
    total: Number(total),
    incidents: rows.map((r) => ({
      id: String(r.id),
      occurred_on: r.day,
      category: r.category,
      location_precision: r.location_precision,
      lat: r.lat,
      lon: r.lon,
      colonia_id: r.colonia,
      alcaldia_id: r.alcaldia_2023 ?? r.alcaldia_2016,
      sources: byIncident.get(String(r.id)) ?? [],
    })),
  };
}

// --- moderators' decisions -------------------------------------------------------------------
