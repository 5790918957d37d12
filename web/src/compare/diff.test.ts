import { describe, expect, it } from 'vitest';
import { diffCells, diffClasses, diffColorFor, PU_OR_7, summarizeDiff, UNKNOWN_DIFF_COLOR } from './diff.ts';

describe('diffCells', () => {
  it('treats a cell missing from one period as zero there, and a withheld one as unknown', () => {
    const a = [
      { h3: 'x', count: 10 },
      { h3: 'y', count: 4 },
      { h3: 'w', count: null },
    ];
    const b = [
      { h3: 'x', count: 7 },
      { h3: 'z', count: 5 },
      { h3: 'w', count: 9 },
    ];
    const byCell = Object.fromEntries(diffCells(a, b).map((c) => [c.h3, c]));
    expect(byCell.x).toEqual({ h3: 'x', a: 10, b: 7, diff: -3 });
    expect(byCell.y).toEqual({ h3: 'y', a: 4, b: 0, diff: -4 });
    expect(byCell.z).toEqual({ h3: 'z', a: 0, b: 5, diff: 5 });
    expect(byCell.w).toEqual({ h3: 'w', a: null, b: 9, diff: null });
    expect(summarizeDiff(Object.values(byCell))).toEqual({
      totalA: 14,
      totalB: 21,
      increased: 1,
      decreased: 2,
      unchanged: 0,
      unknown: 1,
    });
  });
});

describe('diffClasses', () => {
  it('is symmetric around a "no change" class, with geometric bounds of the largest |change|', () => {
    // max |diff| = 27: bounds 27^(1/3) = 3, 27^(2/3) = 9, 27
    const classes = diffClasses([-27, 5, 0, null]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [-27, -10],
      [-9, -4],
      [-3, -1],
      [0, 0],
      [1, 3],
      [4, 9],
      [10, 27],
    ]);
    expect(classes.map((c) => c.color)).toEqual(PU_OR_7);
    expect(classes[3].label).toBe('Sin cambio');
    expect(classes[6].label).toBe('+10 a +27');
    expect(classes[0].label).toBe('−27 a −10');
    expect(classes[2].label).toBe('−3 a −1');
  });

  it('keeps the darkest colours for the largest changes when few classes survive', () => {
    const classes = diffClasses([1, -1]);
    expect(classes.map((c) => [c.min, c.max])).toEqual([
      [-1, -1],
      [0, 0],
      [1, 1],
    ]);
    expect(classes[0].color).toEqual(PU_OR_7[0]);
    expect(classes[2].color).toEqual(PU_OR_7[6]);
    expect(diffClasses([0, null])).toHaveLength(1);
  });

  it('colours a change by its class, and an unknown change grey', () => {
    const classes = diffClasses([-27, 27]);
    expect(diffColorFor(-12, classes)).toEqual(PU_OR_7[0]);
    expect(diffColorFor(2, classes)).toEqual(PU_OR_7[4]);
    expect(diffColorFor(0, classes)).toEqual(PU_OR_7[3]);
    expect(diffColorFor(null, classes)).toEqual(UNKNOWN_DIFF_COLOR);
  });
});
