import { describe, expect, it } from 'vitest';
import { areNeighborCells, gridDisk, gridDiskDistances, latLngToCell } from 'h3-js';
import { getisOrdGiStar, giStarOnStudyArea } from './index.ts';
import { buildNeighbourhood } from '../study-area/index.ts';
import { StatsInputError } from '../errors.ts';

// Zócalo, CDMX, resolution 9 (far from any pentagon).
const CENTRE = latLngToCell(19.4326, -99.1332, 9);

describe('getisOrdGiStar — worked example on a 19-cell disk', () => {
  // Study area: the centre, its ring 1 (6 cells) and ring 2 (12 cells). Counts: centre 10, ring 1 4, ring 2 0.
  // n = 19, Σx = 10 + 6·4 = 34, X̄ = 34/19, Σx² = 100 + 6·16 = 196,
  // S² = 196/19 − (34/19)² = (3724 − 1156)/361 = 2568/361 → S = √2568/19.
  // Neighbours inside the study area (k = 1, self included):
  //   centre: 7 cells, Σwx = 34                → z = (34 − 7·34/19) / (S√((19·7 − 49)/18)) = 408/√11984  ≈  3.72700
  //   ring 1: self, centre, 2 ring-1, 3 ring-2 → W = 7, Σwx = 22 → z = (22 − 238/19)/(same) = 180/√11984 ≈ 1.64426
  //   ring-2 corner (1 ring-1, 2 ring-2 neighbours) → W = 4, Σwx = 4 → z = (4 − 136/19)/(S√((76 − 16)/18)) = −60/√8560 ≈ −0.64851
  //   ring-2 edge (2 ring-1, 2 ring-2 neighbours)   → W = 5, Σwx = 8 → z = (8 − 170/19)/(S√((95 − 25)/18)) = −18/√(2568·70/18) ≈ −0.18012
  // FDR (m = 19): centre p = 2(1 − Φ(3.727)) ≈ 1.9e−4 ≤ 0.05/19 = 0.0026 ✓; the next smallest p are the ring-1
  // cells' ≈ 0.100 > 7·0.05/19 = 0.018 (ranks 2–7) ✗, and no larger rank passes → only the centre is hot.
  const { out: disk, distances } = (() => {
    const d = gridDiskDistances(CENTRE, 2);
    return { out: d.flat(), distances: d };
  })();
  const ring1 = new Set(distances[1]);
  const input = disk.map((h3) => ({ h3, count: h3 === CENTRE ? 10 : ring1.has(h3) ? 4 : 0 }));
  const result = getisOrdGiStar(input);
  const byCell = new Map(result.map((r) => [r.h3, r]));

  it('z-scores match the hand computation', () => {
    expect(result).toHaveLength(19);
    expect(byCell.get(CENTRE)!.z).toBeCloseTo(408 / Math.sqrt(11984), 12);
    for (const c of distances[1]) expect(byCell.get(c)!.z).toBeCloseTo(180 / Math.sqrt(11984), 12);
    let corners = 0;
    for (const c of distances[2]) {
      const ring1Neighbours = distances[1].filter((r) => areNeighborCells(c, r)).length;
      const expected = ring1Neighbours === 1 ? -60 / Math.sqrt(8560) : -18 / Math.sqrt((2568 * 70) / 18);
      if (ring1Neighbours === 1) corners++;
      expect(byCell.get(c)!.z).toBeCloseTo(expected, 12);
    }
    expect(corners).toBe(6);
  });

  it('p-values and FDR flags match the hand computation', () => {
    const centre = byCell.get(CENTRE)!;
    expect(centre.p).toBeGreaterThan(1.8e-4);
    expect(centre.p).toBeLessThan(2.0e-4);
    expect(centre.hot).toBe(true);
    expect(byCell.get(distances[1][0])!.p).toBeCloseTo(0.1, 2);
    expect(result.filter((r) => r.hot !== null)).toHaveLength(1);
    expect(result.map((r) => r.count)).toEqual(input.map((c) => c.count));
  });
});

/**
 * Independent brute force: a dense weight matrix from pairwise `areNeighborCells` (not gridDisk),
 * and the Ord & Getis (1995) formula with Σw and Σw² summed explicitly.
 */
