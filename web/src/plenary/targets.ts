/** Target progress as the slide shows it: status in words and the months up to the session's. Pure. */
import type { Month } from '../lib/months.ts';
import type { TargetProgress } from './api.ts';

// one wording of a target's baseline for the panel and the slide
export { baselineLabel } from '../mesa/targets.ts';

export const TARGET_STATUS_LABELS: Record<string, { icon: string; label: string }> = {
  cumplida: { icon: '✓', label: 'Meta cumplida' },
  en_curso: { icon: '…', label: 'En curso' },
  no_cumplida: { icon: '✗', label: 'Meta no cumplida' },
  null: { icon: '○', label: 'Sin evaluar' },
};

/** The last `count` months of the progress up to and including `month`. */
export function progressRows(
  progress: Pick<TargetProgress, 'items'>,
  month: Month,
  count = 6,
): TargetProgress['items'] {
  return progress.items.filter((item) => item.month <= month).slice(-count);
}
