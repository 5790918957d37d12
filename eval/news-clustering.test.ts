import { describe, expect, it } from 'vitest';
import { scoreClustering } from './news-clustering.ts';
import { TUNING } from '../tests/fixtures/news-clustering/handwritten.ts';

// The targets of duplicate detection, held on the hand-written tuning set (the held-out set is only
// printed by `npm run eval:news-clustering`, never asserted, so it stays a fair check).
describe('event clustering on the hand-written tuning set', () => {
  const score = scoreClustering(TUNING);

  it('reports duplicate pairs with precision ≥ 0.9 and recall ≥ 0.8', () => {
    expect(score.truePairs).toBe(10);
    expect(score.precision).toBeGreaterThanOrEqual(0.9);
    expect(score.recall).toBeGreaterThanOrEqual(0.8);
  });

  it('keeps the near-misses apart: the same corner five days later, the same day in the next colonia, the same station two days later', () => {
    const pairs = new Set(score.falsePairs);
    for (const p of ['t07+t08', 't09+t10', 't17+t19', 't24+t25']) expect(pairs.has(p)).toBe(false);
    expect(score.clusters.t08).not.toBe(score.clusters.t07);
    expect(score.clusters.t19).not.toBe(score.clusters.t17);
  });

  it('never makes an incident of a statistics piece or an advisory', () => {
    expect(score.nonIncidentsAsIncidents).toEqual([]);
    expect(score.clusters.t22).toBeNull();
    expect(score.clusters.t23).toBeNull();
  });

  it('joins a syndicated copy to its original', () => {
    expect(score.clusters.t06).toBe(score.clusters.t05);
    expect(score.clusters.t05).not.toBeNull();
  });
});
