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

/**
 * Which months get an axis label: about `target` evenly spaced, always the first and the last. A
 * regular label closer than half a step to the last one is dropped, so the two never overlap
 * (36 months: 0, 8, 16, 24, 35 rather than … 32, 35).
 */
export function axisLabelIndices(count: number, target = 5): number[] {
  if (count <= 0) return [];
  const every = Math.max(1, Math.ceil(count / target));
  const last = count - 1;
  const out: number[] = [];
  for (let i = 0; i < last; i += every) if (i === 0 || last - i >= every / 2) out.push(i);
  out.push(last);
  return out;
}

/**
 * Where a month label hangs from its bar: the first starts at its bar's left edge and the last ends
 * at its bar's right edge, so neither runs past the chart ("ago 201" clipped); the others are centred.
 */
export function axisLabelPlacement(
  index: number,
  count: number,
  bar: Bar,
): { x: number; anchor: 'start' | 'middle' | 'end' } {
  if (count > 1 && index === count - 1) return { x: bar.x + bar.width, anchor: 'end' };
  if (index === 0) return { x: bar.x, anchor: 'start' };
  return { x: bar.x + bar.width / 2, anchor: 'middle' };
}
