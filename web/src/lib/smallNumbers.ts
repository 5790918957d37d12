/**
 * Honest small numbers: the rules every view (panel, comparison, semáforo, ranking, plenary
 * slides) applies before colouring or wording a figure. Written out on the method page
 * (ui/About.svelte). Pure, tested beside it.
 *
 * - A change between two periods is coloured (red rise, green fall) only when BOTH periods have
 *   at least MIN_COUNT_FOR_CHANGE incidents. Under a Poisson model a count of n has a standard
 *   deviation of √n, so with n < 10 the noise (±30 % or more) is as large as the changes people
 *   act on; "1 vs 1.4" or "3 vs 5" is shown in grey as "pocos casos".
 * - A rate per 100,000 residents is shown only for areas with at least POPULATION_FLOOR residents:
 *   below it, a single incident moves the rate by 100 or more per 100,000 and puts a near-empty
 *   colonia (e.g. 326 residents) at the top of a ranking. Such rates are greyed "población pequeña"
 *   and ranked after the others.
 */
import { formatDecimal, formatInteger } from './format.ts';

export const MIN_COUNT_FOR_CHANGE = 10;
export const POPULATION_FLOOR = 1000;

export type ChangeTone = 'up' | 'down' | 'flat' | 'few';

/** Spanish noun with its count: 1 incidente, 2 incidentes, 1,204 incidentes. */
export function countNoun(n: number, singular: string, plural: string): string {
  return `${formatInteger(n)} ${Math.abs(n) === 1 ? singular : plural}`;
}

export function incidents(n: number): string {
  return countNoun(n, 'incidente', 'incidentes');
}

/** Whether a change from `before` to `after` is large enough in counts to be coloured. */
export function changeTone(before: number | null, after: number | null): ChangeTone {
  if (before === null || after === null || before < MIN_COUNT_FOR_CHANGE || after < MIN_COUNT_FOR_CHANGE) return 'few';
  if (after > before) return 'up';
  if (after < before) return 'down';
  return 'flat';
}

/** A change in counts in words: "sube 12", "baja 9", "sin cambio" (never "baja -9"). */
export function changeWords(diff: number): string {
  if (diff === 0) return 'sin cambio';
  return `${diff > 0 ? 'sube' : 'baja'} ${formatInteger(Math.abs(diff))}`;
}

/** A percentage change in words: "sube 12.5 %", "baja 9.0 %", "sin cambio"; null → "—". */
export function percentWords(pct: number | null | undefined): string {
  if (pct == null || !Number.isFinite(pct)) return '—';
  if (pct === 0) return 'sin cambio';
  return `${pct > 0 ? 'sube' : 'baja'} ${formatDecimal(Math.abs(pct))} %`;
}

/** The label a change gets on screen: its words, or "pocos casos" when the counts are too small. */
export function changeLabel(before: number | null, after: number | null, pct: number | null): string {
  return changeTone(before, after) === 'few' ? 'pocos casos' : percentWords(pct);
}

export function rateIsShown(population: number | null | undefined): boolean {
  return population != null && population >= POPULATION_FLOOR;
}

/** Items ranked by rate with small populations last (their order otherwise kept). */
export function rankByRateWithFloor<T extends { population: number | null; rate: number | null }>(
  items: readonly T[],
): T[] {
  const shown = items.filter((i) => rateIsShown(i.population) && i.rate !== null);
  const rest = items.filter((i) => !(rateIsShown(i.population) && i.rate !== null));
  return [...[...shown].sort((a, b) => b.rate! - a.rate!), ...rest];
}

/**
 * Whether a semáforo colour rests on enough cases: the month's count and the baseline's monthly
 * mean both at least MIN_COUNT_FOR_CHANGE (the same rule as any change between two periods).
 */
export function semaforoHasEnoughCases(
  count: number | null | undefined,
  baselineMean: number | null | undefined,
): boolean {
  return count != null && baselineMean != null && count >= MIN_COUNT_FOR_CHANGE && baselineMean >= MIN_COUNT_FOR_CHANGE;
}

/** The grey chip shown instead of a colour with too few cases; names what the rule alone would say. */
export function fewCasesLabel(ruleLabel: string): string {
  return `Pocos casos (la regla daría ${ruleLabel})`;
}

export const FEW_CASES_STYLE = { background: '#d9dde1', text: '#1d2630' } as const;
