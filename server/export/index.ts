/**
 * Exports: `GET /api/export/<name>.<csv|geojson>?<the JSON endpoint's query>`.
 *
 * Each export calls its JSON endpoint inside the app (`app.request`, same query, the caller's
 * `Authorization` and `Cookie` headers), so validation and the privacy policy apply unchanged: an
 * error answer (400, 403, 404 …) passes through as it is, and a public caller's file holds exactly
 * the public figures — withheld values stay empty (CSV) or null (GeoJSON). Then:
 * - CSV (csv-stringify): one row per item of the answer's list, columns in the order of the JSON
 *   keys, a UTF-8 BOM so spreadsheet programs read the accents, null → empty cell, booleans
 *   true/false, nested values as JSON; `Content-Disposition: attachment` with a Spanish file name.
 * - GeoJSON: hexagon rows become polygons (h3-js `cellToBoundary` in [lng, lat] order, closed
 *   rings); area rows are joined by id with the display boundaries (server/boundaries; an area
 *   without a polygon keeps `geometry: null`). Properties are the row's fields.
 */
import { stringify } from 'csv-stringify/sync';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';
import { cellToBoundary } from 'h3-js';
import { AppError } from '../../core/errors/index.ts';
import type { AreaKind, Vintage } from '../services/ports.ts';
import type { ApiApp } from '../context.ts';
import type { Services } from '../services/types.ts';
import { DAY_LABELS } from '../shared/days.ts';
import { stripAccents } from '../../geo/text/index.ts';

export type ExportFormat = 'csv' | 'geojson';
type Row = Record<string, unknown>;
// the JSON answer of the endpoint an export mirrors; each spec reads the fields of its own endpoint
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Body = Record<string, any>;

export interface ExportSpec {
  /** the URL name: /api/export/<name>.<format> */
  name: string;
  /** what the file holds (OpenAPI summary, es-MX) */
  summary: string;
  /** the JSON endpoint behind it: its path for this query (400 when the query cannot name one) */
  source: (query: Record<string, string>) => string;
  /** the OpenAPI path of that endpoint (its parameters are the export's) */
  sourcePath: string;
  formats: readonly ExportFormat[];
  /** the table rows of an answer */
  rows: (body: Body) => Row[];
  /** how GeoJSON places a row: by area id, or by H3 cell */
  geometry?: 'area' | 'hexagon';
  /** rows of the GeoJSON when they differ from the CSV's */
  geoRows?: (body: Body) => Row[];
  /** the file name without extension (es-MX) */
  filename: (body: Body, query: Record<string, string>) => string;
}

const need = (query: Record<string, string>, name: string): string => {
  const v = query[name];
  if (!v) throw new AppError('invalid_parameter', `falta el parámetro ${name}`);
  // '.' and '..' would be resolved as path steps by the URL parser
  if (v === '.' || v === '..') throw new AppError('invalid_parameter', `${name}=${v}`);
  return encodeURIComponent(v);
};

const range = (b: Body) => [b.from, b.to].filter(Boolean).join('_');

