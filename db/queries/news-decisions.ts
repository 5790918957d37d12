/**
 * Moderators' corrections of news incidents — reject, correct, detach an article, merge two
 * incidents — each applied through the incident writer and recorded (`news_decisions`) in one
 * transaction, so that a later run of the news pipeline never undoes it.
 */
import { sql, type Transaction } from 'kysely';
import { AppError } from '../../core/errors/index.ts';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import type { Store } from '../connect.ts';
import type { IncidentWriter } from '../incidents/writer.ts';
import { type Database, type NewsDecisionAction, type SourceRelation } from '../schema.ts';
import { jsonField } from './news.ts';

/** A stored article as a decision rebuilds its incident from it. */
export interface StoredArticle {
  id: string;
  canonical_url: string;
  title: string | null;
  published_at: string | null;
  fetched_at: string;
  classification: Record<string, unknown>;
  geocode: Record<string, unknown> | null;
}

/**
 * Builds the normalised incident an article stands for (the pipeline's own rule, passed in: db/
 * does not import etl/), or null when the article cannot be one (not placed, no category).
 */
export type IncidentFromArticle = (article: StoredArticle) => NormalisedIncident | null;

export interface Correction {
  category?: string;
  lat?: number;
  lon?: number;
}

const jsonb = (value: unknown) => sql<string>`cast(cast(${JSON.stringify(value)} as text) as jsonb)`;
const iso = (v: unknown) => (v === null || v === undefined ? null : new Date(v as string).toISOString());

async function newsIncidentRow(trx: Transaction<Database>, incidentId: string) {
  const row = /^\d{1,18}$/.test(incidentId)
    ? await trx
        .selectFrom('incidents')
        .select(['id', 'source', 'source_record_id'])
        .where('id', '=', incidentId as never)
        .where('source_kind', '=', 'news')
        .forUpdate()
        .executeTakeFirst()
    : undefined;
  if (!row) throw new AppError('not_found', `incidente de prensa ${incidentId.slice(0, 40)}`);
  return { id: String(row.id), key: { source: row.source, sourceRecordId: row.source_record_id } };
}

async function sourcesOf(
  trx: Transaction<Database>,
  incidentId: string,
): Promise<(StoredArticle & { relation: SourceRelation })[]> {
  const rows = await trx
    .selectFrom('incident_sources as s')
    .innerJoin('news_articles as a', 'a.id', 's.article_id')
    .select([
      'a.id',
      'a.canonical_url',
      'a.title',
      'a.published_at',
      'a.fetched_at',
      'a.classification',
      'a.geocode',
      's.relation',
    ])
    .where('s.incident_id', '=', incidentId)
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({
    id: String(r.id),
    canonical_url: r.canonical_url,
    title: r.title,
    published_at: iso(r.published_at),
    fetched_at: iso(r.fetched_at)!,
    classification: jsonField(r.classification) ?? {},
    geocode: jsonField(r.geocode),
    relation: r.relation,
  }));
}

async function recordDecision(
  trx: Transaction<Database>,
  d: {
    incident_id: string;
    article_id?: string | null;
    action: NewsDecisionAction;
    detail: Record<string, unknown>;
    by: string;
  },
) {
  await trx
    .insertInto('news_decisions')
    .values({
      incident_id: d.incident_id,
      article_id: d.article_id ?? null,
      action: d.action,
      detail: jsonb(d.detail),
      decided_by: d.by,
    })
    .execute();
}

/** Rejects a news incident: it leaves the map, its articles stay on record as not incidents. */
export async function rejectNewsIncident(
  store: Pick<Store, 'db'>,
  writer: IncidentWriter,
  incidentId: string,
  reason: string,
  by: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const incident = await newsIncidentRow(trx, incidentId);
    const articles = await sourcesOf(trx, incident.id);
    await trx
      .updateTable('news_articles')
      .set({ status: 'not_incident', reason: 'rejected_by_moderator', incident_id: null, duplicate_of: null })
      .where('incident_id', '=', incident.id as never)
      .execute();
    await writer.writeIn(trx, { retract: [incident.key] });
    await recordDecision(trx, {
      incident_id: incident.id,
      action: 'reject',
      detail: { reason, articles: articles.map((a) => a.id) },
      by,
    });
  });
}

/**
 * Corrects a news incident's category or place: the stored origin article gets the moderator's
 * values (so any later rebuild keeps them) and the incident is rewritten from it, keeping its id.
 */
