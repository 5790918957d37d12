/** OpenAPI paths of the service itself: health, readiness, sources, categories, boundaries, transit, basemap, search and this document. */
import { AREA_KINDS } from '../services/ports.ts';
import { DEFAULT_SEARCH_LIMIT, MAX_SEARCH_LIMIT } from '../search/index.ts';
import { date, errors, get, int, type Json, month, nullable, obj, ok, param, ref, str } from './schema.ts';

export function servicePaths(): Json {
  return {
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
                  'su último día es el último de su mes (un periodo por omisión puede terminar en ese mes); null si sus fechas se reservan y, para el público, en fuentes que no son archivos oficiales (diría si un reporte cayó ese día)',
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
    '/api/openapi.json': get('Este documento', [], ok('OpenAPI 3.1', { type: 'object' })),
  };
}
