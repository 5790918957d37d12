/**
 * Targets (metas) in the UI: who may create them, the form's validation, status labels and the
 * geometry of the small progress chart (monthly counts as bars against the goal line). Pure.
 * The server (`/api/targets`, helper "mesa-api") decides again: this only avoids offering a form
 * that would be refused.
 */
import { addMonths, isMonth, monthIndex } from '../lib/months.ts';
import { formatMonthShort } from '../lib/format.ts';
import type { AreaKind } from '../state/urlState.ts';
import type { NewTarget, Target } from '../api/client.ts';

export const TARGET_CREATOR_ROLES = ['admin', 'mesa'] as const;

export function canCreateTargets(role: string | null | undefined): boolean {
  return (TARGET_CREATOR_ROLES as readonly string[]).includes(role ?? '');
}

export const TARGET_STATUS_LABELS: Record<'cumplida' | 'en_curso' | 'no_cumplida' | 'none', string> = {
  cumplida: 'Cumplida',
  en_curso: 'En curso',
  no_cumplida: 'No cumplida',
  none: 'Sin datos suficientes',
};

export interface TargetForm {
  name: string;
  category: string;
  /** inclusive months, as the form's month inputs give them */
  baselineFirst: string;
  baselineLast: string;
  reductionPct: string;
  dueMonth: string;
}

/** What `POST /api/targets` takes (the API client's type). */
export type TargetPayload = NewTarget;

/**
 * The form → the `POST /api/targets` body, or the Spanish reasons it cannot be sent. Baseline
 * months are inclusive in the form and become the API's half-open `[from, to)` dates.
 */
export function targetPayload(
  form: TargetForm,
  area: { kind: AreaKind; id: string; vintage?: number },
): { ok: true; payload: TargetPayload } | { ok: false; errors: string[] } {
  const errors: string[] = [];
  const name = form.name.trim();
  if (!name) errors.push('Escribe un nombre para la meta.');
  if (!form.category) errors.push('Elige una categoría.');
  const baselineOk = isMonth(form.baselineFirst) && isMonth(form.baselineLast);
  if (!baselineOk) errors.push('Indica los meses de la línea base.');
  else if (monthIndex(form.baselineFirst) > monthIndex(form.baselineLast))
    errors.push('La línea base debe empezar antes de terminar.');
  const pct = Number(form.reductionPct);
  if (!Number.isFinite(pct) || pct <= 0 || pct >= 100)
    errors.push('La reducción debe ser un porcentaje entre 0 y 100.');
  if (!isMonth(form.dueMonth)) errors.push('Indica el mes límite.');
  else if (baselineOk && monthIndex(form.dueMonth) <= monthIndex(form.baselineLast))
    errors.push('El mes límite debe ser posterior a la línea base.');
  if (errors.length) return { ok: false, errors };
  const next = monthIndex(form.baselineLast) + 1;
  const to = `${String(Math.floor(next / 12)).padStart(4, '0')}-${String((next % 12) + 1).padStart(2, '0')}-01`;
  return {
    ok: true,
    payload: {
      name,
      kind: area.kind,
      area_id: area.id,
      ...(area.vintage !== undefined ? { vintage: area.vintage } : {}),
      category: form.category,
      baseline_from: `${form.baselineFirst}-01`,
      baseline_to: to,
      reduction_pct: pct,
      due_month: form.dueMonth,
    },
  };
}

export interface ProgressBar {
  month: string;
  x: number;
  y: number;
  width: number;
  height: number;
  count: number | null;
  met: boolean | null;
}

export interface ProgressChart {
  bars: ProgressBar[];
  /** y of the goal line, null when there is no goal */
  goalY: number | null;
  max: number;
}

/** Bars and the goal line in a `width × height` box, y growing downwards (SVG). */
export function progressChart(
  items: readonly { month: string; count: number | null; goal: number | null; met: boolean | null }[],
  width: number,
  height: number,
): ProgressChart {
  const goal = items.find((i) => i.goal !== null)?.goal ?? null;
  let max = goal ?? 0;
  for (const i of items) if (i.count !== null && i.count > max) max = i.count;
  if (max <= 0) max = 1;
  const slot = items.length ? width / items.length : width;
  const bars = items.map((item, index) => {
    const h = item.count === null ? 0 : (item.count / max) * height;
    return {
      month: item.month,
      x: index * slot + slot * 0.1,
      y: height - h,
      width: slot * 0.8,
      height: h,
      count: item.count,
      met: item.met,
    };
  });
  return { bars, goalY: goal === null ? null : height - (goal / max) * height, max };
}

/** The baseline as inclusive months: `baseline_to` is excluded (`2015-01-01 … 2016-01-01` → "ene 2015 – dic 2015"). */
export function baselineLabel(target: Pick<Target, 'baseline_from' | 'baseline_to'>): string {
  const first = target.baseline_from.slice(0, 7);
  const last = addMonths(target.baseline_to.slice(0, 7), -1);
  return first === last ? formatMonthShort(first) : `${formatMonthShort(first)} – ${formatMonthShort(last)}`;
}
