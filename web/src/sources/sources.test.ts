import { describe, expect, it } from 'vitest';
import { barWidths, reportsExceedingOfficial, sumCounts } from './sources.ts';

describe('cifra negra helpers', () => {
  it('lists areas where reports outnumber official records, largest excess first', () => {
    const official = [
      { id: 'a', name: 'A', count: 10 },
      { id: 'b', name: 'B', count: 1 },
      { id: 'c', name: 'C', count: null },
    ];
    const reports = [
      { id: 'a', name: 'A', count: 12 },
      { id: 'b', name: 'B', count: 1 },
      { id: 'c', name: 'C', count: 5 },
      { id: 'd', name: 'D', count: 4 },
      { id: 'e', name: 'E', count: null },
    ];
    // d: 4 − 0; c: 5 − (3 − 1) = 3 (withheld official counts as its maximum, 2); a: 2; b: 0 (not listed)
    expect(reportsExceedingOfficial(official, reports)).toEqual([
      { id: 'd', name: 'D', official: 0, reports: 4, excess: 4 },
      { id: 'c', name: 'C', official: null, reports: 5, excess: 3 },
      { id: 'a', name: 'A', official: 10, reports: 12, excess: 2 },
    ]);
    expect(reportsExceedingOfficial(official, reports, 3, 1)).toHaveLength(1);
  });

  it('sums published counts and counts withheld areas apart', () => {
    expect(
      sumCounts([
        { id: 'a', name: 'A', count: 4 },
        { id: 'b', name: 'B', count: null },
        { id: 'c', name: 'C', count: 6 },
      ]),
    ).toEqual({
      total: 10,
      withheld: 1,
    });
  });

  it('scales bars to the largest source', () => {
    expect(barWidths({ official: 200, news: 50, citizen: 0, chat: 100 })).toEqual({
      official: 100,
      news: 25,
      citizen: 0,
      chat: 50,
    });
    expect(barWidths({ official: 0, news: 0, citizen: 0, chat: 0 }).official).toBe(0);
  });
});