export const EXPORTS: readonly ExportSpec[] = [
  {
    name: 'compare',
    summary: 'Comparación de periodos por área',
    source: () => '/api/compare',
    sourcePath: '/api/compare',
    formats: ['csv', 'geojson'],
    rows: (b) => b.items,
    geometry: 'area',
    filename: (b) => `comparacion_${b.kind}_${b.p1.from}_${b.p1.to}_vs_${b.p2.from}_${b.p2.to}`,
  },
  {
    name: 'rank',
    summary: 'Ranking de áreas',
    source: () => '/api/rank',
    sourcePath: '/api/rank',
    formats: ['csv', 'geojson'],
    rows: (b) => b.items,
    geometry: 'area',
    filename: (b) => `ranking_${b.kind}_${range(b)}`,
  },
  {
    name: 'semaforo',
    summary: 'Semáforo delictivo por área',
    source: () => '/api/semaforo',
    sourcePath: '/api/semaforo',
    formats: ['csv', 'geojson'],
    rows: (b) => b.items,
    geometry: 'area',
    filename: (b) => `semaforo_${b.kind}_${b.month}`,
  },
  {
    name: 'hotspots',
    summary: 'Incidentes por hexágono H3',
    source: () => '/api/hotspots',
    sourcePath: '/api/hotspots',
    formats: ['csv', 'geojson'],
    rows: (b) => b.cells,
    geometry: 'hexagon',
    filename: (b) => `hexagonos_res${b.res}_${range(b) || 'todo'}`,
  },
  {
    name: 'gistar',
    summary: 'Puntos calientes y fríos (Gi*) por hexágono H3',
    source: () => '/api/hotspots/gistar',
    sourcePath: '/api/hotspots/gistar',
    formats: ['csv', 'geojson'],
    rows: (b) => b.cells,
    geometry: 'hexagon',
    filename: (b) => `puntos_calientes_res${b.res}_${range(b) || 'todo'}`,
  },
  {
    name: 'series',
    summary: 'Serie mensual de un área (kind e id como en /api/trend)',
    source: (q) => `/api/areas/${need(q, 'kind')}/${need(q, 'id')}/series`,
    sourcePath: '/api/areas/{kind}/{id}/series',
    formats: ['csv'],
    // fixed columns: a month no source covers has no count, and must not move the count column
    rows: (b) =>
      b.series.map((s: Row) => ({
        kind: b.kind,
        id: b.id,
        name: b.name,
        period: s.period,
        count: s.count ?? null,
        coverage: s.coverage ?? null,
      })),
    filename: (b) => `serie_${b.kind}_${b.id}_${range(b)}`,
  },
  {
    name: 'patrol',
    summary: 'Hoja de patrullaje: CSV = tabla día × hora (168 filas); GeoJSON = celdas principales',
    source: () => '/api/patrol',
    sourcePath: '/api/patrol',
    formats: ['csv', 'geojson'],
    rows: (b) =>
      (b.heat.counts as number[][]).flatMap((hours, dow) =>
        hours.map((count, hour) => ({ cuadrante: b.cuadrante.id, dow, dia: DAY_LABELS[dow], hour, count })),
      ),
    geometry: 'hexagon',
    geoRows: (b) => b.top_cells.map((c: Row, i: number) => ({ rank: i + 1, ...c })),
    filename: (b) => `patrullaje_${b.cuadrante.id}_${range(b) || 'todo'}`,
  },
  {
    name: 'emerging',
    summary: 'Puntos calientes emergentes por hexágono H3 (celdas con patrón)',
    source: () => '/api/hotspots/emerging',
    sourcePath: '/api/hotspots/emerging',
    formats: ['csv', 'geojson'],
    geometry: 'hexagon',
    rows: (b) =>
      b.cells.map(({ trend, ...cell }: Row & { trend: Row }) => ({
        ...cell,
        trend_s: trend.s,
        trend_z: trend.z,
        trend_p: trend.p,
        trend_tau: trend.tau,
        trend_direction: trend.direction,
      })),
    filename: (b) => `puntos_emergentes_res${b.res}_${range(b)}`,
  },
  {
    name: 'pai',
    summary: 'Prueba retrospectiva PAI: una fila por mes de prueba (celdas separadas por espacios)',
    source: () => '/api/hotspots/pai',
    sourcePath: '/api/hotspots/pai',
    formats: ['csv'],
    rows: (b) =>
      b.items.map(({ cells, ...item }: Row & { cells: string[] }) => ({
        res: b.res,
        training: b.training,
        top: b.top,
        rank_by: b.rank_by,
        ...item,
        cells: cells.join(' '),
      })),
    filename: (b) => `pai_res${b.res}_${b.month}`,
  },
  {
    name: 'target-progress',
    summary: 'Avance mensual de una meta (parámetro target = id de la meta)',
    source: (q) => {
      if (!/^[1-9]\d{0,8}$/.test(q.target ?? ''))
        throw new AppError('not_found', `meta ${String(q.target ?? '').slice(0, 40)}`);
      return `/api/targets/${q.target}/progress`;
    },
    sourcePath: '/api/targets/{target_id}/progress',
    formats: ['csv'],
    rows: (b) => b.items.map((i: Row) => ({ target_id: b.target.id, ...i })),
    filename: (b) => `meta_${b.target.id}_avance`,
  },
];

/** Spanish-safe ASCII file name: accents folded, anything else but [A-Za-z0-9._-] → '_'. */
export function safeFilename(name: string): string {
  return stripAccents(name)
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .slice(0, 150);
}

