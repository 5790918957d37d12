import { describe, expect, it } from 'vitest';
import { layoutBars, niceTicks } from './seriesChart.ts';

describe('series chart geometry', () => {
  it('picks round ticks that reach past the maximum', () => {
    expect(niceTicks(37)).toEqual([0, 10, 20, 30, 40]);
    expect(niceTicks(8)).toEqual([0, 2, 4, 6, 8]);
    expect(niceTicks(3)).toEqual([0, 1, 2, 3]);
    expect(niceTicks(0)).toEqual([0]);
  });

  it('scales bars to the plot height', () => {
    const bars = layoutBars([0, 5, 10], 300, 100, 10);
    expect(bars.map((b) => b.height)).toEqual([0, 50, 100]);
    expect(bars.map((b) => b.y)).toEqual([100, 50, 0]);
    expect(bars[1].x).toBeCloseTo(101);
  });
});
