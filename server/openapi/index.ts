/**
 * `GET /api/openapi.json`: the OpenAPI 3.1 description of every endpoint, its parameters, its
 * answer and the one error shape. Written by hand (it is the API's contract); the test checks that
 * every route the app registers is described here and every error code is listed.
 */
import { ERRORS } from '../../core/errors/index.ts';
import { CATEGORY_IDS, GROUP_IDS } from '../../core/taxonomy/index.ts';
import { AREA_KINDS } from '../services/ports.ts';
import type { ApiApp } from '../context.ts';
import { MAX_RANK_LIMIT } from '../params/index.ts';
import { DEFAULT_RANK_LIMIT } from '../rank/index.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../search/index.ts';
import { MAX_TILE_ZOOM } from '../tiles/index.ts';
import { mesaParameters, mesaPaths } from './mesa.ts';
import { EMERGING_CATEGORIES } from '../../geo/stats/index.ts';
import { EMERGING_MAX_MONTHS } from '../emerging/index.ts';
import { PAI_DEFAULTS } from '../pai/index.ts';

type Json = Record<string, unknown>;
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string, where: 'query' | 'path' = 'query'): Json => ({
  $ref: `#/components/parameters/${where === 'path' ? 'path_' : ''}${name}`,
});
const int = { type: 'integer' };
const str = { type: 'string' };
const nullable = (t: Json) => ({ oneOf: [t, { type: 'null' }] });
const date = { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const month = { type: 'string', pattern: '^\\d{4}-\\d{2}$' };
const obj = (properties: Json, required = Object.keys(properties)) => ({ type: 'object', properties, required });
/** Optional properties added to an `obj` schema (present in some answers only, e.g. public ones). */
const withOptional = (schema: ReturnType<typeof obj>, properties: Json) => ({
  ...schema,
  properties: { ...schema.properties, ...properties },
});
/** What a public answer (no detail for the caller) adds: its access class and the publication threshold k. */
const PUBLIC_ANSWER = {
  access: { enum: ['public'], description: 'public answers only' },
  min_count: { ...int, description: 'public answers only: k, the smallest published count besides 0' },
};

function errors(...codes: (keyof typeof ERRORS)[]): Json {
  const byStatus = new Map<number, string[]>();
  for (const code of [...codes, 'internal_error' as const])
    byStatus.set(ERRORS[code].status, [...(byStatus.get(ERRORS[code].status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, cs]) => [
      String(status),
      { description: `Error: ${cs.join(', ')}`, content: { 'application/json': { schema: ref('Error') } } },
    ]),
  );
}
const ok = (description: string, schema: Json, type = 'application/json') => ({
  '200': {
    description,
    headers: { ETag: { schema: str }, 'Cache-Control': { schema: str } },
    content: { [type]: { schema } },
  },
  '304': { description: 'Not modified (If-None-Match matched the ETag)' },
});
/** The privacy rules (server/policy), as every client must know them. */
const PRIVACY_DESCRIPTION = [
  '',
  '',
  'Acceso y privacidad. Sin token (público): solo agregados; hexágonos H3 de resolución ≤ 8 (más fina: 403 forbidden_resolution; las teselas se quedan en 8 al acercarse); periodos de meses completos (from/to/p1/p2 el día 1 de un mes: si no, 400 month_aligned_required).',
  'Cada cifra pública se construye con valores mensuales publicados por celda (hexágono o área) y mes. Por omisión (PUBLIC_DISCLOSURE=cell-key) cada conteo se publica perturbado por el método de clave de celda (cell-key, como la Oficina Nacional de Estadística del Reino Unido en el censo 2021): nunca se publica un valor de 1 a k−1 (k = 3 por omisión; se vuelven 0 o ≥ k), el ruido es de ±2 como máximo a partir de k, no tiene sesgo y la misma celda recibe siempre el mismo ruido, de modo que repetir o combinar solicitudes no revela un conteo pequeño. Una cifra de varios meses es la suma de los meses publicados. Con PUBLIC_DISCLOSURE=suppression (la regla anterior) un conteo de 1 a k−1 se reserva (null) y las sumas llevan partial: true. Las respuestas públicas llevan access: "public" y min_count.',
  'Categorías sensibles (secuestro, extorsion, violacion, feminicidio): públicas solo por alcaldía y mes, y solo los meses terminados al menos 30 días antes de la fecha de referencia (la menor entre el último dato y hoy); pedirlas en hexágonos, colonias, sectores o cuadrantes da 403 sensitive_category. Sin filtro de categoría, el público recibe todas las categorías NO sensibles.',
  'Con token (Authorization: Bearer <token>, creado con `npm run --silent cli -- token create --role ROLE --name NOMBRE [--territory ID,…]`): admin y moderador ven todo exacto; mesa y enlace ven exacto dentro de su territorio (alcaldías por cvegeo o sectores de una vigencia: 2016:NOMBRE o 2023:NOMBRE) y la vista pública fuera de él; sus hexágonos son los públicos. Un token inválido: 401 invalid_token. Las respuestas con token son Cache-Control: private.',
].join('\n');

const get = (summary: string, parameters: Json[], responses: Json) => ({ get: { summary, parameters, responses } });
const post = (summary: string, parameters: Json[], requestBody: Json | null, responses: Json) => ({
  post: {
    summary,
    parameters,
    ...(requestBody
      ? { requestBody: { required: true, content: { 'application/json': { schema: requestBody } } } }
      : {}),
    responses,
  },
});
const created = (description: string, schema: Json, status = '200') => ({
  [status]: { description, content: { 'application/json': { schema } } },
});
const AUTH_ERRORS = ['authentication_required', 'invalid_token', 'forbidden'] as const;
/** Staff operations: a bearer token, or the session cookie with its CSRF header. */
const STAFF_SECURITY = [{ bearerToken: [] }, { sessionCookie: [], csrfHeader: [] }];
const staffDelete = (summary: string, parameters: Json[], schema: Json, codes: (keyof typeof ERRORS)[]) => ({
  delete: {
    summary,
    parameters,
    security: STAFF_SECURITY,
    responses: { ...created(summary, schema), ...errors(...codes, 'csrf_failed', ...AUTH_ERRORS) },
  },
});
const numericId = (what: string): Json => ({
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'string', pattern: '^\\d{1,9}$' },
  description: `${what} (unknown: 404 not_found)`,
});

