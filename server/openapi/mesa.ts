/**
 * OpenAPI paths of the Mesa routes: targets (metas), patrol planning and exports,
 * and the component parameters they refer to.
 */
import { AREA_KINDS } from '../services/ports.ts';
import { EXPORTS } from '../export/index.ts';
import { DAY_LABELS, PATROL_DEFAULT_RES, PATROL_MAX_RES, PATROL_MIN_RES, PATROL_TOP_CELLS } from '../patrol/index.ts';
import { MAX_BASELINE_MONTHS, MAX_TARGET_HORIZON_MONTHS } from '../targets/index.ts';
import {
  bool,
  errors,
  FILTER,
  FILTER_ERRORS,
  int,
  type Json,
  month,
  nullable,
  num,
  obj,
  param,
  str,
} from './schema.ts';

/** An answer of any status, without the caching headers of `ok` (which every 200 GET lists). */
const answer = (description: string, schema: Json, type = 'application/json', status = '200') => ({
  [status]: { description, content: { [type]: { schema } } },
});

const TARGET_RULE =
  'Regla de avance (geo/stats targetProgress; práctica de metas de la Mesa de Seguridad y Justicia de Ciudad Juárez, que fijó y revisó en cada plenaria metas sucesivas de homicidio): baseline_monthly_mean = suma de los meses de la línea base [baseline_from, baseline_to) / número de meses; goal_monthly = baseline_monthly_mean × (1 − reduction_pct/100). Cada mes desde baseline_to hasta min(due_month, último mes de las fuentes que tienen incidentes en el área): met = count ≤ goal. status: "en_curso" mientras los datos no llegan a due_month; al llegar, "cumplida" si la media de los últimos 3 meses hasta due_month (solo meses ≥ baseline_to) es ≤ goal_monthly, si no "no_cumplida"; null si la línea base no está completa dentro de los datos (goal null) o si un mes de esa ventana está reservado. Comparaciones exactas (un conteo igual a la meta la cumple). Público: valores mensuales publicados (1 … k−1 → null con partial: true; en la línea base un mes reservado cuenta 0 y baseline_withheld dice cuántos), access "public" y min_count.';

const target = obj({
  id: int,
  name: str,
  kind: { enum: [...AREA_KINDS] },
  area_id: str,
  area_name: nullable(str),
  vintage: { enum: [2016, 2023] },
  category: nullable(str),
  baseline_from: { type: 'string', format: 'date' },
  baseline_to: { type: 'string', format: 'date' },
  reduction_pct: num,
  due_month: month,
  created_at: { type: 'string', format: 'date-time' },
  created_by: str,
});

const targetBody = obj(
  {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    kind: { enum: [...AREA_KINDS] },
    area_id: str,
    vintage: { enum: [2016, 2023], default: 2023 },
    category: nullable({
      type: 'string',
      description: 'category or group id (invalid_category); null/absent = every category',
    }),
    baseline_from: {
      type: 'string',
      pattern: '^\\d{4}-(0[1-9]|1[0-2])(-01)?$',
      description: 'first baseline month (AAAA-MM or AAAA-MM-01)',
    },
    baseline_to: {
      type: 'string',
      pattern: '^\\d{4}-(0[1-9]|1[0-2])(-01)?$',
      description: `first month after the baseline (excluded); at most ${MAX_BASELINE_MONTHS} months after baseline_from`,
    },
    reduction_pct: {
      type: 'number',
      exclusiveMinimum: 0,
      maximum: 100,
      description: '25 = −25 % (two decimals at most)',
    },
    due_month: {
      ...month,
      description: `month the target is due, ≥ baseline_to, at most ${MAX_TARGET_HORIZON_MONTHS} months after it`,
    },
  },
  ['name', 'kind', 'area_id', 'baseline_from', 'baseline_to', 'reduction_pct', 'due_month'],
);

const progress = obj(
  {
    target,
    baseline_monthly_mean: nullable(num),
    goal_monthly: nullable(num),
    baseline_months: int,
    items: {
      type: 'array',
      items: obj(
        {
          month,
          count: nullable(int),
          goal: nullable(num),
          met: nullable(bool),
          partial: { ...bool, description: 'public answers: the month is withheld' },
        },
        ['month', 'count', 'goal', 'met'],
      ),
    },
    status: { enum: ['cumplida', 'en_curso', 'no_cumplida', null] },
    access: { const: 'public' },
    min_count: int,
    baseline_withheld: int,
  },
  ['target', 'baseline_monthly_mean', 'goal_monthly', 'baseline_months', 'items', 'status'],
);

