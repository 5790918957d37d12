/**
 * One extracted article into the store: classify, place, dedupe against earlier articles, and
 * record it — as a new incident, as one more source of an existing incident, or with the reason
 * it is not one. Every article gets a `news_articles` row; nothing read is dropped.
 */
import { sql, type Transaction } from 'kysely';
import type { Store } from '../../../db/connect.ts';
import { IncidentWriter } from '../../../db/incidents/writer.ts';
import type { NormalisedIncident } from '../../../core/incident/index.ts';
import { getGeocoder, type GeocodeOutput } from '../../../reference/geocoder/index.ts';
import { EXTRACTOR_VERSION, type ExtractedArticle } from '../extract/index.ts';
import { classifyArticle, CLASSIFIER_VERSION, type ArticleClassification } from '../classify/index.ts';
import { contentVector, findSameEvent, findSameStory, minhash, type EventDescriptor } from '../dedupe/index.ts';
import { namedEntities, withoutOrganisationNames, type NamedEntity } from '../dedupe/entities.ts';
import { eventDate, newsIncident, placingSentence } from './incident.ts';
import type { ArticleStatus, Database, SourceRelation } from '../../../db/schema.ts';

export type ArticleOutcome = 'incident' | 'duplicate' | 'unplaced' | 'not_incident' | 'unchanged';

export interface ArticleInput {
  /** URL fetched (after redirects). */
  url: string;
  article: ExtractedArticle;
  /** Outlet name, or null to use the canonical URL's host. */
  outlet: string | null;
  /** Source id or feed URL the article was listed in. */
  feed: string;
  fetchedAt: string;
  contentSha256: string;
}

/** Days around an article's date searched for earlier copies (copies may be republished later). */
const STORY_WINDOW_DAYS = 7;
export const GEOCODE_CHARS = 1500;

/** What the geocoder reads of an article: headline and lead, organisations' names blanked (`withoutOrganisationNames`). */
export function geocodingText(title: string | null, text: string): string {
  return withoutOrganisationNames(`${title ?? ''}\n${text.slice(0, GEOCODE_CHARS)}`);
}

/** Regional editions and states: a page from `hidalgo.quadratin.com.mx` or `lasillarota.com/hidalgo/` is not CDMX news. */
const REGION =
  /(hidalgo|edomex|estadodemexico|puebla|queretaro|morelos|tlaxcala|jalisco|oaxaca|veracruz|guanajuato|michoacan|guerrero|sinaloa|sonora|chihuahua|nuevoleon|yucatan|quintanaroo|chiapas|tabasco|coahuila|durango|zacatecas|aguascalientes|colima|nayarit|tamaulipas|campeche|bajacalifornia|sanluispotosi)/;

/** Why a text is outside the city, if it is: a regional edition, or a dateline naming a place outside. */
export function outsideCityCue(url: string, text: string, geocode: (t: string) => GeocodeOutput): string | null {
  try {
    const u = new URL(url);
    const host = u.hostname.replace(/[^a-z]/g, '');
    const first = (u.pathname.split('/')[1] ?? '').replace(/[^a-z]/g, '');
    // "miguelhidalgo" is an alcaldía, not the state.
    if (
      (REGION.test(host) && !/miguelhidalgo/.test(host)) ||
      (REGION.test(first) && first.length <= 16 && !/miguelhidalgo/.test(first))
    ) {
      return 'regional_edition';
    }
  } catch {
    /* not a URL (a file path): no edition cue */
  }
  const dateline = /^\s*([^\n]{3,80}?)\.?\s*[.-]-/.exec(text)?.[1];
  if (dateline && geocode(dateline).status === 'outside_cdmx') return 'dateline';
  return null;
}

interface Placement {
  /** The geocoder's answer plus the sentence that named the place (provenance for moderators). */
  geocode: GeocodeOutput & { placing_sentence: string | null };
  /** null when placed in the city; else the reason (`outside_cdmx`, `not_found`, `ambiguous` …). */
  unplaced: string | null;
}

