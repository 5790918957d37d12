/**
 * Geometry for the hand-drawn SVG bar chart of a monthly series (no chart library: one bar per
 * month, "nice" y-axis ticks). Pure, so the scale maths is unit-tested.
 */

/** Up to ~`target` round tick values covering [0, max] (steps of 1, 2 or 5 × 10^k). */
export function niceTicks(max: number, target = 4): number[] {
  if (max <= 0) return [0];
  const rawStep = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(rawStep));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rawStep) ?? 10 * magnitude;
  const niceStep = Math.max(1, step);
  const ticks: number[] = [];
  for (let value = 0; value < max + niceStep; value += niceStep) {
    ticks.push(value);
    if (value >= max) break;
  }
  return ticks;
}

export interface Bar {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Bars for `counts` in a plot area of `width` × `height`, y scaled to `yMax`. */
export function layoutBars(counts: number[], width: number, height: number, yMax: number): Bar[] {
  if (counts.length === 0) return [];
  const slot = width / counts.length;
  const gap = Math.min(2, slot * 0.2);
  return counts.map((count, index) => {
    const barHeight = yMax > 0 ? (count / yMax) * height : 0;
    return { x: index * slot + gap / 2, y: height - barHeight, width: slot - gap, height: barHeight };
  });
}
