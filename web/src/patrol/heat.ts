/**
 * The patrol sheet's hour × day-of-week heat table: labels, totals and a
 * sequential colour scale. Pure. Rows are days (0 = lunes … 6 = domingo, as `/api/patrol`),
 * columns hours 0–23.
 *
 * Colours: ColorBrewer's 5-class Blues (colour-blind safe, prints in grey), its fourth class taken from
 * the 7-class scale (#3182bd → #2171b5) so the white numbers on it reach 4.5:1; classes are equal
 * steps of the table's maximum, because a patrol planner reads the table as "how busy is this
 * hour compared with the busiest hour", and every cell also shows its number.
 */
export const DAY_NAMES = ['lunes', 'martes', 'miércoles', 'jueves', 'viernes', 'sábado', 'domingo'] as const;

export const BLUES_5 = ['#eff3ff', '#bdd7e7', '#6baed6', '#2171b5', '#08519c'] as const;

export interface HeatTotals {
  byDay: number[];
  byHour: number[];
  total: number;
}

export function heatTotals(counts: readonly (readonly number[])[]): HeatTotals {
  const byDay = counts.map((row) => row.reduce((sum, n) => sum + n, 0));
  const byHour = Array.from({ length: 24 }, (_, hour) => counts.reduce((sum, row) => sum + (row[hour] ?? 0), 0));
  return { byDay, byHour, total: byDay.reduce((sum, n) => sum + n, 0) };
}

export interface HeatShade {
  background: string;
  /** white text on the two darkest classes */
  text: string;
}

/** Zero is white; 1 … max is split into five equal steps. */
export function heatShade(count: number, max: number): HeatShade {
  if (count <= 0 || max <= 0) return { background: '#ffffff', text: '#56626d' };
  const index = Math.min(BLUES_5.length - 1, Math.floor(((count - 1) / max) * BLUES_5.length));
  return { background: BLUES_5[index], text: index >= 3 ? '#ffffff' : '#1d2630' };
}

export function heatMax(counts: readonly (readonly number[])[]): number {
  let max = 0;
  for (const row of counts) for (const n of row) if (n > max) max = n;
  return max;
}

/** `7` → `07:00–07:59`, the span a column covers. */
export function hourSpan(hour: number): string {
  const hh = String(hour).padStart(2, '0');
  return `${hh}:00–${hh}:59`;
}

export interface BusiestSlot {
  day: number;
  hour: number;
  count: number;
}

/** The `limit` busiest (day, hour) slots, most first; ties keep table order (lunes 0 h first). */
export function busiestSlots(counts: readonly (readonly number[])[], limit = 5): BusiestSlot[] {
  const slots: BusiestSlot[] = [];
  counts.forEach((row, day) => row.forEach((count, hour) => count > 0 && slots.push({ day, hour, count })));
  return slots.sort((a, b) => b.count - a.count || a.day - b.day || a.hour - b.hour).slice(0, limit);
}