const FILTER = [param('from'), param('to'), param('category'), param('source')];
/** Where a Mesa figure is counted: areas answer `vintage`, H3 cells (`kind=h3`) answer `res`. */
const LEVEL = {
  kind: { enum: [...AREA_KINDS, 'h3'] },
  vintage: { ...int, description: 'areas only' },
  res: { ...int, description: 'kind=h3 only' },
};
/** `obj` for an answer that carries LEVEL: neither vintage nor res is required (one of them is there). */
const leveled = (properties: Json) => obj({ ...LEVEL, ...properties }, ['kind', ...Object.keys(properties)]);
const CELL_ERRORS = [
  'invalid_cell',
  'invalid_resolution',
  'forbidden_resolution',
  'month_aligned_required',
  'sensitive_category',
] as const;
const H3_PLACES =
  ' H3 cells (kind=h3): ids are cells (hex, e.g. 884995b847fffff) of one resolution 6–11 (res may state it, and must without ids); without ids, every cell of `res` with incidents. A cell is named after the colonia and alcaldía holding its centre; its population is estimated from the IECM colonia populations by areal weighting (Goodchild & Lam 1980), for rates. The public sees cells of resolution ≤ 8 (403 forbidden_resolution) with per-cell monthly suppression, as /api/hotspots; mesa and enlace get the public cells too (cells do not follow territories).';
const FILTER_ERRORS = ['invalid_date', 'invalid_range', 'invalid_category'] as const;

