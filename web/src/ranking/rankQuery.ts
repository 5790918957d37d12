/**
 * The ranking view's API query (`/api/rank`, the same for its CSV/GeoJSON export) from the map's
 * filters. Pure, tested beside it.
 */

export type RankBy = 'count' | 'rate' | 'change';
export const RANK_BY_LABELS: Record<RankBy, string> = {
  count: 'Incidentes',
  rate: 'Tasa por 100 mil habitantes',
  change: 'Cambio',
};
/** Rates are re-ranked with the population floor, so every area is asked for (the API's maximum). */
export const RATE_LIMIT = 2000;
export const DEFAULT_LIMIT = 50;

export function rankQuery(opts: {
  kind: string;
  vintage: string;
  by: RankBy;
  from?: string;
  to?: string;
  category?: string;
}): Record<string, string | undefined> {
  return {
    kind: opts.kind,
    vintage: opts.kind === 'cuadrante' || opts.kind === 'sector' ? opts.vintage : undefined,
    from: opts.from,
    to: opts.to,
    category: opts.category,
    by: opts.by,
    limit: String(opts.by === 'rate' ? RATE_LIMIT : DEFAULT_LIMIT),
  };
}
