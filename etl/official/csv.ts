/**
 * Serialising incidents and quarantined rows as COPY-ready CSV text (header-less, RFC 4180).
 * In COPY's CSV format an unquoted empty field is NULL and a quoted one is an empty string, so
 * every text value is quoted and every null is left empty.
 */
import type { Incident } from './rows.ts';

export const INCIDENT_COLUMNS = [
  'source_kind', 'source', 'source_record_id', 'import_id', 'occurred_on', 'month', 'hour', 'dow', 'occurred_at',
  'time_precision', 'category', 'violence', 'attempt', 'original_label', 'victims', 'lat', 'lon', 'location_precision',
  'alcaldia_2016', 'alcaldia_2023', 'colonia', 'cuadrante_2016', 'sector_2016', 'cuadrante_2023', 'sector_2023',
  'h3_6', 'h3_7', 'h3_8', 'h3_9', 'h3_10', 'h3_11',
] as const;

export const QUARANTINE_COLUMNS = ['import_id', 'source', 'line_no', 'reason', 'raw'] as const;

const NEEDS_ESCAPE = /"/g;
/** A quoted CSV text field ('' for null). */
export const text = (v: string | null): string => (v === null ? '' : `"${v.includes('"') ? v.replace(NEEDS_ESCAPE, '""') : v}"`);
const num = (v: number | null): string => (v === null ? '' : String(v));

const NO_H3 = ',,,,,';

export function incidentCsvLine(source: string, importId: number, x: Incident): string {
  const a = x.areas;
  return (
    `official,${text(source)},${text(x.sourceRecordId)},${importId},${x.occurredOn},${x.month},${num(x.hour)},${x.dow},` +
    `${x.occurredAt ?? ''},${x.hour === null ? 'date' : 'hour'},${x.category},${x.violence ?? ''},${x.attempt ? 't' : 'f'},` +
    `${text(x.originalLabel)},${x.victims},${num(x.lat)},${num(x.lon)},${x.locationPrecision},` +
    `${text(a.alcaldia_2016)},${text(a.alcaldia_2023)},${text(a.colonia)},${text(a.cuadrante_2016)},${text(a.sector_2016)},` +
    `${text(a.cuadrante_2023)},${text(a.sector_2023)},${x.h3 ? x.h3.join(',') : NO_H3}\n`
  );
}

export function quarantineCsvLine(importId: number, source: string, lineNo: number, reason: string, raw: string): string {
  // PostgreSQL text cannot hold NUL characters; a damaged line may carry some.
  return `${importId},${text(source)},${lineNo},${reason},${text(raw.replaceAll('\u0000', ''))}\n`;
}
