/** OpenAPI paths of citizen reports, their moderation and chat imports, and moderators' decisions on news incidents. */
import { CATEGORY_IDS } from '../../core/taxonomy/index.ts';
import {
  AUTH_ERRORS,
  created,
  date,
  errors,
  get,
  int,
  type Json,
  nullable,
  obj,
  ok,
  param,
  post,
  STAFF_SECURITY,
  str,
} from './schema.ts';

export function reportPaths(): Json {
  return {
    '/api/reports': post(
      'Reporte ciudadano (anónimo). JSON ≤ 8 KiB; límite por IP (429); una solicitud con Origin de otro sitio: 403. Sin cabecera Origin se acepta (clientes que no son navegadores). El campo website es una trampa para bots: si trae texto, la respuesta es 202 y el reporte se descarta.',
      [],
      obj(
        {
          category: { enum: [...CATEGORY_IDS] },
          date: date,
          hour: nullable({ ...int, minimum: 0, maximum: 23 }),
          where: {
            oneOf: [
              obj({ lat: { type: 'number' }, lon: { type: 'number' } }),
              obj({ text: { type: 'string', minLength: 3, maxLength: 200 } }),
            ],
          },
          description: nullable({ type: 'string', maxLength: 2000 }),
          consent: { const: true },
          website: str,
        },
        ['category', 'date', 'where', 'consent'],
      ),
      {
        ...created(
          'Recibido: folio para consultar el estado, y lo que se entendió (lugar, fecha, categoría) para confirmarlo',
          obj({ folio: str, status: { const: 'pending' }, understood: { type: 'object' } }),
          '201',
        ),
        ...errors(
          'consent_required',
          'invalid_category',
          'invalid_date',
          'future_date',
          'outside_cdmx',
          'unplaced_location',
          'invalid_body',
          'forbidden_origin',
          'payload_too_large',
          'rate_limited',
        ),
      },
    ),
    '/api/reports/geocode': get(
      'Lo que el servidor entiende de un lugar escrito (para confirmarlo antes de enviar un reporte)',
      [param('q')],
      {
        ...ok(
          'Lugar entendido',
          obj({
            place: obj({
              lat: { type: 'number' },
              lon: { type: 'number' },
              precision: str,
              alcaldia_id: nullable(str),
              alcaldia: nullable(str),
              colonia_id: nullable(str),
              colonia: nullable(str),
              text: nullable(str),
            }),
          }),
        ),
        ...errors('invalid_query', 'outside_cdmx', 'unplaced_location'),
      },
    ),
    '/api/reports/{folio}': get(
      'Estado de un reporte por su folio (solo el estado: nunca el texto ni el lugar)',
      [param('folio', 'path')],
      {
        ...ok(
          'Estado',
          obj({
            folio: str,
            status: { enum: ['pending', 'approved', 'merged', 'rejected'] },
            created_at: str,
            decided_at: nullable(str),
          }),
        ),
        ...errors('not_found'),
      },
    ),
    '/api/moderation/reports': get(
      'Cola de moderación (token moderador o admin): reportes con su texto original y el redactado',
      [
        { name: 'status', in: 'query', schema: { enum: ['pending', 'approved', 'merged', 'rejected'] } },
        { name: 'limit', in: 'query', schema: { ...int, minimum: 1, maximum: 500, default: 100 } },
        { name: 'offset', in: 'query', schema: { ...int, minimum: 0, default: 0 } },
      ],
      {
        ...ok(
          'Reportes y conteos por estado',
          obj({ reports: { type: 'array', items: { type: 'object' } }, counts: { type: 'object' } }),
        ),
        ...errors('invalid_parameter', ...AUTH_ERRORS),
      },
    ),
    '/api/moderation/reports/{folio}/approve': post(
      'Aprobar: crea el incidente (fuente citizen, o chat) y cuenta en el mapa. Cuerpo opcional {"lat","lon"} o {"area":{"kind":"colonia"|"alcaldia","id"}}: obligatorio si el reporte no tiene ubicación (409 report_unplaced)',
      [param('folio', 'path')],
      null,
      {
        ...created('Aprobado', obj({ folio: str, status: { const: 'approved' }, incident_id: str })),
        ...errors(
          'not_found',
          'report_already_decided',
          'report_unplaced',
          'invalid_body',
          'outside_cdmx',
          'unknown_area',
          ...AUTH_ERRORS,
        ),
      },
    ),
    '/api/moderation/reports/{folio}/merge': post(
      'Unir a un incidente existente (no se cuenta de nuevo)',
      [param('folio', 'path')],
      obj({ incident_id: str }),
      {
        ...created('Unido', obj({ folio: str, status: { const: 'merged' }, incident_id: str })),
        ...errors('invalid_body', 'not_found', 'report_already_decided', ...AUTH_ERRORS),
      },
    ),
    '/api/moderation/reports/{folio}/reject': post(
      'Rechazar con un motivo',
      [param('folio', 'path')],
      obj({ reason: { type: 'string', minLength: 1, maxLength: 500 } }),
      {
        ...created('Rechazado', obj({ folio: str, status: { const: 'rejected' }, reason: str })),
        ...errors('invalid_body', 'not_found', 'report_already_decided', ...AUTH_ERRORS),
      },
    ),
    '/api/moderation/chat-imports': {
      post: {
        summary:
          'Importar una exportación de chat vecinal (WhatsApp .txt, Telegram .json, o un .zip con una de ellas) como cuerpo de la solicitud: sus mensajes de incidentes van a la cola de moderación. Con dry_run=1 solo cuenta lo que se importaría y no guarda nada. Importar el mismo archivo otra vez no duplica mensajes y devuelve el id de la primera importación.',
        parameters: [
          {
            name: 'dry_run',
            in: 'query',
            description: '1: vista previa, no guarda nada',
            schema: { enum: ['0', '1', 'true', 'false'], default: '0' },
          },
          {
            name: 'file_name',
            in: 'query',
            description: 'nombre del archivo subido (se registra con la importación)',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
        ],
        requestBody: {
          required: true,
          content: Object.fromEntries(
            ['text/plain', 'application/json', 'application/zip', 'application/octet-stream'].map((type) => [
              type,
              { schema: { type: 'string', format: 'binary' } },
            ]),
          ),
        },
        security: STAFF_SECURITY,
        responses: {
          ...created(
            'Lo importado (o lo que se importaría, con dry_run=1)',
            obj({
              dry_run: { type: 'boolean' },
              import_id: nullable(int),
              file: str,
              format: { enum: ['whatsapp-android', 'whatsapp-ios', 'telegram'] },
              first_date: nullable(date),
              last_date: nullable(date),
              messages: int,
              text_messages: int,
              media: int,
              system: int,
              malformed: int,
              incidents: int,
              placed: int,
              unplaced: int,
              queued: int,
              already_queued: int,
              sample: {
                type: 'array',
                items: obj({
                  date,
                  category: str,
                  precision: nullable(str),
                  alcaldia: nullable(str),
                  colonia: nullable(str),
                  excerpt: str,
                }),
              },
              retention_days: int,
            }),
          ),
          ...errors(
            'invalid_parameter',
            'empty_file',
            'not_a_chat_export',
            'unsupported_archive',
            'payload_too_large',
            'csrf_failed',
            ...AUTH_ERRORS,
          ),
        },
      },
    },
  };
}
