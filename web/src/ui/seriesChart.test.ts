import { describe, expect, it } from 'vitest';
import { axisLabelIndices, layoutBars, niceTicks, axisLabelPlacement } from './seriesChart.ts';

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

  it('labels about five months, first and last, never two adjacent labels closer than half a step', () => {
    expect(axisLabelIndices(36)).toEqual([0, 8, 16, 24, 35]); // 32 would sit 3 months from 35
    expect(axisLabelIndices(6)).toEqual([0, 2, 4, 5]);
    expect(axisLabelIndices(12)).toEqual([0, 3, 6, 9, 11]);
    expect(axisLabelIndices(1)).toEqual([0]);
    expect(axisLabelIndices(0)).toEqual([]);
  });

  it('keeps the first and last month labels inside the chart (hand-worked bars)', () => {
    const bar = { x: 300, y: 0, width: 8, height: 10 };
    expect(axisLabelPlacement(11, 12, bar)).toEqual({ x: 308, anchor: 'end' });
    expect(axisLabelPlacement(0, 12, { ...bar, x: 1 })).toEqual({ x: 1, anchor: 'start' });
    expect(axisLabelPlacement(5, 12, bar)).toEqual({ x: 304, anchor: 'middle' });
  });
});
