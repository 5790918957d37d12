/**
 * Splitting a day range into the whole months the aggregates answer and the partial edges read
 * from raw incidents (hand-written examples), and the cells of a box against an independent scan.
 */
import { cellToLatLng, latLngToCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { cellKeysInBbox, h3ToBigInt } from '../../geo/h3/index.ts';
import { splitRange } from './aggregated.ts';

describe('splitRange (hand-written examples)', () => {
  it('keeps month-aligned ranges whole, open ends included', () => {
    expect(splitRange('2023-01-01', '2024-01-01')).toEqual({
      whole: { from: '2023-01-01', to: '2024-01-01' },
      edges: [],
    });
    expect(splitRange(undefined, undefined)).toEqual({ whole: { from: undefined, to: undefined }, edges: [] });
    expect(splitRange('2023-03-01', undefined)).toEqual({ whole: { from: '2023-03-01', to: undefined }, edges: [] });
  });

  it('reads the partial first and last months from raw incidents', () => {
    expect(splitRange('2023-01-15', '2023-04-10')).toEqual({
      whole: { from: '2023-02-01', to: '2023-04-01' },
      edges: [
        { from: '2023-01-15', to: '2023-02-01' },
        { from: '2023-04-01', to: '2023-04-10' },
      ],
    });
    expect(splitRange('2023-12-31', undefined)).toEqual({
      whole: { from: '2024-01-01', to: undefined },
      edges: [{ from: '2023-12-31', to: '2024-01-01' }],
    });
    expect(splitRange(undefined, '2023-05-02')).toEqual({
      whole: { from: undefined, to: '2023-05-01' },
      edges: [{ from: '2023-05-01', to: '2023-05-02' }],
    });
  });

  it('reads a range without a whole month from raw incidents only, and an empty range not at all', () => {
    expect(splitRange('2023-01-15', '2023-02-10')).toEqual({
      whole: null,
      edges: [{ from: '2023-01-15', to: '2023-02-10' }],
    });
    expect(splitRange('2023-01-15', '2023-01-16')).toEqual({
      whole: null,
      edges: [{ from: '2023-01-15', to: '2023-01-16' }],
    });
    expect(splitRange('2023-02-01', '2023-02-01')).toEqual({ whole: null, edges: [] });
  });
});

describe('cellKeysInBbox', () => {
  const bbox = [-99.17, 19.41, -99.12, 19.45] as const;

  it('lists every cell whose centre lies in the box (checked on a fine grid of points), and no other', () => {
    for (const res of [7, 9]) {
      const keys = new Set(cellKeysInBbox(bbox, res, 100_000));
      // independent: the cells of a dense grid over a wider box, kept when their centre is inside
      const expected = new Set<string>();
      for (let lat = 19.39; lat <= 19.47; lat += 0.0007) {
        for (let lon = -99.19; lon <= -99.1; lon += 0.0007) {
          const cell = latLngToCell(lat, lon, res);
          const [clat, clon] = cellToLatLng(cell);
          if (clat >= bbox[1] && clat <= bbox[3] && clon >= bbox[0] && clon <= bbox[2])
            expected.add(h3ToBigInt(cell).toString());
        }
      }
      expect(keys, `res ${res}`).toEqual(expected);
    }
  });

  it('declines a box holding more cells than asked (a low zoom reads the resolution whole)', () => {
    expect(cellKeysInBbox([-180, -85, 180, 85], 6, 5000)).toBeNull();
    expect(cellKeysInBbox(bbox, 11, 10)).toBeNull();
  });
});