function place(input: ArticleInput): Placement {
  const g = getGeocoder();
  const answer = g.geocodeText(geocodingText(input.article.title, input.article.text));
  // The blanked text has the original's offsets: the sentence is quoted as written.
  const text = `${input.article.title ?? ''}\n${input.article.text.slice(0, GEOCODE_CHARS)}`;
  const geocode = { ...answer, placing_sentence: placingSentence(text, answer.mentions) };
  if (geocode.status === 'outside_cdmx') return { geocode, unplaced: 'outside_cdmx' };
  const cue = outsideCityCue(input.article.url || input.url, input.article.text, (t) => g.geocodeText(t));
  if (cue) return { geocode, unplaced: 'outside_cdmx' };
  if (geocode.status !== 'ok') return { geocode, unplaced: geocode.status };
  return { geocode, unplaced: null };
}

let writer: IncidentWriter | undefined;
/** The incident writer, placing with the geocoder's reverse geocoder (built on first use). */
function incidentWriter(): IncidentWriter {
  return (writer ??= new IncidentWriter(getGeocoder().reverse));
}

function shiftDate(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

const placeOf = (g: GeocodeOutput | Record<string, unknown> | null) => ({
  lat: (g?.lat as number | null) ?? null,
  lon: (g?.lon as number | null) ?? null,
  colonia_id: (g?.colonia_id as string | null) ?? null,
  alcaldia_id: (g?.alcaldia_id as string | null) ?? null,
  precision: (g?.precision as string | null) ?? null,
});

/**
 * A jsonb value sent as text and cast by the server: postgres.js JSON-encodes a parameter whose
 * inferred type is jsonb, so a pre-serialised string would be stored as a JSON *string*.
 */
function jsonb(value: unknown) {
  return sql<string>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
}

/** A jsonb column as an object, whichever way the driver returned it. */
function fromJson<T>(v: T | string): T {
  return typeof v === 'string' ? (JSON.parse(v) as T) : v;
}

async function link(trx: Transaction<Database>, incidentId: string, articleId: string, relation: SourceRelation) {
  await trx
    .insertInto('incident_sources')
    .values({ incident_id: incidentId, article_id: articleId, relation })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** Processes one article; returns what became of it. */
export async function processArticle(store: Store, input: ArticleInput): Promise<ArticleOutcome> {
  const { db } = store;
  const { article } = input;
  const existing = await db
    .selectFrom('news_articles')
    .select(['id', 'content_sha256'])
    .where('url', '=', input.url)
    .executeTakeFirst();
  // Already processed (a server without validators answered 200 again): nothing new. A changed page
  // is not re-processed in place; its archive copy allows a later re-run with `reextractArchived`.
  if (existing) return 'unchanged';

  const classification: ArticleClassification = classifyArticle({
    title: article.title,
    text: article.text,
    publishedAt: article.published_at,
  });
  const date = eventDate(classification, article.published_at, input.fetchedAt);
  const signature = minhash(article.text);
  const terms = contentVector(`${article.title ?? ''}\n${article.text}`);
  const entities = namedEntities(`${article.title ?? ''}\n${article.text}`);
  const outlet =
    input.outlet ?? (URL.canParse(article.url) ? new URL(article.url).hostname.replace(/^www\./, '') : 'desconocido');

  return db.transaction().execute(async (trx) => {
    const candidates = await trx
      .selectFrom('news_articles')
      .select(['id', 'status', 'incident_id', 'duplicate_of', 'fingerprint', 'classification', 'geocode'])
      // as text: the drivers disagree on how a `date` comes back (string or Date at local midnight)
      .select(sql<string>`event_date::text`.as('event_day'))
      .where('event_date', '>=', shiftDate(date, -STORY_WINDOW_DAYS))
      .where('event_date', '<=', shiftDate(date, STORY_WINDOW_DAYS))
      .orderBy('id')
      .execute()
      .then((rows) =>
        rows.map((r) => ({
          ...r,
          fingerprint: fromJson(r.fingerprint),
          classification: fromJson(r.classification),
          geocode: r.geocode === null ? null : fromJson(r.geocode),
        })),
      );

    let status: ArticleStatus;
    let reason: string | null = null;
    let incidentId: string | null = null;
    let duplicateOf: string | null = null;
    let relation: SourceRelation | null = null;
    let geocode: GeocodeOutput | null = null;
    let newIncident: NormalisedIncident | null = null;

    const story =
      candidates[
        findSameStory(
          signature,
          candidates.map((c) => ({ signature: c.fingerprint })),
        )
      ];
    if (story) {
      status = 'duplicate';
      reason = 'same_story';
      duplicateOf = String(story.duplicate_of ?? story.id);
      incidentId = story.incident_id === null ? null : String(story.incident_id);
      relation = 'same_story';
    } else {
      // Placed first: a text about another state is never a CDMX incident, whatever its kind
      // (the saved Hidalgo pages must come out as unplaced/outside_cdmx).
      const placed = place(input);
      geocode = placed.geocode;
      const isIncident = classification.kind === 'incident' && classification.primary !== null;
      // An incident report is matched against earlier events even when it cannot be placed itself:
      // a shared suspect, plate or corner is enough to join it to an event another outlet placed.
      const me: EventDescriptor = {
        date,
        categories: classification.categories,
        place: placeOf(geocode),
        vector: terms,
        entities,
      };
      const event =
        isIncident && placed.unplaced !== 'outside_cdmx'
          ? candidates[
              findSameEvent(
                me,
                candidates.map((c) => ({
                  isIncident: c.status === 'incident' && c.incident_id !== null,
                  event: {
                    date: c.event_day,
                    categories: (c.classification.categories as string[]) ?? [],
                    place: placeOf(c.geocode),
                    vector: new Map(Object.entries(c.fingerprint.terms)),
                    entities: (c.fingerprint.entities ?? []) as NamedEntity[],
                  },
                })),
              )
            ]
          : undefined;
      if (event) {
        status = 'duplicate';
        reason = 'same_event';
        duplicateOf = String(event.id);
        incidentId = String(event.incident_id);
        relation = 'same_event';
      } else if (placed.unplaced === 'outside_cdmx' || (isIncident && placed.unplaced)) {
        status = 'unplaced';
        reason = placed.unplaced;
      } else if (!isIncident) {
        status = 'not_incident';
        reason = classification.reason ?? classification.kind;
      } else {
        status = 'incident';
        relation = 'origin';
        newIncident = newsIncident({
          canonicalUrl: article.url,
          title: article.title,
          publishedAt: article.published_at,
          fetchedAt: input.fetchedAt,
          classification,
          geocode,
        });
      }
    }

    // The writer stores the event's incident (or finds the one already stored under its id) and bumps
    // the data version once, also when the article only joins an existing incident as a source.
    const written = await incidentWriter().writeIn(
      trx,
      { insert: newIncident ? [newIncident] : [] },
      { alsoChanged: incidentId !== null },
    );
    if (newIncident) incidentId = written.ids[0]!;
    const { id: articleId } = await trx
      .insertInto('news_articles')
      .values({
        url: input.url,
        canonical_url: article.url,
        outlet,
        feed: input.feed,
        fetched_at: input.fetchedAt,
        extractor_version: EXTRACTOR_VERSION,
        classifier_version: CLASSIFIER_VERSION,
        content_sha256: input.contentSha256,
        title: article.title,
        published_at: article.published_at,
        event_date: date,
        classification: jsonb(classification),
        geocode: geocode ? jsonb(geocode) : null,
        fingerprint: jsonb({ mins: signature.mins, size: signature.size, terms: Object.fromEntries(terms), entities }),
        status,
        reason,
        incident_id: incidentId,
        duplicate_of: duplicateOf,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    if (incidentId !== null && relation) await link(trx, incidentId, String(articleId), relation);
    // The `unplaced` count is of incident reports (the `news --once` summary's contract); other texts outside the city are
    // stored as unplaced but counted as not incidents.
    if (status === 'unplaced' && classification.kind !== 'incident') return 'not_incident';
    return status;
  });
}
