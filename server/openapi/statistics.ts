/** OpenAPI paths of the statistics of an area or a level: monthly series, comparison of periods, ranking, semáforo and trend. */
import {
  CELL_ERRORS,
  date,
  errors,
  FILTER,
  FILTER_ERRORS,
  get,
  H3_PLACES,
  int,
  type Json,
  leveled,
  nullable,
  obj,
  ok,
  param,
  PUBLIC_ANSWER,
  ref,
  str,
  withOptional,
} from './schema.ts';

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

export function statisticsPaths(): Json {
  return {
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
  };
}
