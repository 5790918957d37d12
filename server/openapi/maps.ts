/** OpenAPI paths of the map layers: public and exact hexagons, vector tiles, Gi* hot spots, emerging hot spots and PAI. */
import { EMERGING_CATEGORIES } from '../../geo/stats/index.ts';
import { EMERGING_MAX_MONTHS } from '../emerging/index.ts';
import {
  date,
  errors,
  FILTER,
  FILTER_ERRORS,
  get,
  int,
  type Json,
  nullable,
  obj,
  ok,
  param,
  PUBLIC_ANSWER,
  str,
  withOptional,
} from './schema.ts';

export function mapPaths(): Json {
  return {
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
  };
}