export async function correctNewsIncident(
  store: Pick<Store, 'db'>,
  writer: IncidentWriter,
  fromArticle: IncidentFromArticle,
  incidentId: string,
  fix: Correction,
  by: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const incident = await newsIncidentRow(trx, incidentId);
    const origin = (await sourcesOf(trx, incident.id)).find((a) => a.relation === 'origin');
    if (!origin) throw new AppError('not_found', `incidente ${incident.id} sin nota de origen`);
    const classification = fix.category
      ? { ...origin.classification, primary: fix.category, categories: [fix.category] }
      : origin.classification;
    const geocode =
      fix.lat !== undefined && fix.lon !== undefined
        ? {
            ...(origin.geocode ?? {}),
            status: 'ok',
            lat: fix.lat,
            lon: fix.lon,
            precision: 'point',
            confidence: 1,
            placed_by: 'moderator',
          }
        : origin.geocode;
    const rebuilt = fromArticle({ ...origin, classification, geocode });
    if (!rebuilt || rebuilt.source !== incident.key.source || rebuilt.sourceRecordId !== incident.key.sourceRecordId) {
      throw new AppError('invalid_body', 'la corrección no produce un incidente ubicado');
    }
    await trx
      .updateTable('news_articles')
      .set({ classification: jsonb(classification), geocode: geocode ? jsonb(geocode) : null })
      .where('id', '=', origin.id as never)
      .execute();
    await writer.writeIn(trx, { upsert: [rebuilt] });
    await recordDecision(trx, {
      incident_id: incident.id,
      article_id: origin.id,
      action: 'correct',
      detail: { ...fix },
      by,
    });
  });
}

/**
 * Detaches a wrongly joined article from an incident: it becomes an incident of its own when it is
 * a placed report, else it stays on record as not an incident. The origin cannot be detached.
 * Returns the article's new incident id, if any.
 */
export async function detachNewsArticle(
  store: Pick<Store, 'db'>,
  writer: IncidentWriter,
  fromArticle: IncidentFromArticle,
  incidentId: string,
  articleId: string,
  by: string,
): Promise<string | null> {
  return store.db.transaction().execute(async (trx) => {
    const incident = await newsIncidentRow(trx, incidentId);
    const article = (await sourcesOf(trx, incident.id)).find((a) => a.id === articleId);
    if (!article) throw new AppError('not_found', `nota ${articleId.slice(0, 40)} del incidente ${incident.id}`);
    if (article.relation === 'origin') throw new AppError('origin_article');
    await trx
      .deleteFrom('incident_sources')
      .where('incident_id', '=', incident.id)
      .where('article_id', '=', article.id)
      .execute();
    const own = fromArticle(article);
    let ownId: string | null = null;
    if (own) {
      ownId = (await writer.writeIn(trx, { insert: [own] })).ids[0]!;
      await trx
        .insertInto('incident_sources')
        .values({ incident_id: ownId, article_id: article.id, relation: 'origin' })
        .onConflict((oc) => oc.doNothing())
        .execute();
    } else {
      await writer.writeIn(trx, {}, { alsoChanged: true });
    }
    await trx
      .updateTable('news_articles')
      .set(
        own
          ? { status: 'incident', reason: 'detached_by_moderator', incident_id: ownId, duplicate_of: null }
          : { status: 'not_incident', reason: 'detached_by_moderator', incident_id: null, duplicate_of: null },
      )
      .where('id', '=', article.id as never)
      .execute();
    await recordDecision(trx, {
      incident_id: incident.id,
      article_id: article.id,
      action: 'detach',
      detail: { new_incident_id: ownId },
      by,
    });
    return ownId;
  });
}

/** Merges incident `incidentId` into `intoId`: its articles become sources of the other, it leaves the map. */
export async function mergeNewsIncidents(
  store: Pick<Store, 'db'>,
  writer: IncidentWriter,
  incidentId: string,
  intoId: string,
  by: string,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    if (incidentId === intoId) throw new AppError('invalid_body', 'un incidente no se une consigo mismo');
    const from = await newsIncidentRow(trx, incidentId);
    const into = await newsIncidentRow(trx, intoId);
    const moved = await sourcesOf(trx, from.id);
    const intoOrigin = (await sourcesOf(trx, into.id)).find((a) => a.relation === 'origin');
    for (const a of moved) {
      await trx
        .insertInto('incident_sources')
        .values({
          incident_id: into.id,
          article_id: a.id,
          relation: a.relation === 'origin' ? 'same_event' : a.relation,
        })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
    await trx
      .updateTable('news_articles')
      .set({
        status: 'duplicate',
        reason: 'merged_by_moderator',
        incident_id: into.id,
        duplicate_of: intoOrigin?.id ?? null,
      })
      .where('id', 'in', (moved.length ? moved.map((a) => a.id) : ['0']) as never[])
      .execute();
    await writer.writeIn(trx, { retract: [from.key] });
    await recordDecision(trx, {
      incident_id: from.id,
      action: 'merge',
      detail: { into: into.id, articles: moved.map((a) => a.id) },
      by,
    });
  });
}
