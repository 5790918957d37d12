/**
 * Sequential, colour-blind-safe colour scale for hotspot counts.
 *
 * Colours: ColorBrewer's 6-class YlOrRd (Brewer & Harrower, colorbrewer2.org), which stays
 * ordered for deuteranopia and protanopia and prints well in grey.
 *
 * Breaks: geometric (equal steps of log(count)) from 1 to the largest count, rounded to two
 * significant digits. Incident counts per hexagon are heavily right-skewed; quantile breaks on
 * them collapse into "1, 2, 3–66" at fine resolutions, and equal intervals put nearly every
 * hexagon in the first class. Geometric classes keep both the many small counts and the few
 * large ones legible (Slocum et al., *Thematic Cartography and Geovisualization*, ch. 5).
 */

export type Rgb = [number, number, number];

export const YL_OR_RD_6: Rgb[] = [
  [255, 255, 178],
  [254, 217, 118],
  [254, 178, 76],
  [253, 141, 60],
  [240, 59, 32],
  [189, 0, 38],
];

/** Hexagons withheld by the privacy rule (1 … min_count−1 a month): a neutral grey outside the scale. */
export const WITHHELD_COLOR: Rgb = [190, 196, 202];

export interface ColorClass {
  /** Inclusive lower bound. */
  min: number;
  /** Inclusive upper bound. */
  max: number;
  color: Rgb;
}

/** Rounds to two significant digits (1234 → 1200, 87 → 87). */
function roundTwoDigits(value: number): number {
  if (value < 100) return Math.round(value);
  const magnitude = 10 ** (Math.floor(Math.log10(value)) - 1);
  return Math.round(value / magnitude) * magnitude;
}

/**
 * Geometric classes over the non-zero `counts`, up to one per palette colour, from `start` to the
 * largest count. In the public view `start` is the publication threshold (`min_count`): counts
 * below it are withheld and drawn grey, so no colour class may claim them.
 */
export function countClasses(counts: number[], palette: Rgb[] = YL_OR_RD_6, start = 1): ColorClass[] {
  let max = 0;
  for (const count of counts) if (count > max) max = count;
  if (max <= 0) return [];
  const low = Math.max(1, Math.min(start, max));
  const classCount = palette.length;
  const upperBounds: number[] = [];
  for (let k = 1; k <= classCount; k++) {
    const bound = k === classCount ? max : Math.min(max, roundTwoDigits(low * (max / low) ** (k / classCount)));
    if (bound >= low && (upperBounds.length === 0 || bound > upperBounds[upperBounds.length - 1]))
      upperBounds.push(bound);
  }
  // Spread surviving classes over the whole palette, so the darkest colour always means "most".
  const step = upperBounds.length > 1 ? (palette.length - 1) / (upperBounds.length - 1) : 0;
  return upperBounds.map((upper, index) => ({
    min: index === 0 ? low : upperBounds[index - 1] + 1,
    max: upper,
    color: palette[Math.round(index * step)],
  }));
}

/** The colour of `count` under `classes` (the last class catches anything above). */
export function colorFor(count: number, classes: ColorClass[]): Rgb {
  for (const colorClass of classes) if (count <= colorClass.max) return colorClass.color;
  return classes.length ? classes[classes.length - 1].color : YL_OR_RD_6[0];
}

/** CSS colour for legend swatches. */
export function rgbToCss([r, g, b]: Rgb): string {
  return `rgb(${r} ${g} ${b})`;
}
