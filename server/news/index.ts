/**
 * `GET /api/news/incidents?kind&id&vintage&from&to&category&limit`: the news incidents of one area
 * (or, without kind and id, of the whole city: the moderators' review list) with the articles behind each — outlet, headline, URL, publication time, whether the article is
 * the origin, a copy or another outlet's report of the same event, and how the geocoder placed it
 * (precision, confidence, the sentence that named the place), so a Mesa can check a claim and a
 * moderator can correct one.
 *
 * Detail-level data: server/policy `requireDetail` — admin and moderador, or mesa/enlace whose
 * territory holds the area; everyone else 403 `forbidden`. The public sees news only as counts,
 * through the publication policy like every other count: a list of headlines per small area
 * would tell which events stand behind a withheld figure.
 *
 * Moderators (moderador, admin) correct what the pipeline got wrong, each decision applied and
 * recorded in one transaction (db/queries/news.ts) and never undone by a later pipeline run:
 * - `POST /api/news/incidents/{id}/reject` `{reason}` → the incident leaves the map;
 * - `POST /api/news/incidents/{id}/correct` `{category?, lat?, lon?}` → category or point fixed;
 * - `POST /api/news/incidents/{id}/detach` `{article_id}` → a wrongly joined article becomes its own
 *   incident (or, unplaced, none); the origin article cannot be detached (409 `origin_article`);
 * - `POST /api/news/incidents/{id}/merge` `{into}` → two reports of one event become one incident.
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { AppError } from '../../core/errors/index.ts';
import { isCategoryId } from '../../core/taxonomy/index.ts';
import { incidentFromStoredArticle } from '../../etl/news/pipeline/incident.ts';
import { requireModerator } from '../moderation/index.ts';
import { parseJsonBody } from '../shared/json-body.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { principalOf } from '../auth/index.ts';
import { DEFAULT_VINTAGE, parseFilter, parseParams } from '../params/index.ts';
import { parsePlaceKind, requireArea } from '../shared/places.ts';
import { territoryArea } from '../shared/territory.ts';
import { requireDetail, seesEverything } from '../policy/index.ts';
import { registerNewsSources } from './sources.ts';

export const NEWS_LIST_DEFAULT = 50;
export const NEWS_LIST_MAX = 200;

/** `limit`: 1–200, default 50. */
export function parseNewsLimit(raw: string | undefined): number {
  if (raw === undefined || raw === '') return NEWS_LIST_DEFAULT;
  const n = /^\d{1,4}$/.test(raw) ? Number(raw) : NaN;
  if (!(n >= 1 && n <= NEWS_LIST_MAX))
    throw new AppError('invalid_parameter', `limit=${raw.slice(0, 20)} (use 1 a ${NEWS_LIST_MAX})`);
  return n;
}

const Id = z.union([z.string().regex(/^\d{1,18}$/), z.number().int().positive()]).transform(String);
const RejectBody = z.object({ reason: z.string().trim().min(1).max(500) }).strict();
const CorrectBody = z
  .object({
    category: z.string().refine(isCategoryId, 'categoría desconocida').optional(),
    lat: z.number().min(-90).max(90).optional(),
    lon: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((b) => (b.lat === undefined) === (b.lon === undefined), 'lat y lon van juntos')
  .refine((b) => b.category !== undefined || b.lat !== undefined, 'indique category o lat/lon');
const DetachBody = z.object({ article_id: Id }).strict();
const MergeBody = z.object({ into: Id }).strict();

export function registerNews(app: ApiApp, services: Services): void {
  const { repositories } = services;
  const news = repositories.news;
  const by = (c: Context) => {
    const p = principalOf(c)!;
    return `${p.role}:${p.name}`;
  };
  registerNewsSources(app, services);
  app.use('/api/news/incidents/:id/*', requireModerator);
  app.post('/api/news/incidents/:id/reject', async (c) => {
    const { reason } = await parseJsonBody(c, RejectBody);
    await news.reject(services.incidentWriter(), c.req.param('id'), reason, by(c));
    services.dataVersion.invalidate();
    return c.json({ incident_id: c.req.param('id'), decision: 'reject' });
  });
  app.post('/api/news/incidents/:id/correct', async (c) => {
    const fix = await parseJsonBody(c, CorrectBody);
    if (fix.lat !== undefined && !services.reference.geocoder().reverse.areaAt('alcaldia', null, fix.lat, fix.lon!)) {
      throw new AppError('invalid_body', 'el punto está fuera de la Ciudad de México');
    }
    await news.correct(services.incidentWriter(), incidentFromStoredArticle, c.req.param('id'), fix, by(c));
    services.dataVersion.invalidate();
    return c.json({ incident_id: c.req.param('id'), decision: 'correct' });
  });
  app.post('/api/news/incidents/:id/detach', async (c) => {
    const { article_id } = await parseJsonBody(c, DetachBody);
    const own = await news.detach(
      services.incidentWriter(),
      incidentFromStoredArticle,
      c.req.param('id'),
      article_id,
      by(c),
    );
    services.dataVersion.invalidate();
    return c.json({ incident_id: c.req.param('id'), decision: 'detach', article_id, new_incident_id: own });
  });
  app.post('/api/news/incidents/:id/merge', async (c) => {
    const { into } = await parseJsonBody(c, MergeBody);
    await news.merge(services.incidentWriter(), c.req.param('id'), into, by(c));
    services.dataVersion.invalidate();
    return c.json({ incident_id: c.req.param('id'), decision: 'merge', into });
  });

  app.get('/api/news/incidents', async (c) => {
    // under moderation: a decision must show on the next look, so browsers revalidate (ETag) every time
    c.set('cacheControl', 'private, no-cache');
    const query = c.req.query();
    const filter = parseFilter(query);
    const limit = parseNewsLimit(query.limit);
    const listed = { from: filter.from, to: filter.to, categories: filter.categories, limit };
    if (query.kind === undefined && query.id === undefined) {
      // the whole city: the moderators' review list; a mesa or enlace asks for its territory's areas
      if (!seesEverything(principalOf(c)))
        throw new AppError('forbidden', 'la lista de toda la ciudad es para moderación y administración');
      const { total, incidents } = await repositories.news.incidents(listed);
      return c.json({ area: null, from: filter.from ?? null, to: filter.to ?? null, total, incidents });
    }
    const kind = parsePlaceKind(query.kind);
    if (kind === 'h3')
      throw new AppError(
        'invalid_kind',
        'kind=h3: las notas se listan por área (alcaldia, colonia, sector, cuadrante)',
      );
    const vintage = parseParams(query, ['vintage']).vintage ?? DEFAULT_VINTAGE;
    const id = query.id?.trim();
    if (!id) throw new AppError('invalid_parameter', 'falta el parámetro id');
    const area = await requireArea(repositories.incidents, kind, vintage, id);
    requireDetail(principalOf(c), [territoryArea(kind, vintage, area)]);
    const { total, incidents } = await repositories.news.incidents({
      ...listed,
      area: { kind, vintage, id: area.id },
    });
    return c.json({
      area: { kind, id: area.id, name: area.name, vintage },
      from: filter.from ?? null,
      to: filter.to ?? null,
      total,
      incidents,
    });
  });
}
