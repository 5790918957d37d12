import { describe, expect, it } from 'vitest';
import { YL_OR_RD_6, colorFor, countClasses } from './colorScale.ts';

describe('hotspot colour scale', () => {
  it('makes geometric classes from 1 to the maximum', () => {
    // 890^(k/6) = 3.10, 9.61, 29.8, 92.52, 287.2, 890 → rounded to two significant digits
    const classes = countClasses([1, 5, 40, 890, 0]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 3],
      [4, 10],
      [11, 30],
      [31, 93],
      [94, 290],
      [291, 890],
    ]);
    expect(colorFor(1, classes)).toEqual(YL_OR_RD_6[0]);
    expect(colorFor(300, classes)).toEqual(YL_OR_RD_6[5]);
  });

  it('merges classes that round to the same bound and keeps the darkest colour on top', () => {
    // 3^(k/6) = 1.20, 1.44, 1.73, 2.08, 2.50, 3 → 1, 1, 2, 2, 3(rounded 2.5→3), 3
    const classes = countClasses([1, 2, 3]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
    expect(classes[2].color).toEqual(YL_OR_RD_6[5]);
    expect(classes[0].color).toEqual(YL_OR_RD_6[0]);
  });

  it('has no classes for no data', () => {
    expect(countClasses([0, 0])).toEqual([]);
    expect(countClasses([])).toEqual([]);
  });
});

describe('classes starting at the publication threshold', () => {
  // hand-worked: start 3, max 96 → bounds 3·32^(k/6): 5.3, 9.5, 17, 30, 54, 96 → 5, 9.5→10, 17, 30, 54, 96
  it('never puts a withheld count (1 or 2) in a class', () => {
    const classes = countClasses([3, 4, 10, 96], YL_OR_RD_6, 3);
    expect(classes[0].min).toBe(3);
    expect(classes.map((c) => c.max)).toEqual([5, 10, 17, 30, 54, 96]);
  });
  it('keeps the default start at 1', () => {
    expect(countClasses([1, 2, 50])[0].min).toBe(1);
  });
});
