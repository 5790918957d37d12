/**
 * Quarantined rows as COPY-ready CSV text (header-less, RFC 4180); incidents are serialised by the
 * store's incident writer (`db/incidents`).
 */
import { csvText } from '../../db/incidents/columns.ts';

export const QUARANTINE_COLUMNS = ['import_id', 'source', 'line_no', 'reason', 'raw'] as const;

export function quarantineCsvLine(
  importId: number,
  source: string,
  lineNo: number,
  reason: string,
  raw: string,
): string {
  // PostgreSQL text cannot hold NUL characters; a damaged line may carry some.
  return `${importId},${csvText(source)},${lineNo},${reason},${csvText(raw.replaceAll('\u0000', ''))}\n`;
}
