/**
 * The audit log page the admin is looking at, as CSV (RFC 4180 via csv-stringify): one row per
 * request, the same fields as `GET /api/audit`. Pure, tested beside it.
 */
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { AuditItem } from './api.ts';

export const AUDIT_CSV_COLUMNS = [
  'at',
  'subject',
  'role',
  'name',
  'kind',
  'method',
  'path',
  'query',
  'status',
  'area_ids',
] as const;

export function auditCsv(items: readonly AuditItem[]): string {
  const rows = items.map((i) => [
    i.at,
    i.subject,
    i.role,
    i.name,
    i.kind,
    i.method,
    i.path,
    i.query,
    i.status,
    i.area_ids.join(' '),
  ]);
  return stringify([[...AUDIT_CSV_COLUMNS], ...rows]);
}

/** Client-side filters the API does not take: path substring and status class (e.g. "4" for 4xx). */
export function filterAudit(items: readonly AuditItem[], path: string, statusPrefix: string): AuditItem[] {
  return items.filter(
    (i) => (!path || i.path.includes(path)) && (!statusPrefix || String(i.status).startsWith(statusPrefix)),
  );
}