const patrol = obj({
  cuadrante: obj({ id: str, name: str, sector: nullable(str), alcaldia: nullable(str), alcaldia_id: nullable(str) }),
  vintage: int,
  from: nullable(str),
  to: nullable(str),
  category: nullable(str),
  total: int,
  heat: obj({
    rows: { const: 7 },
    cols: { const: 24 },
    row_labels: { type: 'array', items: { enum: [...DAY_LABELS] } },
    counts: { type: 'array', items: { type: 'array', items: int } },
  }),
  unknown_hour: int,
  unlocated: int,
  res: int,
  top_cells: {
    type: 'array',
    items: obj({
      h3: str,
      res: int,
      count: int,
      place: nullable({
        ...obj({ kind: { enum: ['station', 'corner'] }, name: str, label: str, distance_m: int }),
        description:
          'la estación o esquina más cercana al centro de la celda ("cerca de Metro Insurgentes"); null a más de 1.5 km',
      }),
    }),
  },
  by_category: { type: 'array', items: obj({ category: str, count: int }) },
});

const WRITE_ERRORS = [
  'invalid_body',
  'invalid_category',
  'unknown_area',
  'forbidden',
  'payload_too_large',
  'invalid_token',
] as const;

/** The query parameters each export takes: those of its JSON endpoint (path parameters become query ones). */
const EXPORT_PARAMS: Record<string, string> = {
  '/api/compare': 'kind (an area kind or h3), ids, res, p1, p2, category, source, vintage',
  '/api/rank': 'kind, from, to, category, vintage, by, limit',
  '/api/semaforo': 'kind (an area kind or h3), ids, res, month, category, vintage',
  '/api/hotspots': 'res, from, to, category, source',
  '/api/hotspots/gistar': 'res (6–10), from, to, category, source',
  '/api/areas/{kind}/{id}/series': 'kind, id, vintage, from, to, category, source',
  '/api/patrol': 'cuadrante, vintage, res (8–10), from, to, category, source',
  '/api/targets/{target_id}/progress': 'target (the target id)',
  '/api/hotspots/emerging': 'res (6–10), from, to (whole months), category, source',
  '/api/hotspots/pai': 'res (6–10), month, training, top, months, rank_by, category, source',
};

/** Every query parameter some export passes on (optional here: the JSON endpoint decides). */
const EXPORT_QUERY: Json[] = [
  ['kind', { enum: [...AREA_KINDS, 'h3'] }],
  ['ids', str],
  ['id', str],
  ['vintage', { enum: [2016, 2023] }],
  ['p1', str],
  ['p2', str],
  ['from', { type: 'string', format: 'date' }],
  ['to', { type: 'string', format: 'date' }],
  ['month', month],
  ['category', str],
  ['source', str],
  ['by', { enum: ['count', 'rate', 'change'] }],
  ['limit', int],
  ['interval', { const: 'month' }],
  ['res', int],
  ['cuadrante', str],
  ['target', int],
  ['training', int],
  ['top', int],
  ['months', int],
  ['rank_by', { enum: ['gistar', 'count'] }],
].map(([name, schema]) => ({ name, in: 'query', schema, description: 'como en el endpoint JSON de la exportación' }));

function exportPaths(): Record<string, Json> {
  const list = EXPORTS.map(
    (s) =>
      `${s.formats.map((f) => `${s.name}.${f}`).join(' / ')}: ${s.summary}; consulta de ${s.sourcePath} (${EXPORT_PARAMS[s.sourcePath]})`,
  ).join('. ');
  return {
    '/api/export/{export}': {
      get: {
        summary:
          'Exportar una tabla o un mapa como CSV o GeoJSON, con la misma consulta que su endpoint JSON. Se calcula llamando a ese endpoint con las credenciales de quien pide (Authorization, Cookie): la validación y la política de privacidad son las mismas, sus errores se devuelven tal cual y un archivo público lleva las mismas cifras reservadas (null / celda vacía) que el JSON público. ' +
          'CSV: UTF-8 con BOM, una fila por elemento de la lista de la respuesta, columnas en el orden de sus campos, null = celda vacía. GeoJSON: hexágonos H3 como polígonos ([lng, lat], anillos cerrados) o áreas unidas por id a /api/boundaries (geometry null sin polígono); propiedades = campos de la fila. ' +
          'Archivos: ' +
          list +
          '.',
        parameters: [param('export', 'path'), ...EXPORT_QUERY],
        responses: {
          '200': {
            description: 'El archivo, con Content-Disposition: attachment y un nombre en español',
            headers: { 'Content-Disposition': { schema: str } },
            content: { 'text/csv': { schema: str }, 'application/geo+json': { schema: { type: 'object' } } },
          },
          ...errors(
            'invalid_parameter',
            'invalid_kind',
            'invalid_vintage',
            'invalid_resolution',
            'invalid_period',
            'unknown_area',
            'not_found',
            'forbidden',
            'forbidden_resolution',
            'sensitive_category',
            'month_aligned_required',
            'invalid_token',
            ...FILTER_ERRORS,
          ),
        },
      },
    },
  };
}

