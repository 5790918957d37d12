/**
 * OpenAPI paths of the news the pipeline turned into incidents: their provenance (the articles behind
 * each, for detail roles; the whole city for moderators), moderators' decisions on them, and the news
 * sources' schedule (admin).
 */
import { AREA_KINDS } from '../services/ports.ts';
import { NEWS_LIST_DEFAULT, NEWS_LIST_MAX } from '../news/index.ts';
import {
  AUTH_ERRORS,
  created,
  errors,
  FILTER_ERRORS,
  int,
  type Json,
  nullable,
  num,
  obj,
  param,
  post,
  str,
} from './schema.ts';

/** An answer without the caching headers of `ok` (the news answers are revalidated on every look). */
const answer = (description: string, schema: Json) => ({
  '200': { description, content: { 'application/json': { schema } } },
});

const newsSource = obj({
  article_id: str,
  outlet: str,
  title: nullable(str),
  url: str,
  published_at: nullable({ type: 'string', format: 'date-time' }),
  relation: { enum: ['origin', 'same_story', 'same_event'] },
  precision: nullable(str),
  confidence: nullable(num),
  placing_sentence: nullable(str),
});
const newsIncidents = obj({
  area: nullable(obj({ kind: { enum: [...AREA_KINDS] }, id: str, name: str, vintage: int })),
  from: nullable(str),
  to: nullable(str),
  total: int,
  incidents: {
    type: 'array',
    items: obj({
      id: str,
      occurred_on: { type: 'string', format: 'date' },
      category: str,
      location_precision: str,
      lat: nullable(num),
      lon: nullable(num),
      colonia_id: nullable(str),
      alcaldia_id: nullable(str),
      sources: { type: 'array', items: newsSource },
    }),
  },
});

const dateTime = { type: 'string', format: 'date-time' };
const newsSourceStatus = obj({
  schedule: obj({ active: { type: 'boolean' }, interval_minutes: nullable(int), config_error: nullable(str) }),
  sources: {
    type: 'array',
    items: obj({
      id: str,
      outlet: nullable(str),
      kind: nullable(str),
      url: nullable(str),
      enabled: { type: 'boolean' },
      configured: { type: 'boolean' },
      interval_minutes: nullable(int),
      last_run: nullable(
        obj({
          started_at: dateTime,
          finished_at: dateTime,
          status: { enum: ['ok', 'failed'] },
          reason: nullable(str),
          pass_counts: nullable({ type: 'object', additionalProperties: int }),
          instance: str,
        }),
      ),
      last_ok_at: nullable(dateTime),
      next_run_at: nullable(dateTime),
    }),
  },
});

export function newsPaths(): Json {
  return {
    '/api/news/incidents': {
      get: {
        summary: `Incidentes de notas de prensa de un área (sin kind ni id: de toda la ciudad, solo moderador y admin; area = null) con sus fuentes (medio, titular, URL, fecha de publicación, relación: origin = la primera nota, same_story = copia sindicada, same_event = otra nota del mismo hecho; precisión y confianza del geocodificador y la oración que nombró el lugar), los más recientes primero (limit 1–${NEWS_LIST_MAX}, por omisión ${NEWS_LIST_DEFAULT}; total = todos). Detalle: admin y moderador, o mesa/enlace cuyo territorio contiene el área; cualquier otro, el público incluido: 403 forbidden (el público ve las notas solo como conteos publicados).`,
        parameters: [
          { name: 'kind', in: 'query', schema: { enum: [...AREA_KINDS] } },
          { name: 'id', in: 'query', schema: str },
          param('vintage'),
          param('from'),
          param('to'),
          param('category'),
          {
            name: 'limit',
            in: 'query',
            schema: { ...int, minimum: 1, maximum: NEWS_LIST_MAX, default: NEWS_LIST_DEFAULT },
          },
        ],
        responses: {
          ...answer('Incidentes de prensa con sus fuentes', newsIncidents),
          ...errors(
            'invalid_kind',
            'invalid_parameter',
            'invalid_vintage',
            'unknown_area',
            'forbidden',
            'invalid_token',
            ...FILTER_ERRORS,
          ),
        },
      },
    },
    '/api/news/sources': {
      get: {
        summary:
          'Fuentes de noticias configuradas (admin) con su última ejecución programada (inicio, fin, proceso, ok o failed con el motivo: DNS, conexión rechazada, tiempo agotado, estado HTTP, robots.txt), los conteos de esa pasada, el último éxito y la próxima ejecución (null si el calendario no corre o la fuente está desactivada). Las fuentes que ya no están en la configuración pero tienen ejecuciones aparecen con configured = false.',
        responses: {
          ...answer('Estado de las fuentes de noticias', newsSourceStatus),
          ...errors('authentication_required', 'forbidden', 'invalid_token'),
        },
      },
    },
    ...Object.fromEntries(
      (
        [
          [
            'reject',
            'Rechazar un incidente de prensa (sale del mapa; sus notas quedan registradas)',
            obj({ reason: { type: 'string', minLength: 1, maxLength: 500 } }),
          ],
          [
            'correct',
            'Corregir categoría y/o punto (lat y lon juntos, dentro de la Ciudad de México) de un incidente de prensa; conserva su id',
            obj({ category: str, lat: { type: 'number' }, lon: { type: 'number' } }, []),
          ],
          [
            'detach',
            'Separar una nota mal unida: queda como incidente propio si está ubicada, si no como nota sin incidente (409 origin_article para la primera nota)',
            obj({ article_id: str }),
          ],
          [
            'merge',
            'Unir este incidente a otro (into): sus notas pasan a ser fuentes del otro y este sale del mapa',
            obj({ into: str }),
          ],
        ] as const
      ).map(([action, summary, body]) => [
        `/api/news/incidents/{id}/${action}`,
        post(
          `${summary}. Moderador o admin; cada decisión queda registrada y una nueva corrida del proceso de notas no la deshace.`,
          [param('id', 'path')],
          body,
          {
            ...created(
              'Decisión aplicada',
              obj({ incident_id: str, decision: { const: action } }, ['incident_id', 'decision']),
            ),
            ...errors(
              'invalid_body',
              'not_found',
              ...(action === 'detach' ? (['origin_article'] as const) : []),
              ...AUTH_ERRORS,
            ),
          },
        ),
      ]),
    ),
  };
}
