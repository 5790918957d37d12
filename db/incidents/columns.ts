/**
 * The incidents table's column list and a normalised incident as a stored row: kysely insert values,
 * or one line of COPY-ready CSV (header-less, RFC 4180) for the bulk path. The one module that names
 * every incidents column; the writer (`writer.ts`) is its only user outside the schema.
 */
import type { Insertable } from 'kysely';
import type { NormalisedIncident } from '../../core/incident/index.ts';
import { isoDayOfWeek } from '../../core/time/index.ts';
import type { IncidentsTable } from '../schema.ts';
import type { Placement } from './placement.ts';

export const INCIDENT_COLUMNS = [
  'source_kind',
  'source',
  'source_record_id',
  'import_id',
  'occurred_on',
  'month',
  'hour',
  'dow',
  'occurred_at',
  'time_precision',
  'category',
  'violence',
  'attempt',
  'original_label',
  'victims',
  'lat',
  'lon',
  'location_precision',
  'alcaldia_2016',
  'alcaldia_2023',
  'colonia',
  'cuadrante_2016',
  'sector_2016',
  'cuadrante_2023',
  'sector_2023',
  'h3_6',
  'h3_7',
  'h3_8',
  'h3_9',
  'h3_10',
  'h3_11',
] as const satisfies readonly (keyof IncidentsTable)[];

/** Columns an upsert replaces: all but the key. */
export const UPDATABLE_COLUMNS = INCIDENT_COLUMNS.filter((c) => c !== 'source' && c !== 'source_record_id');

/** First day of the local month: the bucket of every monthly series. */
export const monthOf = (occurredOn: string) => `${occurredOn.slice(0, 7)}-01`;

/** ISO day of week (1 Monday … 7 Sunday) of a YYYY-MM-DD date. */
export function dayOfWeekOf(occurredOn: string): number {
  return isoDayOfWeek({
    year: Number(occurredOn.slice(0, 4)),
    month: Number(occurredOn.slice(5, 7)),
    day: Number(occurredOn.slice(8, 10)),
  });
}

const importIdOf = (x: NormalisedIncident) => (x.provenance?.kind === 'import' ? x.provenance.importId : null);

/** The row's insert values. */
export function incidentValues(x: NormalisedIncident, placed: Placement): Insertable<IncidentsTable> {
  const [h3_6, h3_7, h3_8, h3_9, h3_10, h3_11] = placed.h3;
  return {
    source_kind: x.sourceKind,
    source: x.source,
    source_record_id: x.sourceRecordId,
    import_id: importIdOf(x),
    occurred_on: x.occurredOn,
    month: monthOf(x.occurredOn),
    hour: x.hour,
    dow: dayOfWeekOf(x.occurredOn),
    occurred_at: x.occurredAt,
    time_precision: x.timePrecision,
    category: x.category,
    violence: x.violence,
    attempt: x.attempt,
    original_label: x.originalLabel,
    victims: x.victims,
    lat: x.point?.lat ?? null,
    lon: x.point?.lon ?? null,
    location_precision: x.locationPrecision,
    ...placed.areas,
    h3_6,
    h3_7,
    h3_8,
    h3_9,
    h3_10,
    h3_11,
  };
}

// In COPY's CSV format an unquoted empty field is NULL and a quoted one is an empty string, so every
// text value is quoted and every null is left empty.
const NEEDS_ESCAPE = /"/g;
/** A quoted CSV text field ('' for null). */
export const csvText = (v: string | null): string =>
  v === null ? '' : `"${v.includes('"') ? v.replace(NEEDS_ESCAPE, '""') : v}"`;
const num = (v: number | null): string => (v === null ? '' : String(v));
const cell = (v: string | null): string => v ?? '';

/** The row as one CSV line in `INCIDENT_COLUMNS` order (written with one template: the import's hot path). */
export function incidentCsvLine(x: NormalisedIncident, placed: Placement): string {
  const a = placed.areas;
  const h = placed.h3;
  return (
    `${x.sourceKind},${csvText(x.source)},${csvText(x.sourceRecordId)},${num(importIdOf(x))},${x.occurredOn},${monthOf(x.occurredOn)},${num(x.hour)},` +
    `${dayOfWeekOf(x.occurredOn)},${x.occurredAt ?? ''},${x.timePrecision},${x.category},${x.violence ?? ''},${x.attempt ? 't' : 'f'},` +
    `${csvText(x.originalLabel)},${x.victims},${num(x.point?.lat ?? null)},${num(x.point?.lon ?? null)},${x.locationPrecision},` +
    `${csvText(a.alcaldia_2016)},${csvText(a.alcaldia_2023)},${csvText(a.colonia)},${csvText(a.cuadrante_2016)},${csvText(a.sector_2016)},` +
    `${csvText(a.cuadrante_2023)},${csvText(a.sector_2023)},${cell(h[0])},${cell(h[1])},${cell(h[2])},${cell(h[3])},${cell(h[4])},${cell(h[5])}\n`
  );
}
