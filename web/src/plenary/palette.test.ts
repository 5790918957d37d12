import { describe, expect, it } from 'vitest';
import { CHANGE_CLASSES, changeClassIndex, changeColor, NO_DATA_COLOR, semaforoStyle } from './palette.ts';

/** WCAG 2.1 relative luminance of a #rrggbb colour (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('plenary palette', () => {
  it('classes a change with the semáforo ±25 % edges', () => {
    expect([-60, -25, -24.9, -10, -9.9, -0.1, 0, 0.1, 9.9, 10, 24.9, 25, 300].map((p) => changeClassIndex(p))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 4, 4, 5, 5, 6, 6,
    ]);
    // no reference count: a rise from zero is the top class, 0 → 0 is "no change", unknown is no class
    expect(changeClassIndex(null, 4)).toBe(6);
    expect(changeClassIndex(null, 0)).toBe(3);
    expect(changeClassIndex(null, null)).toBeNull();
    expect(changeColor(null, null)).toBe(NO_DATA_COLOR);
    expect(CHANGE_CLASSES).toHaveLength(7);
  });

  it('labels every semáforo colour in words and with an icon, and the three differ in lightness', () => {
    const styles = (['verde', 'amarillo', 'rojo'] as const).map(semaforoStyle);
    expect(styles.map((s) => s.label)).toEqual(['Verde', 'Amarillo', 'Rojo']);
    expect(new Set(styles.map((s) => s.icon)).size).toBe(3);
    expect(semaforoStyle(null).label).toBe('Sin color');
    // told apart without hue (grey print, achromatopsia): relative luminances at least 0.1 apart
    const l = styles.map((s) => luminance(s.background)).sort((a, b) => a - b);
    expect(l[1] - l[0]).toBeGreaterThan(0.1);
    expect(l[2] - l[1]).toBeGreaterThan(0.1);
  });
});
