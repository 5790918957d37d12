/**
 * The perturbation table's documented properties (./cell-key.ts), checked over every cell key:
 * no figure 1 … k−1, bounded noise, mean ≈ the true count, the same figure for the same key.
 */
import { describe, expect, it } from 'vitest';
import { KEY_RANGE, MAX_NOISE, cellKey, perturb, perturbationRow } from './cell-key.ts';

const keys = Array.from({ length: KEY_RANGE }, (_, c) => c);

describe.each([3, 5])('cell-key perturbation table (k = %i)', (k) => {
  it('never publishes 1 … k−1; 0 stays 0', () => {
    for (let n = 0; n <= 40; n++) {
      for (const key of keys) {
        const v = perturb(n, key, k);
        expect(v === 0 || v >= k, `n=${n} key=${key} → ${v}`).toBe(true);
      }
    }
    expect(keys.every((key) => perturb(0, key, k) === 0)).toBe(true);
  });

  it('bounds the noise: |v − n| ≤ 2 from n = k + 1 on, ≤ k below (a count up to k may become 0)', () => {
    for (let n = 1; n <= 200; n++) {
      const bound = n <= k ? k : MAX_NOISE;
      for (const key of keys) expect(Math.abs(perturb(n, key, k) - n), `n=${n} key=${key}`).toBeLessThanOrEqual(bound);
    }
  });

  it('is unbiased over the keys (|mean − n| < 0.01); standard deviation 0.8 … 1.7 above k, under k/2 + 0.5 up to k', () => {
    for (let n = 1; n <= 60; n++) {
      const values = keys.map((key) => perturb(n, key, k));
      const mean = values.reduce((s, v) => s + v, 0) / KEY_RANGE;
      const sd = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / KEY_RANGE);
      expect(Math.abs(mean - n), `n=${n}`).toBeLessThan(0.01);
      if (n <= k) {
        expect(sd, `n=${n}`).toBeLessThan(k / 2 + 0.5);
      } else {
        expect(sd, `n=${n}`).toBeGreaterThan(0.8);
        expect(sd, `n=${n}`).toBeLessThan(1.7);
      }
    }
  });

  it('every published figure has several possible true counts (no figure gives its count away)', () => {
    const preimages = new Map<number, Set<number>>();
    for (let n = 0; n <= 40; n++)
      for (const key of keys) {
        const v = perturb(n, key, k);
        if (!preimages.has(v)) preimages.set(v, new Set());
        preimages.get(v)!.add(n);
      }
    for (const [v, from] of preimages) if (v <= 36) expect(from.size, `figure ${v}`).toBeGreaterThanOrEqual(3);
  });

  it('each row is a probability distribution with mean n', () => {
    for (const n of [1, 2, k, k + 1, k + 2, 30]) {
      const row = perturbationRow(n, k);
      expect(row.reduce((s, r) => s + r.p, 0)).toBeCloseTo(1, 9);
      expect(row.reduce((s, r) => s + r.value * r.p, 0)).toBeCloseTo(n, 6);
    }
  });
});

describe('cell key', () => {
  it('is the key sum modulo the key range, for any sum (hand-written examples)', () => {
    expect([0, 255, 256, 257, 256 * 1000 + 3].map(cellKey)).toEqual([0, 255, 0, 1, 3]);
    // the same key sum (same records) always gives the same figure
    expect(perturb(2, 1000, 3)).toBe(perturb(2, 1000 + KEY_RANGE, 3));
  });
});

describe('cell-key figures of a parent and its children (k = 3)', () => {
  const k = 3;
  it('a parent can be published 0 while a child is published ≥ k: a published 0 means 0 … k, not 0 (docs/privacy.md)', () => {
    // parent of 3 = one child of 2 (keys sum a) + one of 1 (key b); every pair of key sums
    let zeroParentChildShown = 0;
    for (const a of keys)
      for (const b of keys) if (perturb(3, a + b, k) === 0 && perturb(2, a, k) >= k) zeroParentChildShown++;
    expect(zeroParentChildShown).toBeGreaterThan(0);
    // b is uniform over the keys, so the parent's key is independent of the child's: the share is the product of
    // the two marginal shares (15 % × 61 % in the table of docs/privacy.md, counted here over the keys)
    const parentZero = keys.filter((c) => perturb(3, c, k) === 0).length;
    const childShown = keys.filter((c) => perturb(2, c, k) >= k).length;
    expect(zeroParentChildShown).toBe(parentZero * childShown);
    expect(zeroParentChildShown / KEY_RANGE ** 2).toBeGreaterThan(0.05);
  });
});
