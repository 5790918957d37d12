/**
 * Links to the API's exports (`/api/export/{name}.{csv|geojson}`, server/export): the same query as
 * the JSON endpoint behind the view. Same-origin links carry the viewer's session cookie, so a
 * Mesa member downloads exactly the figures she sees. Pure, tested beside it.
 */

export type ExportFormat = 'csv' | 'geojson';

export const FORMAT_LABELS: Record<ExportFormat, string> = { csv: 'CSV (hoja de cálculo)', geojson: 'GeoJSON (mapa)' };

/** `/api/export/rank.csv?kind=colonia&from=…`; empty and undefined parameters are left out. */
export function exportHref(
  name: string,
  format: ExportFormat,
  params: Record<string, string | undefined | null>,
): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) query.set(key, value);
  const text = query.toString().replaceAll('%2C', ',');
  return `/api/export/${encodeURIComponent(name)}.${format}${text ? `?${text}` : ''}`;
}