/** The paths and components as written above, before `withOperationMetadata`. */
function describedRoutes(): Json {
  const compareItem = obj({
    id: str,
    name: str,
    p1: nullable(int),
    p2: nullable(int),
    diff: nullable(int),
    pct: nullable({ type: 'number' }),
    population: nullable(int),
    rate_p1: nullable({ type: 'number' }),
    rate_p2: nullable({ type: 'number' }),
  });
  const publicCompareItem = withOptional(compareItem, {
    partial_p1: { type: 'boolean', description: 'public answers only: some month of p1 is withheld' },
    partial_p2: { type: 'boolean', description: 'public answers only: some month of p2 is withheld' },
  });
  const rankItem = obj({
    rank: int,
    id: str,
    name: str,
    count: nullable(int),
    population: nullable(int),
    rate: nullable({ type: 'number' }),
    previous: nullable(int),
    diff: nullable(int),
    pct: nullable({ type: 'number' }),
  });
  const semaforoItem = withOptional(
    obj({
      id: str,
      name: str,
      count: { ...nullable(int), description: 'null: withheld (public answers only)' },
      baseline_mean: nullable({ type: 'number' }),
      baseline_months: { ...int, minimum: 0, maximum: 36 },
      pct_change: nullable({ type: 'number' }),
      color: { enum: ['verde', 'amarillo', 'rojo', null] },
    }),
    { partial: { type: 'boolean', description: 'public answers only: a month of the baseline is withheld' } },
  );
  const trendStats = {
    n: int,
    s: int,
    var_s: { type: 'number' },
    z: { type: 'number' },
    p: { type: 'number' },
    tau: { type: 'number' },
    direction: { enum: ['up', 'down', 'none'] },
  };
  return {
    openapi: '3.1.0',
    info: {
      title: 'Mapa Común API',
      version: '0.1.0',
      description:
        'Incidentes delictivos de la Ciudad de México por hexágono H3 y por área. Fechas AAAA-MM-DD en hora local, intervalos semiabiertos [from, to); un periodo FROM..TO significa lo mismo. Las series mensuales son densas (incluyen ceros). Toda respuesta GET lleva ETag y Cache-Control.' +
        PRIVACY_DESCRIPTION,
    },
    paths: {
      '/api/health': get('Estado del servicio', [], {
        ...ok(
          'Service status',
          obj({
            ok: { type: 'boolean' },
            db: { enum: ['pglite', 'postgres'] },
            incidents: {
              ...int,
              description:
                'con detalle (admin, moderador), el total exacto; sin él, la suma de los conteos publicados por fuente',
            },
            data_until: {
              ...nullable(date),
              description: 'último día de los datos: solo con detalle (admin, moderador); null sin él',
            },
            data_until_month: {
              ...nullable(month),
              description: 'último mes de los datos, entre las fuentes cuyos meses se publican',
            },
            sources: {
              type: 'array',
              description:
                'por fuente, de la más grande a la más pequeña: sus incidentes, su primer y último mes y, con detalle, su primer y último día. Sin detalle, una fuente con menos de PUBLIC_MIN_COUNT incidentes no publica su conteo (null) y una con PUBLIC_MIN_COUNT o menos no publica fechas (withheld)',
              items: obj({
                source: str,
                source_kind: str,
                incidents: nullable(int),
                first_month: nullable(month),
                last_month: nullable(month),
                last_month_complete: {
                  ...nullable({ type: 'boolean' }),
                  description:
                    'su último día es el último de su mes (un periodo por omisión puede terminar en ese mes); null si sus fechas se reservan',
                },
                from: nullable(date),
                until: nullable(date),
                withheld: { type: 'boolean', description: 'sus fechas se reservan para quien consulta' },
              }),
            },
          }),
        ),
        '503': {
          description: 'db_unavailable: ok false',
          content: {
            'application/json': {
              schema: obj({ ok: { const: false }, db: str, error: ref('ErrorDetail') }, ['ok', 'error']),
            },
          },
        },
      }),
      '/api/ready': get(
        'Listo para recibir tráfico (sonda de disponibilidad): 503 mientras arranca (migraciones, primera importación)',
        [],
        {
          ...ok('Ready', obj({ ready: { const: true } })),
          '503': {
            description: 'service_starting (arrancando) o db_unavailable',
            content: {
              'application/json': {
                schema: obj({ ready: { const: false }, phase: str, error: ref('ErrorDetail') }, ['ready', 'error']),
              },
            },
          },
        },
      ),
      '/api/sources': get(
        'Fuentes de incidentes: meses que cubre cada una, incidentes, última importación y sincronización',
        [],
        ok(
          'Every source with its first and last month; sources the open-data sync keeps current carry its last and next run',
          obj({ sources: { type: 'array', items: ref('SourceStatus') } }),
        ),
      ),
      '/api/categories': get(
        'Catálogo de categorías y grupos',
        [],
        ok(
          'Taxonomy',
          obj({
            categories: {
              type: 'array',
              items: obj({
                id: str,
                label: str,
                group: str,
                groups: { type: 'array', items: str },
                sensitive: { type: 'boolean' },
              }),
            },
            groups: { type: 'array', items: obj({ id: str, label: str, categories: { type: 'array', items: str } }) },
          }),
        ),
      ),
      '/api/hotspots': get('Incidentes por celda H3', [param('res'), ...FILTER], {
        ...ok(
          'Counts per H3 cell (located incidents only)',
          withOptional(
            obj({
              res: int,
              from: nullable(date),
              to: nullable(date),
              category: nullable(str),
              cells: {
                type: 'array',
                items: obj({
                  h3: str,
                  count: nullable(int),
                  partial: { type: 'boolean', description: 'public answers only' },
                }),
              },
            }),
            PUBLIC_ANSWER,
          ),
        ),
        ...errors(
          'invalid_resolution',
          ...FILTER_ERRORS,
          'forbidden_resolution',
          'sensitive_category',
          'month_aligned_required',
          'invalid_token',
        ),
      }),
      '/api/tiles/hotspots/{z}/{x}/{y}.pbf': get(
        'Tesela vectorial de hexágonos (capa "hotspots", propiedades h3 y count; resolución H3 según el zoom)',
        [param('z', 'path'), param('x', 'path'), param('y', 'path'), ...FILTER],
        {
          ...ok('Mapbox Vector Tile', { type: 'string', format: 'binary' }, 'application/vnd.mapbox-vector-tile'),
          ...errors('invalid_tile', ...FILTER_ERRORS),
        },
      ),
      '/api/areas/{kind}/{id}/series': get(
        'Serie mensual densa de un área o de una celda H3 (kind = h3, id = la celda)',
        [param('kind', 'path'), param('id', 'path'), param('interval'), param('vintage'), ...FILTER],
        {
          ...ok(
            `Monthly series; without from/to it spans the data.${H3_PLACES}`,
            leveled({
              id: str,
              name: str,
              category: nullable(str),
              from: nullable(date),
              to: nullable(date),
              interval: { const: 'month' },
              series: {
                type: 'array',
                items: obj(
                  {
                    period: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
                    count: { ...nullable(int), description: 'null: withheld (fewer than k, public answers only)' },
                    coverage: {
                      enum: ['partial', 'none'],
                      description:
                        'absent: every requested source covers the month; partial: only some do; none: none does (no count: no data, not zero)',
                    },
                  },
                  ['period'],
                ),
              },
              sources: { type: 'array', items: ref('SourceSpan') },
            }),
          ),
          ...errors(
            'invalid_kind',
            'invalid_vintage',
            'invalid_parameter',
            'unknown_area',
            ...FILTER_ERRORS,
            ...CELL_ERRORS,
          ),
        },
      ),
      '/api/compare': get(
        'Comparación periodo contra periodo (p1 referencia, p2 periodo de interés), por área o por celda H3',
        [
          param('place_kind'),
          param('ids'),
          param('place_res'),
          param('p1'),
          param('p2'),
          param('category'),
          param('source'),
          param('vintage'),
        ],
        {
          ...ok(
            `diff = p2 − p1; pct = 100·diff/p1 (null when p1 = 0); rate = count / population × 100 000 for the period, not annualised (null without population).${H3_PLACES}`,
            withOptional(
              leveled({
                category: nullable(str),
                p1: ref('Period'),
                p2: ref('Period'),
                items: { type: 'array', items: publicCompareItem },
              }),
              PUBLIC_ANSWER,
            ),
          ),
          ...errors(
            'invalid_kind',
            'invalid_vintage',
            'invalid_parameter',
            'invalid_period',
            'invalid_range',
            'invalid_category',
            'unknown_area',
            ...CELL_ERRORS,
          ),
        },
      ),
      '/api/rank': get(
        'Áreas ordenadas por incidentes, tasa o cambio',
        [param('kind'), param('from'), param('to'), param('category'), param('vintage'), param('by'), param('limit')],
        {
          ...ok(
            'Items sorted descending by `by` (count: incidents in [from, to); rate: per 100 000 residents, areas without population last; change: diff against `previous`, the period of equal length just before). Ties by id.',
            obj(
              {
                kind: str,
                vintage: int,
                category: nullable(str),
                from: date,
                to: date,
                previous: ref('Period'),
                by: { enum: ['count', 'rate', 'change'] },
                limit: int,
                total: int,
                embargo_from: {
                  type: 'string',
                  description:
                    'public answer for a sensitive category: months (YYYY-MM) from this one on are withheld (null) until SENSITIVE_DELAY_DAYS after their end',
                },
                sensitive_delay_days: int,
                items: { type: 'array', items: rankItem },
              },
              ['kind', 'vintage', 'category', 'from', 'to', 'previous', 'by', 'limit', 'total', 'items'],
            ),
          ),
          ...errors('invalid_kind', 'invalid_vintage', 'invalid_parameter', ...FILTER_ERRORS),
        },
      ),
      '/api/boundaries/{kind}': get(
        'Límites simplificados para mostrar (GeoJSON)',
        [param('kind', 'path'), param('vintage')],
        {
          ...ok(
            'FeatureCollection; properties id, name, kind, vintage, alcaldia_id, population (sector_id for cuadrantes)',
            { type: 'object' },
            'application/geo+json',
          ),
          ...errors('invalid_kind', 'invalid_vintage'),
        },
      ),
      '/api/transit': get(
        'Líneas y estaciones de Metro, Metrobús, Cablebús, Trolebús y Tren Ligero (GeoJSON, SEMOVI GTFS)',
        [],
        {
          ...ok(
            'FeatureCollection: LineString por línea (properties kind "line", system, line, name, color: color GTFS; trazo por sus estaciones en orden de viaje) y Point por estación (kind "station", id, system, name, lines, color)',
            { type: 'object' },
            'application/geo+json',
          ),
        },
      ),
      '/api/basemap': get(
        'Mapa base de calles autohospedado (BASEMAP_PMTILES): dónde está el archivo PMTiles v3 que el mapa lee por rangos de bytes, o null si no hay uno (el mapa dibuja solo los límites). El archivo se sirve en /basemap/cdmx.pmtiles, fuera de /api/, con Range/206 (416 range_not_satisfiable fuera del archivo)',
        [],
        {
          ...ok('Mapa base configurado, o pmtiles: null', ref('Basemap')),
        },
      ),
      '/api/search': get(
        'Búsqueda de colonias, alcaldías, cuadrantes, sectores y estaciones',
        [
          param('q'),
          {
            name: 'limit',
            in: 'query',
            schema: { ...int, minimum: 1, maximum: MAX_SEARCH_LIMIT, default: DEFAULT_SEARCH_LIMIT },
          },
        ],
        {
          ...ok(
            'Results, best first',
            obj({
              q: str,
              results: {
                type: 'array',
                items: {
                  oneOf: [
                    obj({
                      type: { enum: [...AREA_KINDS] },
                      id: str,
                      name: str,
                      vintage: int,
                      alcaldia_id: nullable(str),
                    }),
                    obj({
                      type: { const: 'station' },
                      system: { enum: ['metro', 'metrobus'] },
                      id: str,
                      name: str,
                      lines: { type: 'array', items: str },
                      lat: { type: 'number' },
                      lon: { type: 'number' },
                    }),
                  ],
                },
              },
            }),
          ),
          ...errors('invalid_query', 'invalid_parameter'),
        },
      ),
      '/api/semaforo': get(
        'Semáforo Delictivo por área o por celda H3: el mes contra la media mensual de los 36 meses anteriores',
        [param('place_kind'), param('ids'), param('place_res'), param('month'), param('category'), param('vintage')],
        {
          ...ok(
            `count = incidents in \`month\`; baseline_mean = mean monthly count over the 36 months before \`month\` (zero months count 0); pct_change = 100·(count − baseline_mean)/baseline_mean, rounded to 6 decimals. color: "verde" when pct_change ≤ −25 %, "amarillo" when −25 % < pct_change ≤ 0, "rojo" when pct_change > 0 (decided in exact arithmetic). Zero baseline (no incident in the 36 months): pct_change is null and color is "rojo" if count > 0, "verde" if count = 0. Data coverage: each source placing incidents at this level (areas of this kind and vintage, or cells of this resolution) covers the months from its first to its last incident month; the union of those ranges is the data. baseline_months = how many of the 36 months lie in it; with fewer than 36, or when \`month\` itself lies outside it, color is null (baseline_mean and pct_change are then over the covered months only, null when none is). Without ids: every area of the kind; with kind=h3 and no ids, every cell of \`res\` with incidents in the 37 months.${H3_PLACES}`,
            withOptional(
              leveled({
                category: nullable(str),
                month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
                items: { type: 'array', items: semaforoItem },
              }),
              PUBLIC_ANSWER,
            ),
          ),
          ...errors(
            'invalid_kind',
            'invalid_vintage',
            'invalid_parameter',
            'invalid_date',
            'invalid_category',
            'unknown_area',
            ...CELL_ERRORS,
          ),
        },
      ),
      '/api/trend': get(
        'Tendencia Mann-Kendall de la serie mensual de un área o de una celda H3',
        [param('place_kind'), param('id'), param('vintage'), ...FILTER],
        {
          ...ok(
            `Mann-Kendall test on the dense monthly counts of [from, to) (the series of /api/areas/{kind}/{id}/series; n counts the zero months): S = Σ_{i<j} sign(x_j − x_i); var_s corrected for ties; z with continuity correction ±1 (0 when S = 0); p two-sided (normal approximation); tau = S / (n(n−1)/2); direction "up"/"down" when p < 0.05, else "none". n < 2 or an all-tied series: s = 0, z = 0, p = 1, direction "none". Without from/to the range spans the data. Public answers run the test on the published months only (withheld_months says how many were left out).${H3_PLACES}`,
            withOptional(
              leveled({
                id: str,
                name: str,
                category: nullable(str),
                from: nullable(date),
                to: nullable(date),
                ...trendStats,
              }),
              {
                ...PUBLIC_ANSWER,
                withheld_months: { ...int, description: 'public answers only: months left out of the test (withheld)' },
              },
            ),
          ),
          ...errors(
            'invalid_kind',
            'invalid_vintage',
            'invalid_parameter',
            'unknown_area',
            ...FILTER_ERRORS,
            ...CELL_ERRORS,
          ),
        },
      ),
      '/api/hotspots/gistar': get(
        'Puntos calientes y fríos Getis-Ord Gi* sobre celdas H3',
        [param('gistar_res'), ...FILTER],
        {
          ...ok(
            'Gi* over every cell of resolution `res` whose centre lies in Mexico City (the 16 alcaldías), zero cells included; binary weights over the k = 1 ring including the cell itself, restricted to those cells; z = Gi* (Ord & Getis 1995), p two-sided; hot: true = significant with z > 0, false = significant with z < 0, null = not significant, by Benjamini–Hochberg at q = 0.05 over all cells. When every count is equal, z = 0 and p = 1. outside = incidents in cells whose centre lies outside the city (left out of the statistic). Cells in H3 index order.',
            obj({
              res: int,
              from: nullable(date),
              to: nullable(date),
              category: nullable(str),
              outside: int,
              cells: {
                type: 'array',
                items: obj({
                  h3: str,
                  count: int,
                  z: { type: 'number' },
                  p: { type: 'number' },
                  hot: nullable({ type: 'boolean' }),
                }),
              },
            }),
          ),
          ...errors('invalid_resolution', ...FILTER_ERRORS),
        },
      ),
      '/api/hotspots/emerging': get(
        'Puntos calientes emergentes (Esri): categorías por celda H3 a partir de Gi* mensual y la tendencia Mann-Kendall',
        [param('gistar_res'), ...FILTER],
        {
          ...ok(
            `Emerging hot spot analysis over every cell of resolution \`res\` whose centre lies in Mexico City (the study area of /api/hotspots/gistar), one time step per month of [from, to) — from and to are required and must be first days of a month (400 month_aligned_required; 2 to ${EMERGING_MAX_MONTHS} months, else invalid_range; Esri advises 10 or more). Each month: Gi* with binary k = 1 weights and Benjamini–Hochberg at q = 0.05 (as /api/hotspots/gistar); then Mann-Kendall on each cell's monthly z-scores; categories after Esri's "How Emerging Hot Spot Analysis works": new, consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical (hot and cold; ≥ 90 % of months, trend significant at p < 0.05). cells lists only the cells with a pattern; summary counts every category, no_pattern included. Public: resolution ≤ 8, published monthly values (a withheld cell-month counts 0).`,
            obj(
              {
                res: int,
                from: date,
                to: date,
                category: nullable(str),
                months: int,
                outside: int,
                study_cells: int,
                summary: obj(Object.fromEntries(EMERGING_CATEGORIES.map((k) => [k, int]))),
                cells: {
                  type: 'array',
                  items: obj({
                    h3: str,
                    category: { enum: [...EMERGING_CATEGORIES] },
                    label: str,
                    count: int,
                    hot_months: int,
                    cold_months: int,
                    trend: obj({
                      s: int,
                      z: { type: 'number' },
                      p: { type: 'number' },
                      tau: { type: 'number' },
                      direction: { enum: ['up', 'down', 'none'] },
                    }),
                  }),
                },
              },
              ['res', 'from', 'to', 'category', 'months', 'outside', 'study_cells', 'summary', 'cells'],
            ),
          ),
          ...errors(
            'invalid_resolution',
            'month_aligned_required',
            'forbidden_resolution',
            'sensitive_category',
            'invalid_parameter',
            ...FILTER_ERRORS,
          ),
        },
      ),
      '/api/hotspots/pai': get(
        'Índice de precisión predictiva (PAI): prueba retrospectiva de los puntos calientes',
        [
          param('gistar_res'),
          param('month'),
          param('training'),
          param('top'),
          param('months'),
          param('rank_by'),
          param('category'),
          param('source'),
        ],
        {
          ...ok(
            'Predictive Accuracy Index back-test (Chainey, Tompson & Uhlig 2008): for each test month t — the `months` months ending at `month` — the hot spots are the `top` cells of the city at `res` (the study area of /api/hotspots/gistar) ranked over months t−training … t−1 by the Gi* z-score of their summed counts (rank_by=gistar) or by the summed count (rank_by=count); ties by count, then cell id. PAI = (hits/total) / (hotspot_area_km2/study_area_km2): hits = incidents of month t in those cells, total = incidents of month t in the city; null when total = 0. mean_pai = mean of the non-null PAI. Public: resolution ≤ 8, published monthly values.',
            obj({
              res: int,
              month: str,
              months: int,
              training: int,
              top: int,
              rank_by: { enum: ['gistar', 'count'] },
              category: nullable(str),
              mean_pai: nullable({ type: 'number' }),
              items: {
                type: 'array',
                items: obj({
                  month: str,
                  pai: nullable({ type: 'number' }),
                  hit_rate: nullable({ type: 'number' }),
                  area_share: { type: 'number' },
                  hits: int,
                  total: int,
                  hotspot_area_km2: { type: 'number' },
                  study_area_km2: { type: 'number' },
                  cells: { type: 'array', items: str },
                }),
              },
            }),
          ),
          ...errors(
            'invalid_resolution',
            'invalid_parameter',
            'invalid_date',
            'invalid_category',
            'forbidden_resolution',
            'sensitive_category',
          ),
        },
      ),
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
      ...mesaPaths(),
      // accounts (server/accounts): sessions by cookie mc_session; CSRF header on cookie-authenticated POST/PUT/PATCH/DELETE
      '/api/session': {
        ...get(
          'Sesión actual: {user: null} sin sesión; {user, csrf_token} con la cookie mc_session; {user: null, token} con un token',
          [],
          {
            ...ok(
              'Sesión',
              obj(
                {
                  user: nullable(
                    obj({
                      id: int,
                      email: str,
                      name: str,
                      role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                      territory: { type: 'array', items: str },
                    }),
                  ),
                  csrf_token: str,
                  token: { type: 'object' },
                },
                ['user'],
              ),
            ),
            ...errors('invalid_token'),
          },
        ),
        ...post(
          'Entrar con correo y contraseña: fija la cookie mc_session (HttpOnly; SameSite=Lax; Secure tras HTTPS) y da el csrf_token que deben llevar (cabecera X-CSRF-Token) las solicitudes POST/PUT/PATCH/DELETE de la sesión. Tras varios intentos fallidos por correo o por IP: 429 con Retry-After.',
          [],
          obj({
            email: { type: 'string', maxLength: 254 },
            password: { type: 'string', minLength: 1, maxLength: 200 },
          }),
          {
            ...created(
              'Sesión abierta',
              obj({
                user: obj({
                  id: int,
                  email: str,
                  name: str,
                  role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                  territory: { type: 'array', items: str },
                }),
                csrf_token: str,
              }),
            ),
            ...errors(
              'invalid_body',
              'invalid_credentials',
              'account_disabled',
              'too_many_attempts',
              'forbidden_origin',
              'payload_too_large',
            ),
          },
        ),
        delete: {
          summary: 'Salir: termina la sesión y borra la cookie (requiere X-CSRF-Token)',
          parameters: [],
          responses: { ...created('Sesión cerrada', obj({ user: { type: 'null' } })), ...errors('csrf_failed') },
        },
      },
      '/api/invitations': post(
        'Invitar (admin): liga de un solo uso, válida 7 días, para crear una cuenta con ese correo, rol y territorio (mesa y enlace: alcaldías por cvegeo o sectores de una vigencia, 2016:NOMBRE o 2023:NOMBRE; un nombre de sector que existe en ambas vigencias sin ella, o un área desconocida: 400 unknown_territory)',
        [],
        obj(
          {
            email: str,
            role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
            territory: { type: 'array', items: str },
          },
          ['email', 'role'],
        ),
        {
          ...created(
            'Invitación',
            obj({
              url: str,
              token: str,
              expires_at: str,
              email: str,
              role: str,
              territory: { type: 'array', items: str },
            }),
            '201',
          ),
          ...errors('invalid_body', 'unknown_territory', 'csrf_failed', ...AUTH_ERRORS),
        },
      ),
      '/api/invitations/accept': post(
        'Aceptar una invitación: crea la cuenta (contraseña de 10 caracteres o más) y abre la sesión',
        [],
        obj({ token: str, name: str, password: { type: 'string', minLength: 10, maxLength: 200 } }),
        {
          ...created(
            'Cuenta creada y sesión abierta',
            obj({
              user: obj({
                id: int,
                email: str,
                name: str,
                role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                territory: { type: 'array', items: str },
              }),
              csrf_token: str,
            }),
            '201',
          ),
          ...errors('invalid_body', 'invitation_invalid', 'account_exists', 'forbidden_origin'),
        },
      ),
      '/api/users': get(
        'Cuentas (admin), sin contraseñas. DELETE /api/users/{id} desactiva una y termina sus sesiones.',
        [],
        {
          ...ok('Cuentas', obj({ items: { type: 'array', items: { type: 'object' } } })),
          ...errors(...AUTH_ERRORS),
        },
      ),
      '/api/users/{id}': {
        patch: {
          summary:
            'Cambia el rol o el territorio de una cuenta (admin); la última cuenta admin activa no puede perder su rol',
          parameters: [numericId('account id')],
          security: STAFF_SECURITY,
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: obj(
                  {
                    role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
                    territory: { type: 'array', items: str },
                  },
                  ['role'],
                ),
              },
            },
          },
          responses: {
            ...created('Cuenta actualizada', obj({ id: int, role: str, territory: { type: 'array', items: str } })),
            ...errors('invalid_body', 'unknown_territory', 'not_found', 'last_admin', 'csrf_failed', ...AUTH_ERRORS),
          },
        },
        ...staffDelete(
          'Desactiva una cuenta (admin) y termina sus sesiones; nunca la última cuenta admin activa',
          [numericId('account id')],
          obj({ id: int, disabled: { const: true } }),
          ['not_found', 'last_admin'],
        ),
      },
      '/api/tokens': {
        ...get(
          'Tokens de API (admin): qué concede cada uno, nunca el token. DELETE /api/tokens/{id} revoca uno de inmediato.',
          [],
          {
            ...ok(
              'Tokens, del más reciente al más antiguo',
              obj({
                items: {
                  type: 'array',
                  items: obj({
                    id: int,
                    role: str,
                    name: str,
                    territory: { type: 'array', items: str },
                    created_at: str,
                    revoked_at: nullable(str),
                  }),
                },
              }),
            ),
            ...errors(...AUTH_ERRORS),
          },
        ),
        ...post(
          'Crea un token (admin); se muestra una sola vez',
          [],
          obj(
            {
              role: { enum: ['mesa', 'enlace', 'moderador', 'admin'] },
              name: str,
              territory: { type: 'array', items: str },
            },
            ['role', 'name'],
          ),
          {
            ...created(
              'Token creado',
              obj({ id: int, token: str, role: str, name: str, territory: { type: 'array', items: str } }),
              '201',
            ),
            ...errors('invalid_body', 'unknown_territory', ...AUTH_ERRORS),
          },
        ),
      },
      '/api/tokens/{id}': staffDelete(
        'Revoca un token de API (admin) de inmediato',
        [numericId('token id')],
        obj({ id: int, revoked: { const: true } }),
        ['not_found'],
      ),
      // audit (server/audit)
      '/api/audit': get(
        'Registro de auditoría (admin): quién vio o exportó qué con detalle (cada solicitud a /api de un token o una sesión, salvo sesión y salud), del más reciente al más antiguo',
        [
          {
            name: 'from',
            in: 'query',
            schema: str,
            description: 'desde (incluido): AAAA-MM-DD (medianoche UTC) o fecha-hora ISO 8601 con zona (invalid_date)',
          },
          { name: 'to', in: 'query', schema: str, description: 'hasta (excluido), mismo formato' },
          {
            name: 'subject',
            in: 'query',
            schema: { type: 'string', maxLength: 200 },
            description: 'token:<id> o user:<id>',
          },
          { name: 'limit', in: 'query', schema: { ...int, minimum: 1, maximum: 1000, default: 100 } },
          {
            name: 'cursor',
            in: 'query',
            schema: { type: 'string', pattern: '^\\d{1,18}$' },
            description: 'next_cursor de la página anterior',
          },
        ],
        {
          ...ok(
            'Entradas y cursor de la página siguiente (null en la última)',
            obj({
              items: {
                type: 'array',
                items: obj({
                  id: str,
                  at: str,
                  subject: str,
                  role: str,
                  name: str,
                  kind: { enum: ['view', 'export'] },
                  method: str,
                  path: str,
                  query: str,
                  status: int,
                  area_ids: { type: 'array', items: str },
                }),
              },
              next_cursor: nullable(str),
            }),
          ),
          ...errors('invalid_parameter', 'invalid_date', 'invalid_range', ...AUTH_ERRORS),
        },
      ),
      // plenary export (server/plenary)
      '/api/plenary/pdf': get(
        'Sesión plenaria en PDF: las diapositivas de la agenda (título, semáforo, mapa de cambio, tendencia, metas), una por página A4 horizontal, renderizadas por Chromium sin interfaz desde la misma página #plenaria de la aplicación web. Muestra lo que quien pide puede ver: sus credenciales (Authorization o la cookie de sesión) se usan para los datos.',
        [param('areas'), param('categories'), param('month'), param('vintage')],
        {
          ...ok(
            'PDF (Content-Disposition: attachment), Cache-Control private, no-store',
            { type: 'string', format: 'binary' },
            'application/pdf',
          ),
          ...errors(
            'invalid_parameter',
            'invalid_kind',
            'invalid_category',
            'invalid_date',
            'invalid_vintage',
            'invalid_token',
            'pdf_renderer_unavailable',
            'pdf_renderer_busy',
            'pdf_render_timeout',
          ),
        },
      ),
      '/api/plenary/png': get(
        'Una diapositiva de la sesión plenaria en PNG (1600 × 900)',
        [param('slide'), param('areas'), param('categories'), param('month'), param('vintage')],
        {
          ...ok(
            'PNG of slide `slide` (1-based); a slide beyond the last: 400 invalid_parameter',
            { type: 'string', format: 'binary' },
            'image/png',
          ),
          ...errors(
            'invalid_parameter',
            'invalid_kind',
            'invalid_category',
            'invalid_date',
            'invalid_vintage',
            'invalid_token',
            'pdf_renderer_unavailable',
            'pdf_renderer_busy',
            'pdf_render_timeout',
          ),
        },
      ),
      '/api/openapi.json': get('Este documento', [], ok('OpenAPI 3.1', { type: 'object' })),
    },
    components: {
      schemas: {
        Basemap: {
          type: 'object',
          properties: {
            pmtiles: nullable({ ...str, description: 'ruta del archivo PMTiles (mismo origen)' }),
            attribution: { ...str, description: 'atribución de los datos del mapa base (OpenStreetMap)' },
          },
          required: ['pmtiles'],
        },
        ErrorDetail: obj({ code: { enum: Object.keys(ERRORS) }, message: str }),
        Error: obj({ error: { $ref: '#/components/schemas/ErrorDetail' } }),
        Period: obj({ from: date, to: date }),
        SourceSpan: obj({
          source: str,
          kind: { enum: ['official', 'news', 'citizen', 'chat'] },
          first_month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
          last_month: { type: 'string', pattern: '^\\d{4}-\\d{2}$' },
        }),
        SourceStatus: obj({
          id: {
            ...str,
            description: 'incidents.source: ssc_points, fgj_victimas, fgj_carpetas, news, citizen, chat …',
          },
          kind: { enum: ['official', 'news', 'citizen', 'chat'] },
          label: { ...str, description: 'short name for a line of text ("FGJ")' },
          title: str,
          scope: { ...nullable(str), description: 'where the source applies when not the whole city' },
          incidents: {
            ...nullable(int),
            description:
              'null sin detalle (admin, moderador) cuando la fuente tiene menos de PUBLIC_MIN_COUNT incidentes',
          },
          first_month: {
            ...nullable(month),
            description:
              'null sin incidentes, o sin detalle cuando la fuente tiene PUBLIC_MIN_COUNT incidentes o menos',
          },
          last_month: nullable(month),
          first_day: { ...nullable(date), description: 'solo con detalle (admin, moderador)' },
          last_day: { ...nullable(date), description: 'solo con detalle (admin, moderador)' },
          last_import: {
            ...nullable({ type: 'string', format: 'date-time' }),
            description: 'last official import finished',
          },
          sync: nullable(
            obj({
              key: { ...str, description: 'the source key in the sync sources file' },
              scheduled: { type: 'boolean', description: 'SYNC_SCHEDULE=monthly in this deployment' },
              last_run: nullable({ type: 'string', format: 'date-time' }),
              last_status: nullable({ enum: ['ok', 'failed'] }),
              last_ok: nullable({ type: 'string', format: 'date-time' }),
              next_run: nullable({ type: 'string', format: 'date-time' }),
            }),
          ),
        }),
      },
      parameters: {
        ...mesaParameters(),
        res: {
          name: 'res',
          in: 'query',
          required: true,
          schema: { ...int, minimum: 6, maximum: 11 },
          description: 'H3 resolution (invalid_resolution)',
        },
        from: {
          name: 'from',
          in: 'query',
          schema: date,
          description: 'first day included, local date (invalid_date; invalid_range unless from < to)',
        },
        to: { name: 'to', in: 'query', schema: date, description: 'first day excluded' },
        category: {
          name: 'category',
          in: 'query',
          schema: str,
          description: `comma-separated category or group ids (invalid_category). Categories: ${CATEGORY_IDS.join(', ')}. Groups: ${GROUP_IDS.join(', ')}. Absent: all.`,
        },
        source: {
          name: 'source',
          in: 'query',
          schema: str,
          description:
            'comma-separated source kinds: official, news, citizen, chat (invalid_parameter). Absent: every source.',
        },
        kind: { name: 'kind', in: 'query', required: true, schema: { enum: [...AREA_KINDS] } },
        place_kind: {
          name: 'kind',
          in: 'query',
          required: true,
          schema: { enum: [...AREA_KINDS, 'h3'] },
          description: 'an area kind, or h3 for H3 cells (invalid_kind)',
        },
        place_res: {
          name: 'res',
          in: 'query',
          schema: { ...int, minimum: 6, maximum: 11 },
          description:
            "kind=h3: the cells' resolution; required without ids, else it must match the cells (invalid_resolution, invalid_parameter)",
        },
        vintage: {
          name: 'vintage',
          in: 'query',
          schema: { enum: [2016, 2023], default: 2023 },
          description: 'boundary vintage (invalid_vintage); alcaldías and colonias have one',
        },
        ids: {
          name: 'ids',
          in: 'query',
          schema: str,
          description:
            'comma-separated area ids, or H3 cells with kind=h3 (invalid_cell); absent: every area of the kind (unknown id: 404 unknown_area)',
        },
        p1: {
          name: 'p1',
          in: 'query',
          required: true,
          schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}$' },
          description: 'reference period FROM..TO, half-open (invalid_period, invalid_range)',
        },
        p2: {
          name: 'p2',
          in: 'query',
          required: true,
          schema: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}\\.\\.\\d{4}-\\d{2}-\\d{2}$' },
          description: 'period of interest FROM..TO',
        },
        by: { name: 'by', in: 'query', schema: { enum: ['count', 'rate', 'change'], default: 'count' } },
        limit: {
          name: 'limit',
          in: 'query',
          schema: { ...int, minimum: 1, maximum: MAX_RANK_LIMIT, default: DEFAULT_RANK_LIMIT },
        },
        interval: { name: 'interval', in: 'query', schema: { const: 'month', default: 'month' } },
        month: {
          name: 'month',
          in: 'query',
          required: true,
          schema: { type: 'string', pattern: '^\\d{4}-(0[1-9]|1[0-2])$' },
          description: 'the month judged, AAAA-MM (invalid_date)',
        },
        id: {
          name: 'id',
          in: 'query',
          required: true,
          schema: str,
          description:
            'one area id of `kind`, or one H3 cell with kind=h3 (unknown: 404 unknown_area; missing: invalid_parameter; not a cell: invalid_cell)',
        },
        areas: {
          name: 'areas',
          in: 'query',
          required: true,
          schema: str,
          description:
            'plenary agenda: comma-separated kind:id (id URL-encoded), e.g. sector:ABASTO-REFORMA,cuadrante:P-1.3.8; at most 12 (invalid_parameter, invalid_kind). An unknown id is reported on its slides.',
        },
        categories: {
          name: 'categories',
          in: 'query',
          required: true,
          schema: str,
          description: 'plenary agenda: comma-separated category or group ids, at most 6 (invalid_category)',
        },
        slide: {
          name: 'slide',
          in: 'query',
          schema: { ...int, minimum: 1, default: 1 },
          description: 'slide number, 1-based (invalid_parameter)',
        },
        training: {
          name: 'training',
          in: 'query',
          schema: { ...int, minimum: 1, maximum: 24, default: PAI_DEFAULTS.training },
          description: 'months before each test month whose counts rank the hot spots (invalid_parameter)',
        },
        top: {
          name: 'top',
          in: 'query',
          schema: { ...int, minimum: 1, maximum: 1000, default: PAI_DEFAULTS.top },
          description: "how many hot spot cells (at most the city's cells at res; invalid_parameter)",
        },
        months: {
          name: 'months',
          in: 'query',
          schema: { ...int, minimum: 1, maximum: 24, default: PAI_DEFAULTS.months },
          description: 'how many test months, ending at `month` (invalid_parameter)',
        },
        rank_by: { name: 'rank_by', in: 'query', schema: { enum: ['gistar', 'count'], default: PAI_DEFAULTS.rank_by } },
        gistar_res: {
          name: 'res',
          in: 'query',
          required: true,
          schema: { ...int, minimum: 6, maximum: 10 },
          description:
            'H3 resolution 6–10 (invalid_resolution). 11 is refused: about 600 000 cells in the city, too many to compute per request.',
        },
        q: {
          name: 'q',
          in: 'query',
          required: true,
          schema: { type: 'string', minLength: 2, maxLength: 100 },
          description: 'accent- and case-insensitive (invalid_query)',
        },
        path_kind: {
          name: 'kind',
          in: 'path',
          required: true,
          schema: { enum: [...AREA_KINDS, 'h3'] },
          description: 'an area kind; h3 only for /api/areas/{kind}/{id}/series',
        },
        path_id: {
          name: 'id',
          in: 'path',
          required: true,
          schema: str,
          description:
            'alcaldía cvegeo ("09002"), colonia cve_col ("02-001"), cuadrante ("P-1.3.8"), sector name (URL-encoded), H3 cell ("884995b847fffff")',
        },
        path_folio: {
          name: 'folio',
          in: 'path',
          required: true,
          schema: { type: 'string', pattern: '^MC-[A-Z2-7]{10}$' },
          description: 'folio of a citizen report (unknown: 404 not_found)',
        },
        path_z: { name: 'z', in: 'path', required: true, schema: { ...int, minimum: 0, maximum: MAX_TILE_ZOOM } },
        path_x: { name: 'x', in: 'path', required: true, schema: { ...int, minimum: 0 } },
        path_y: { name: 'y', in: 'path', required: true, schema: { ...int, minimum: 0 } },
      },
    },
  };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;
