import { describe, expect, it } from 'vitest';
import { canCreateTargets, progressChart, targetPayload } from './targets.ts';

const form = {
  name: ' Robo a transeúnte −25 % ',
  category: 'robo_transeunte',
  baselineFirst: '2015-01',
  baselineLast: '2015-12',
  reductionPct: '25',
  dueMonth: '2016-06',
};

describe('targets', () => {
  it('offers the form to admin and mesa only', () => {
    expect(canCreateTargets('admin')).toBe(true);
    expect(canCreateTargets('mesa')).toBe(true);
    expect(canCreateTargets('enlace')).toBe(false);
    expect(canCreateTargets(null)).toBe(false);
  });

  it('turns inclusive baseline months into the half-open date range', () => {
    const result = targetPayload(form, { kind: 'sector', id: 'ABC', vintage: 2016 });
    expect(result).toEqual({
      ok: true,
      payload: {
        name: 'Robo a transeúnte −25 %',
        kind: 'sector',
        area_id: 'ABC',
        vintage: 2016,
        category: 'robo_transeunte',
        baseline_from: '2015-01-01',
        baseline_to: '2016-01-01',
        reduction_pct: 25,
        due_month: '2016-06',
      },
    });
  });

  it('explains every problem in Spanish', () => {
    const result = targetPayload(
      { ...form, name: '', reductionPct: '120', dueMonth: '2015-06' },
      { kind: 'sector', id: 'ABC' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toContain('Escribe un nombre para la meta.');
      expect(result.errors).toContain('La reducción debe ser un porcentaje entre 0 y 100.');
      expect(result.errors).toContain('El mes límite debe ser posterior a la línea base.');
    }
  });

  it('scales bars to the larger of the counts and the goal', () => {
    const chart = progressChart(
      [
        { month: '2016-01', count: 10, goal: 20, met: true },
        { month: '2016-02', count: 40, goal: 20, met: false },
        { month: '2016-03', count: null, goal: 20, met: null },
      ],
      300,
      100,
    );
    expect(chart.max).toBe(40);
    expect(chart.goalY).toBe(50);
    expect(chart.bars.map((b) => b.height)).toEqual([25, 100, 0]);
    expect(chart.bars[1].x).toBeCloseTo(110);
  });
});
