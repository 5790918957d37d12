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
import { MAX_TILE_ZOOM } from '../tiles/index.ts';
import { PAI_DEFAULTS } from '../pai/index.ts';
import { date, int, type Json, month, nullable, obj, STAFF_SECURITY, str } from './schema.ts';
import { accountPaths } from './accounts.ts';
import { mapPaths } from './maps.ts';
import { newsPaths } from './news.ts';
import { mesaParameters, mesaPaths } from './mesa.ts';
import { plenaryPaths } from './plenary.ts';
import { reportPaths } from './reports.ts';
import { servicePaths } from './service.ts';
import { statisticsPaths } from './statistics.ts';

/** The privacy rules (server/policy), as every client must know them. */
const PRIVACY_DESCRIPTION = [
  '',
  '',
  'Acceso y privacidad. Sin token (público): solo agregados; hexágonos H3 de resolución ≤ 8 (más fina: 403 forbidden_resolution; las teselas se quedan en 8 al acercarse); periodos de meses completos (from/to/p1/p2 el día 1 de un mes: si no, 400 month_aligned_required).',
  'Cada cifra pública se construye con valores mensuales publicados por celda (hexágono o área) y mes. Por omisión (PUBLIC_DISCLOSURE=cell-key) cada conteo se publica perturbado por el método de clave de celda (cell-key, como la Oficina Nacional de Estadística del Reino Unido en el censo 2021): nunca se publica un valor de 1 a k−1 (k = 3 por omisión; se vuelven 0 o ≥ k), el ruido es de ±2 como máximo a partir de k, no tiene sesgo y la misma celda recibe siempre el mismo ruido, de modo que repetir o combinar solicitudes no revela un conteo pequeño. Una cifra de varios meses es la suma de los meses publicados. Con PUBLIC_DISCLOSURE=suppression (la regla anterior) un conteo de 1 a k−1 se reserva (null) y las sumas llevan partial: true. Las respuestas públicas llevan access: "public" y min_count.',
  'Categorías sensibles (secuestro, extorsion, violacion, feminicidio): públicas solo por alcaldía y mes, y solo los meses terminados al menos 30 días antes de la fecha de referencia (la menor entre el último dato y hoy); pedirlas en hexágonos, colonias, sectores o cuadrantes da 403 sensitive_category. Sin filtro de categoría, el público recibe todas las categorías NO sensibles.',
  'Con token (Authorization: Bearer <token>, creado con `npm run --silent cli -- token create --role ROLE --name NOMBRE [--territory ID,…]`): admin y moderador ven todo exacto; mesa y enlace ven exacto dentro de su territorio (alcaldías por cvegeo o sectores de una vigencia: 2016:NOMBRE o 2023:NOMBRE) y la vista pública fuera de él; sus hexágonos son los públicos. Un token inválido: 401 invalid_token. Las respuestas con token son Cache-Control: private.',
].join('\n');

/** The paths and components, before `withOperationMetadata`. */
function describedRoutes(): Json {
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
      ...servicePaths(),
      ...mapPaths(),
      ...statisticsPaths(),
      ...reportPaths(),
      ...newsPaths(),
      ...mesaPaths(),
      ...accountPaths(),
      ...plenaryPaths(),
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
            description:
              'incidents.source: ssc_points, fgj_victimas, fgj_victimas_cdmx, fgj_carpetas, fgj_mensual, news, citizen, chat …',
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