/** Optional authentication: anonymous, a bearer token, or the session cookie (whose writes also need the CSRF header). */
const DEFAULT_SECURITY = [{}, { bearerToken: [] }, { sessionCookie: [] }];

/** `get /api/areas/{kind}/{id}/series` → `getAreasKindIdSeries`: unique, stable, readable in generated clients. */
export function operationId(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return method + words.map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
}

/**
 * Adds what every operation carries, so that no route can forget it: its `operationId`, its tag
 * (the feature: the first path segment after /api/), the security schemes (a bearer token, the
 * session cookie, the CSRF header) and the document-wide default of optional authentication.
 */
function withOperationMetadata(doc: Json): Json {
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const tags = new Set<string>();
  for (const [path, item] of Object.entries(paths)) {
    const tag = path.split('/')[2] ?? 'api';
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      tags.add(tag);
      op.operationId ??= operationId(method, path);
      op.tags ??= [tag];
      // an operation that documents 401 authentication_required needs credentials; a write through the session also the CSRF header
      const unauthenticated =
        (op.responses as Record<string, { description?: string }> | undefined)?.['401']?.description ?? '';
      if (unauthenticated.includes('authentication_required'))
        op.security ??= method === 'get' ? [{ bearerToken: [] }, { sessionCookie: [] }] : STAFF_SECURITY;
    }
  }
  const components = doc.components as Json;
  return {
    ...doc,
    security: DEFAULT_SECURITY,
    tags: [...tags].sort().map((name) => ({ name })),
    components: {
      ...components,
      securitySchemes: {
        bearerToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'API token: `npm run --silent cli -- token create`, or an admin in #admin',
        },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'mc_session',
          description: 'set by POST /api/session (login)',
        },
        csrfHeader: {
          type: 'apiKey',
          in: 'header',
          name: 'X-CSRF-Token',
          description: 'the csrf_token of the session; required on its POST, PUT, PATCH and DELETE',
        },
      },
    },
  };
}

export function openApiDocument(): Json {
  return withOperationMetadata(describedRoutes());
}

export function registerOpenApi(app: ApiApp): void {
  const body = JSON.stringify(openApiDocument());
  app.get('/api/openapi.json', (c) => {
    c.set('cacheControl', 'public, max-age=3600');
    return c.body(body, 200, { 'Content-Type': 'application/json; charset=utf-8' });
  });
}
