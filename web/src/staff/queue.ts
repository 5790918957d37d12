/**
 * The moderation queue's client-side filters and keyboard moves. The API filters by status
 * only; source, alcaldía and age narrow the page it returned. Pure, tested beside it.
 */
import type { ModerationReport } from './api.ts';

export const ORIGIN_LABELS: Record<string, string> = { form: 'Formulario web', chat: 'Chat importado' };

export const AGE_OPTIONS = [
  { days: 0, label: 'Cualquier antigüedad' },
  { days: 1, label: 'Más de 1 día' },
  { days: 7, label: 'Más de 7 días' },
  { days: 30, label: 'Más de 30 días' },
] as const;

export interface QueueFilter {
  /** '' = any */
  origin: string;
  /** alcaldía cvegeo, '' = any, 'none' = without one */
  alcaldia: string;
  /** only reports at least this many whole days old (0 = any) */
  minAgeDays: number;
}

/** Whole days between the report's arrival and `now`. */
export function ageInDays(createdAt: string, now: Date): number {
  const created = Date.parse(createdAt);
  if (!Number.isFinite(created)) return 0;
  return Math.max(0, Math.floor((now.getTime() - created) / 86_400_000));
}

export function filterQueue(reports: readonly ModerationReport[], filter: QueueFilter, now: Date): ModerationReport[] {
  return reports.filter((r) => {
    if (filter.origin && r.origin !== filter.origin) return false;
    if (filter.alcaldia === 'none' && r.place.alcaldia_id !== null) return false;
    if (filter.alcaldia && filter.alcaldia !== 'none' && r.place.alcaldia_id !== filter.alcaldia) return false;
    if (filter.minAgeDays > 0 && ageInDays(r.created_at, now) < filter.minAgeDays) return false;
    return true;
  });
}

/** Whether the API can count the report without a moderator's location (placement.ts `isPlaced`). */
export function isPlaced(r: ModerationReport): boolean {
  if (r.place.precision === 'none') return false;
  return (r.place.lat !== null && r.place.lon !== null) || r.place.alcaldia_id !== null || r.place.colonia_id !== null;
}

/** j/k moves: one step down/up, clamped to the list (an empty list has no position). */
export function moveCursor(index: number, step: 1 | -1, length: number): number {
  if (length === 0) return -1;
  if (index < 0) return step === 1 ? 0 : length - 1;
  return Math.min(length - 1, Math.max(0, index + step));
}

/** The keyboard shortcuts, as the screen documents them. */
export const SHORTCUTS: ReadonlyArray<[string, string]> = [
  ['j / k', 'siguiente / anterior reporte'],
  ['a', 'aprobar el reporte marcado'],
  ['r', 'rechazar el reporte marcado (pide el motivo)'],
  ['x', 'marcar o desmarcar para acciones en bloque'],
];

/** Keys typed into a form field are text, not shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  const el = target as { tagName?: string; isContentEditable?: boolean } | null;
  if (!el || !el.tagName) return false;
  return ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName) || Boolean(el.isContentEditable);
}