function bruteGiStar(cells: string[], x: number[]): number[] {
  const n = cells.length;
  const mean = x.reduce((a, b) => a + b, 0) / n;
  const s = Math.sqrt(x.reduce((a, b) => a + b * b, 0) / n - mean * mean);
  return cells.map((ci, i) => {
    let wx = 0;
    let w = 0;
    let w2 = 0;
    cells.forEach((cj, j) => {
      const wij = i === j || areNeighborCells(ci, cj) ? 1 : 0;
      wx += wij * x[j];
      w += wij;
      w2 += wij * wij;
    });
    return (wx - mean * w) / (s * Math.sqrt((n * w2 - w * w) / (n - 1)));
  });
}

describe('getisOrdGiStar — against a brute force', () => {
  it('matches on an irregular study area with holes and skewed counts', () => {
    let seed = 12345;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // every cell of a radius-8 disk, minus about a fifth of them (holes and a ragged edge)
    const cells = gridDisk(CENTRE, 8).filter(() => rand() > 0.2);
    const x = cells.map(() => Math.floor(-Math.log(rand()) * 3) * (rand() < 0.3 ? 0 : 1));
    x[0] += 40; // one strong hot spot
    const fast = getisOrdGiStar(cells.map((h3, i) => ({ h3, count: x[i] })));
    const slow = bruteGiStar(cells, x);
    fast.forEach((r, i) => expect(r.z).toBeCloseTo(slow[i], 10));
    expect(fast.some((r) => r.hot === true)).toBe(true);
  });

  it('giStarOnStudyArea: sparse counts, zeros filled, outside incidents reported', () => {
    const cells = gridDisk(CENTRE, 3);
    const nb = buildNeighbourhood(cells);
    const sparse = new Map([
      [CENTRE, 9],
      [cells[5], 2],
      [latLngToCell(19.3, -99.1, 9), 4],
    ]);
    const { cells: out, outside } = giStarOnStudyArea(nb, sparse);
    const dense = getisOrdGiStar(cells.map((h3) => ({ h3, count: sparse.get(h3) ?? 0 })));
    expect(outside).toBe(4);
    expect(out.map((c) => c.h3)).toEqual(cells);
    out.forEach((c, i) => expect(c).toEqual(dense[i]));
  });

  it('accepts a prebuilt neighbourhood and cells in another order', () => {
    const cells = gridDisk(CENTRE, 3);
    const nb = buildNeighbourhood(cells);
    const input = cells.map((h3, i) => ({ h3, count: i % 5 })).reverse();
    const a = getisOrdGiStar(input, { neighbourhood: nb });
    const b = getisOrdGiStar(input);
    expect(a.map((r) => r.h3)).toEqual(input.map((c) => c.h3));
    a.forEach((r, i) => expect(r.z).toBeCloseTo(b[i].z, 12));
  });

  it('finds a significant cold spot (hot = false) in a busy area with an empty patch', () => {
    const cells = gridDisk(CENTRE, 6);
    const empty = new Set(gridDisk(CENTRE, 1));
    // 8 incidents everywhere except the centre and its ring (0), alternating 7/9 to keep S > 0 elsewhere
    const result = getisOrdGiStar(cells.map((h3, i) => ({ h3, count: empty.has(h3) ? 0 : 7 + 2 * (i % 2) })));
    const centre = result.find((r) => r.h3 === CENTRE)!;
    expect(centre.z).toBeLessThan(-3);
    expect(centre.hot).toBe(false);
  });
});

describe('getisOrdGiStar — degenerate and bad input', () => {
  it('no variation (a month without incidents): z 0, p 1, hot null', () => {
    const r = getisOrdGiStar(gridDisk(CENTRE, 2).map((h3) => ({ h3, count: 0 })));
    expect(r.every((c) => c.z === 0 && c.p === 1 && c.hot === null)).toBe(true);
  });
  it('rejects invalid cells, duplicates, mixed resolutions and non-finite counts', () => {
    expect(() => getisOrdGiStar([{ h3: 'nope', count: 1 }])).toThrow(StatsInputError);
    expect(() =>
      getisOrdGiStar([
        { h3: CENTRE, count: 1 },
        { h3: CENTRE, count: 2 },
      ]),
    ).toThrow(/twice/);
    const coarse = latLngToCell(19.4326, -99.1332, 8);
    expect(() =>
      getisOrdGiStar([
        { h3: CENTRE, count: 1 },
        { h3: coarse, count: 2 },
      ]),
    ).toThrow(/resolutions/);
    expect(() => getisOrdGiStar([{ h3: CENTRE, count: NaN }])).toThrow(StatsInputError);
  });
});