/** CSV text of rows: columns in first-seen key order, BOM, null → '', booleans true/false, objects as JSON. */
export function toCsv(rows: readonly Row[]): string {
  const columns: string[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    for (const k of Object.keys(r)) {
      if (!seen.has(k)) {
        seen.add(k);
        columns.push(k);
      }
    }
  }
  if (!columns.length) return '\ufeff';
  return stringify(rows as Row[], {
    header: true,
    columns,
    bom: true,
    cast: { boolean: (v) => (v ? 'true' : 'false'), object: (v) => JSON.stringify(v) },
  });
}

/** The polygon of an H3 cell: [lng, lat] ring, closed. */
export function hexagonPolygon(h3: string): Polygon {
  const ring = cellToBoundary(h3, true);
  const [a, z] = [ring[0], ring[ring.length - 1]];
  if (a[0] !== z[0] || a[1] !== z[1]) ring.push([a[0], a[1]]);
  return { type: 'Polygon', coordinates: [ring] };
}

async function toGeoJson(spec: ExportSpec, body: Body, { reference }: Services): Promise<FeatureCollection> {
  const rows = (spec.geoRows ?? spec.rows)(body);
  let geometryOf: (row: Row) => Geometry | null;
  if (spec.geometry === 'hexagon') geometryOf = (r) => hexagonPolygon(String(r.h3));
  // compare and semáforo over H3 cells (kind=h3): each row's id is its cell
  else if (body.kind === 'h3') geometryOf = (r) => hexagonPolygon(String(r.id));
  else {
    const fc = await reference.boundaries(body.kind as AreaKind, body.vintage as Vintage);
    const byId = new Map(fc.features.map((f) => [f.properties.id, f.geometry as Geometry]));
    geometryOf = (r) => byId.get(String(r.id)) ?? null;
  }
  const features: Feature[] = rows.map((r) => ({
    type: 'Feature',
    geometry: geometryOf(r) as Geometry,
    properties: r,
  }));
  return { type: 'FeatureCollection', features };
}

/** Headers of the caller's that carry its identity (the policy must see the same caller). */
const FORWARDED = ['authorization', 'cookie'];

/** `<name>.<format>` → its spec, for every export and format it offers. */
export const EXPORT_FILES: ReadonlyMap<string, { spec: ExportSpec; format: ExportFormat }> = new Map(
  EXPORTS.flatMap((spec) => spec.formats.map((format) => [`${spec.name}.${format}`, { spec, format }] as const)),
);

/**
 * One route for every export (`/api/export/{export}`, export = `<name>.<format>`): the file names
 * are a closed list, and one route keeps the OpenAPI fuzz (tests/integration/bad-input) to one walk.
 */
export function registerExports(app: ApiApp, services: Services): void {
  app.get('/api/export/:export', async (c) => {
    const file = EXPORT_FILES.get(c.req.param('export'));
    if (!file)
      throw new AppError(
        'not_found',
        `exportación ${c.req.param('export').slice(0, 40)} (use ${[...EXPORT_FILES.keys()].join(', ')})`,
      );
    const { spec, format } = file;
    const url = new URL(c.req.url);
    const inner = new URL(spec.source(c.req.query()) + url.search, url.origin);
    const headers = new Headers();
    for (const h of FORWARDED) {
      const v = c.req.header(h);
      if (v !== undefined) headers.set(h, v);
    }
    const res = await app.request(inner.pathname + inner.search, { headers });
    if (res.status !== 200) return res; // validation and policy errors pass through unchanged
    if ((res.headers.get('cache-control') ?? '').includes('no-store')) {
      c.set('skipLru', true);
      c.set('cacheControl', 'no-store');
    }
    const body = (await res.json()) as Body;
    const name = safeFilename(spec.filename(body, c.req.query()));
    const disposition = `attachment; filename="${name}.${format}"`;
    if (format === 'csv') {
      return c.body(toCsv(spec.rows(body)), 200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': disposition,
      });
    }
    return c.body(JSON.stringify(await toGeoJson(spec, body, services)), 200, {
      'Content-Type': 'application/geo+json; charset=utf-8',
      'Content-Disposition': disposition,
    });
  });
}
