/**
 * From a classified, geocoded article to the `incidents` row of its event (pure).
 *
 * Where the row is placed depends on the geocoder's precision:
 * - station, street: the point, every area that contains it, and H3 cells at every resolution
 *   (a Metro station or a street inside a named colonia is known to within a few hundred metres);
 * - colonia: the colonia's representative point and its areas, but H3 cells only at resolutions
 *   6–8 (cells of ≥ 0.7 km², larger than most colonias): finer cells would pile every report of a
 *   colonia onto one invented hexagon;
 * - cuadrante, alcaldía: no point, no H3 cells; only the alcaldía column (counts per alcaldía).
 */
import { createHash } from 'node:crypto';
import type { LocatedAreas, ReverseGeocoder } from '../../../geo/areas/index.ts';
import { cellColumns } from '../../../geo/h3/index.ts';
import type { LocationPrecision } from '../../../db/schema.ts';
import type { GeocodeOutput } from '../../../reference/geocoder/index.ts';
import { isoDayOfWeek, localToUtc, monthStart, type LocalDate } from '../../../core/time/index.ts';
import type { ArticleClassification } from '../classify/index.ts';
import { localDateOf } from '../classify/index.ts';

export const NEWS_SOURCE = 'news';

/** Resolutions that a placement of each precision fills (see above). */
export const H3_BY_PRECISION: Record<string, readonly number[]> = {
  station: [6, 7, 8, 9, 10, 11],
  intersection: [6, 7, 8, 9, 10, 11],
  street: [6, 7, 8, 9, 10, 11],
  colonia: [6, 7, 8],
};
const POINT_PRECISIONS = new Set(['station', 'intersection', 'street', 'colonia']);

/** A stable event id: the first article's canonical URL, hashed. */
export function eventIdFor(canonicalUrl: string): string {
  return `news:${createHash('sha256').update(canonicalUrl).digest('hex').slice(0, 24)}`;
}

function parseIsoDate(s: string): LocalDate {
  const [year, month, day] = s.split('-').map(Number);
  return { year: year!, month: month!, day: day! };
}

/** The event's local date: stated, else published, else fetched. */
export function eventDate(c: ArticleClassification, publishedAt: string | null, fetchedAt: string): string {
  if (c.when) return c.when.date;
  const d = localDateOf(publishedAt) ?? localDateOf(fetchedAt)!;
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

const NO_AREAS: LocatedAreas = {
  alcaldia_2016: null, alcaldia_2023: null, colonia: null, cuadrante_2016: null, sector_2016: null, cuadrante_2023: null, sector_2023: null,
};

export interface NewsIncidentInput {
  canonicalUrl: string;
  title: string | null;
  publishedAt: string | null;
  fetchedAt: string;
  classification: ArticleClassification;
  geocode: GeocodeOutput;
}

/** The `incidents` row (insert values) for a placed incident report. */
export function incidentRow(input: NewsIncidentInput, reverse: ReverseGeocoder) {
  const { classification: c, geocode: g } = input;
  if (!c.primary) throw new Error('incidentRow: no category');
  const date = eventDate(c, input.publishedAt, input.fetchedAt);
  const local = parseIsoDate(date);
  const hasTime = c.when?.hour != null && c.when.basis !== 'published';
  const point = g.lat !== null && g.lon !== null && POINT_PRECISIONS.has(g.precision ?? '');
  let areas: LocatedAreas = { ...NO_AREAS };
  if (point) areas = { ...reverse.locate(g.lat!, g.lon!) };
  if (!areas.alcaldia_2023 && g.alcaldia_id) areas.alcaldia_2016 = areas.alcaldia_2023 = g.alcaldia_id;
  if (!areas.colonia && g.colonia_id && POINT_PRECISIONS.has(g.precision ?? '')) areas.colonia = g.colonia_id;
  return {
    source_kind: 'news' as const,
    source: NEWS_SOURCE,
    source_record_id: eventIdFor(input.canonicalUrl),
    import_id: null,
    occurred_on: date,
    month: monthStart(local),
    hour: hasTime ? c.when!.hour : null,
    dow: isoDayOfWeek(local),
    occurred_at: hasTime ? localToUtc(local, { hour: c.when!.hour!, minute: c.when!.minute ?? 0, second: 0 }).toISOString() : null,
    time_precision: hasTime ? ('hour' as const) : ('date' as const),
    category: c.primary,
    violence: c.violence,
    attempt: c.attempt,
    original_label: (input.title ?? '').slice(0, 300),
    victims: c.victims ?? 1,
    lat: point ? g.lat : null,
    lon: point ? g.lon : null,
    location_precision: (g.precision ?? 'none') as LocationPrecision,
    ...areas,
    ...cellColumns(point ? g.lat : null, point ? g.lon : null, H3_BY_PRECISION[g.precision ?? ''] ?? []),
  };
}
