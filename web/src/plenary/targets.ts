/** Target progress as the slide shows it: status in words and the months up to the session's. Pure. */
import { formatMonthShort } from '../lib/format.ts';
import { addMonths, type Month } from '../lib/months.ts';
import type { Target, TargetProgress } from './api.ts';

export const TARGET_STATUS_LABELS: Record<string, { icon: string; label: string }> = {
  cumplida: { icon: '✓', label: 'Meta cumplida' },
  en_curso: { icon: '…', label: 'En curso' },
  no_cumplida: { icon: '✗', label: 'Meta no cumplida' },
  null: { icon: '○', label: 'Sin evaluar' },
};

/** The last `count` months of the progress up to and including `month`. */
export function progressRows(progress: Pick<TargetProgress, 'items'>, month: Month, count = 6): TargetProgress['items'] {
  return progress.items.filter((item) => item.month <= month).slice(-count);
}

/** The baseline as inclusive months: `baseline_to` is excluded (`2015-01-01 … 2016-01-01` → "ene 2015 – dic 2015"). */
export function baselineLabel(target: Pick<Target, 'baseline_from' | 'baseline_to'>): string {
  const first = target.baseline_from.slice(0, 7);
  const last = addMonths(target.baseline_to.slice(0, 7), -1);
  return first === last ? formatMonthShort(first) : `${formatMonthShort(first)} – ${formatMonthShort(last)}`;
}
