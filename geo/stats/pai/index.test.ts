import { describe, expect, it } from 'vitest';
import { cellArea, gridDisk, gridDiskDistances, latLngToCell } from 'h3-js';
import { paiBacktest, predictiveAccuracyIndex } from './index.ts';
import { StatsInputError } from '../errors.ts';

describe('predictiveAccuracyIndex', () => {
  it('worked example: 40 % of incidents on 5 % of the area → PAI 8', () => {
    // (n/N)/(a/A) = (20/50)/(3/60) = 0.4/0.05 = 8
    expect(predictiveAccuracyIndex(20, 50, 3, 60)).toBeCloseTo(8, 12);
  });
  it('no incidents in the test period → null; bad input → error', () => {
    expect(predictiveAccuracyIndex(0, 0, 1, 10)).toBeNull();
    expect(() => predictiveAccuracyIndex(5, 4, 1, 10)).toThrow(StatsInputError);
    expect(() => predictiveAccuracyIndex(1, 4, 0, 10)).toThrow(StatsInputError);
  });
});

describe('paiBacktest — 19-cell disk, 3 months', () => {
  const centre = latLngToCell(19.4326, -99.1332, 9);
  const [, ring1, ring2] = gridDiskDistances(centre, 2);
  const cells = gridDisk(centre, 2);
  // Months 0 and 1 (training): centre 5 + 5, ring-1 cells 2 + 2, ring 2 nothing — the Gi* worked example
  // of ../gistar (centre 10, ring 4) summed, so the centre ranks first (z = 3.727 vs 1.644).
  // Month 2 (test): centre 5, first ring-1 cell 3, first ring-2 cell 17 → N = 25.
  const monthly = new Map<string, number[]>(cells.map((c) => [c, [0, 0, 0]]));
  monthly.set(centre, [5, 5, 5]);
  for (const c of ring1) monthly.set(c, [2, 2, 0]);
  monthly.get(ring1[0])![2] = 3;
  monthly.get(ring2[0])![2] = 17;

  it('top-1 by Gi*: the centre; PAI = (5/25)/(1/19) = 3.8 with cell counts as area', () => {
    const r = paiBacktest({ monthly, testMonth: 2, trainingMonths: 2, topN: 1, area: 'cells' });
    expect(r.cells).toEqual([centre]);
    expect(r).toMatchObject({ hits: 5, total: 25, hotspot_area: 1, study_area: 19 });
    expect(r.hit_rate).toBeCloseTo(0.2, 12);
    expect(r.pai).toBeCloseTo(3.8, 12);
  });

  it('top-7 by Gi* is the centre and ring 1: hits 5 + 3 = 8 → PAI = (8/25)/(7/19) = 0.8686', () => {
    const r = paiBacktest({ monthly, testMonth: 2, trainingMonths: 2, topN: 7, area: 'cells' });
    expect(new Set(r.cells)).toEqual(new Set([centre, ...ring1]));
    expect(r.pai).toBeCloseTo(8 / 25 / (7 / 19), 12);
  });

  it('geodesic areas: a/A from h3 cellArea', () => {
    const r = paiBacktest({ monthly, testMonth: 2, trainingMonths: 2, topN: 1 });
    const total = cells.reduce((a, c) => a + cellArea(c, 'km2'), 0);
    expect(r.pai).toBeCloseTo(0.2 / (cellArea(centre, 'km2') / total), 9);
    // neighbouring res-9 cells differ in area by far less than 1 %, so the two PAI nearly agree
    expect(Math.abs(r.pai! / 3.8 - 1)).toBeLessThan(0.01);
  });

  it('training window of one month and ranking by count', () => {
    // month 1 alone: centre 5 first, then ring-1 cells (2 each) ordered by cell id
    const r = paiBacktest({ monthly, testMonth: 2, trainingMonths: 1, topN: 2, rankBy: 'count', area: 'cells' });
    expect(r.cells[0]).toBe(centre);
    expect(r.cells[1]).toBe([...ring1].sort()[0]);
  });

  it('rejects impossible windows', () => {
    expect(() => paiBacktest({ monthly, testMonth: 1, trainingMonths: 2, topN: 1 })).toThrow(StatsInputError);
    expect(() => paiBacktest({ monthly, testMonth: 3, trainingMonths: 2, topN: 1 })).toThrow(/no month 3/);
    expect(() => paiBacktest({ monthly, testMonth: 2, trainingMonths: 2, topN: 20 })).toThrow(/topN/);
  });
});
