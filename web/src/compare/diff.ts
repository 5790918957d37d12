/**
 * The difference map between two periods: per-H3-cell change from period A to period B, and its
 * diverging colour scale. Pure (the view fetches `/api/hotspots` for each period and calls these).
 *
 * Colours: ColorBrewer's 7-class PuOr (Brewer & Harrower, colorbrewer2.org), a diverging scheme
 * marked colour-blind safe: oranges for increases, purples for decreases, near-white for no change.
 * Breaks are symmetric around zero and geometric in |change| (as the count scale in
 * lib/colorScale.ts), so the many small changes and the few large ones both stay legible.
 */
import type { Rgb } from '../lib/colorScale.ts';

export interface CountCell {
  h3: string;
  /** null = withheld by the privacy rule (public view) */
  count: number | null;
}

export interface DiffCell {
  h3: string;
  a: number | null;
  b: number | null;
  /** b − a; null when either side was withheld */
  diff: number | null;
}

/**
 * Joins the cells of both periods. The API lists only cells with incidents, so a cell missing
 * from one period had 0 there (not "unknown"); a withheld count (null) makes the change unknown.
 */
export function diffCells(periodA: readonly CountCell[], periodB: readonly CountCell[]): DiffCell[] {
  const byCell = new Map<string, DiffCell>();
  for (const cell of periodA) byCell.set(cell.h3, { h3: cell.h3, a: cell.count, b: 0, diff: null });
  for (const cell of periodB) {
    const entry = byCell.get(cell.h3) ?? { h3: cell.h3, a: 0, b: null, diff: null };
    entry.b = cell.count;
    byCell.set(cell.h3, entry);
  }
  for (const entry of byCell.values()) entry.diff = entry.a === null || entry.b === null ? null : entry.b - entry.a;
  return [...byCell.values()];
}

/** PuOr, 7 classes, from strongest decrease to strongest increase. */
export const PU_OR_7: Rgb[] = [
  [84, 39, 136],
  [153, 142, 195],
  [216, 218, 235],
  [247, 247, 247],
  [254, 224, 182],
  [241, 163, 64],
  [179, 88, 6],
];

export interface DiffClass {
  /** inclusive bounds */
  min: number;
  max: number;
  color: Rgb;
  label: string;
}

/**
 * Symmetric classes: "sin cambio" (exactly 0) and up to three steps each side, with upper bounds
 * max^(1/3), max^(2/3), max of the largest absolute change (integers, strictly increasing).
 */
export function diffClasses(diffs: readonly (number | null)[]): DiffClass[] {
  let maxAbs = 0;
  for (const d of diffs) if (d !== null && Math.abs(d) > maxAbs) maxAbs = Math.abs(d);
  const zero: DiffClass = { min: 0, max: 0, color: PU_OR_7[3], label: 'Sin cambio' };
  if (maxAbs === 0) return [zero];
  const uppers: number[] = [];
  for (let k = 1; k <= 3; k++) {
    const bound = k === 3 ? maxAbs : Math.round(maxAbs ** (k / 3));
    if (bound >= 1 && (uppers.length === 0 || bound > uppers[uppers.length - 1])) uppers.push(bound);
  }
  // the strongest colour always means the largest change, however many classes survived
  const shade = (i: number) => (uppers.length === 1 ? 3 : uppers.length === 2 ? [1, 3][i] : i + 1);
  const up: DiffClass[] = uppers.map((upper, i) => {
    const lower = i === 0 ? 1 : uppers[i - 1] + 1;
    return { min: lower, max: upper, color: PU_OR_7[3 + shade(i)], label: rangeLabel('+', lower, upper) };
  });
  const down: DiffClass[] = uppers.map((upper, i) => {
    const lower = i === 0 ? 1 : uppers[i - 1] + 1;
    // numeric order, as on the scale: "−27 a −10"
    return {
      min: -upper,
      max: -lower,
      color: PU_OR_7[3 - shade(i)],
      label: lower === upper ? `−${lower}` : `−${upper} a −${lower}`,
    };
  });
  return [...down.reverse(), zero, ...up];
}

function rangeLabel(sign: string, lower: number, upper: number): string {
  return lower === upper ? `${sign}${lower}` : `${sign}${lower} a ${sign}${upper}`;
}

export const UNKNOWN_DIFF_COLOR: Rgb = [190, 196, 202];

export function diffColorFor(diff: number | null, classes: readonly DiffClass[]): Rgb {
  if (diff === null) return UNKNOWN_DIFF_COLOR;
  for (const c of classes) if (diff >= c.min && diff <= c.max) return c.color;
  // beyond the outer classes (cannot happen with classes from the same data): clamp
  return diff > 0 ? classes[classes.length - 1].color : classes[0].color;
}

export interface DiffSummary {
  totalA: number;
  totalB: number;
  increased: number;
  decreased: number;
  unchanged: number;
  unknown: number;
}

export function summarizeDiff(cells: readonly DiffCell[]): DiffSummary {
  const s: DiffSummary = { totalA: 0, totalB: 0, increased: 0, decreased: 0, unchanged: 0, unknown: 0 };
  for (const c of cells) {
    s.totalA += c.a ?? 0;
    s.totalB += c.b ?? 0;
    if (c.diff === null) s.unknown++;
    else if (c.diff > 0) s.increased++;
    else if (c.diff < 0) s.decreased++;
    else s.unchanged++;
  }
  return s;
}

/** A hexagon as the comparison maps draw it. */
export interface Hexagon {
  h3: string;
  color: Rgb;
  tooltip: string;
}
