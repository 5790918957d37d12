import { describe, expect, it } from 'vitest';
import { EMERGING_CATEGORIES, EMERGING_LABELS_ES } from '../../../geo/stats/emerging/classify.ts';
import { EMERGING_CLASSES, emergingClass, gistarClass, legendOf, GISTAR_CLASSES } from './hotspotClasses.ts';

describe('hexagon map classes', () => {
  it('has one class per emerging category of the API, with the API’s Spanish label and its own colour', () => {
    const categories = EMERGING_CATEGORIES.filter((c) => c !== 'no_pattern');
    expect(EMERGING_CLASSES.map((c) => c.key)).toEqual(categories);
    for (const c of EMERGING_CLASSES)
      expect(c.label, c.key).toBe(EMERGING_LABELS_ES[c.key as keyof typeof EMERGING_LABELS_ES]);
    expect(new Set(EMERGING_CLASSES.map((c) => c.color.join(','))).size).toBe(EMERGING_CLASSES.length);
  });

  it('colours hot families warm (red ≥ blue) and cold families cool (blue ≥ red)', () => {
    for (const c of EMERGING_CLASSES) {
      const [r, , b] = c.color;
      if (c.key.endsWith('_hot_spot')) expect(r, c.key).toBeGreaterThanOrEqual(b);
      else expect(b, c.key).toBeGreaterThanOrEqual(r);
    }
  });

  it('maps Gi* decisions and unknown categories, and counts the classes present in legend order', () => {
    expect(gistarClass(true).key).toBe('hot');
    expect(gistarClass(false).key).toBe('cold');
    expect(gistarClass(null).key).toBe('none');
    expect(emergingClass('nada').key).toBe('unknown');
    expect(legendOf(GISTAR_CLASSES, ['none', 'hot', 'none'])).toEqual([
      { ...GISTAR_CLASSES[0], count: 1 },
      { ...GISTAR_CLASSES[2], count: 2 },
    ]);
  });
});