export function mesaPaths(): Record<string, Json> {
  return {
    '/api/targets': {
      get: {
        summary: 'Metas de las Mesas (todas, las más recientes primero; kind/ids/vintage las filtran)',
        parameters: [{ name: 'kind', in: 'query', schema: { enum: [...AREA_KINDS] } }, param('ids'), param('vintage')],
        responses: {
          ...answer('Metas', obj({ items: { type: 'array', items: target } })),
          ...errors('invalid_kind', 'invalid_parameter', 'invalid_vintage', 'invalid_token'),
        },
      },
      post: {
        summary:
          'Definir una meta: admin, o una mesa cuyo territorio contiene el área (si no, 403 forbidden). ' + TARGET_RULE,
        parameters: [],
        requestBody: { required: true, content: { 'application/json': { schema: targetBody } } },
        responses: { ...answer('Meta creada', target, 'application/json', '201'), ...errors(...WRITE_ERRORS) },
      },
    },
    '/api/targets/{target_id}': {
      get: {
        summary: 'Una meta',
        parameters: [param('target_id', 'path')],
        responses: { ...answer('Meta', target), ...errors('not_found', 'invalid_token') },
      },
      delete: {
        summary: 'Borrar una meta (admin, o la mesa de ese territorio)',
        parameters: [param('target_id', 'path')],
        responses: {
          ...answer('Borrada', obj({ id: int, deleted: { const: true } })),
          ...errors('not_found', 'forbidden', 'invalid_token'),
        },
      },
    },
    '/api/targets/{target_id}/progress': {
      get: {
        summary: 'Avance mensual de una meta. ' + TARGET_RULE,
        parameters: [param('target_id', 'path')],
        responses: {
          ...answer('Avance', progress),
          ...errors('not_found', 'unknown_area', 'sensitive_category', 'invalid_token'),
        },
      },
    },
    '/api/patrol': {
      get: {
        summary: `Hoja de patrullaje de un cuadrante: incidentes por día de la semana (fila 0 = lunes … 6 = domingo) × hora local (0–23), sin hora (unknown_hour), sin punto (unlocated), las ${PATROL_TOP_CELLS} celdas H3 con más incidentes dentro del cuadrante (solo los incidentes del cuadrante) y las categorías. Detalle: admin y moderador, o mesa/enlace cuyo territorio contiene el cuadrante (su alcaldía, su sector o él mismo); cualquier otro, el público incluido: 403 forbidden. Sin from/to: todos los datos.`,
        parameters: [param('cuadrante'), param('vintage'), param('patrol_res'), ...FILTER],
        responses: {
          ...answer('Hoja de patrullaje', patrol),
          ...errors(
            'invalid_parameter',
            'invalid_vintage',
            'invalid_resolution',
            'unknown_area',
            'forbidden',
            'invalid_token',
            ...FILTER_ERRORS,
          ),
        },
      },
    },
    ...exportPaths(),
  };
}

/** Component parameters the Mesa paths refer to. */
export function mesaParameters(): Record<string, Json> {
  return {
    cuadrante: {
      name: 'cuadrante',
      in: 'query',
      required: true,
      schema: str,
      description: 'cuadrante id of `vintage` (unknown: 404 unknown_area; missing: invalid_parameter)',
    },
    patrol_res: {
      name: 'res',
      in: 'query',
      schema: { ...int, minimum: PATROL_MIN_RES, maximum: PATROL_MAX_RES, default: PATROL_DEFAULT_RES },
      description: 'H3 resolution of the top cells (invalid_resolution)',
    },
    target: {
      name: 'target',
      in: 'query',
      required: true,
      schema: { ...int, minimum: 1 },
      description: 'id of a target (unknown: 404 not_found)',
    },
    path_export: {
      name: 'export',
      in: 'path',
      required: true,
      schema: { enum: EXPORTS.flatMap((s) => s.formats.map((f) => `${s.name}.${f}`)) },
      description: '<name>.<csv|geojson> (otro: 404 not_found)',
    },
    path_target_id: {
      name: 'target_id',
      in: 'path',
      required: true,
      schema: { ...int, minimum: 1 },
      description: 'id of a target (unknown: 404 not_found)',
    },
  };
}
