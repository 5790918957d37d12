import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { PolygonIndex } from './polygon-index.ts';

/** Axis-aligned square [x0, x0+s] × [y0, y0+s] as a closed GeoJSON polygon, optionally with a hole. */
function square(x0: number, y0: number, s: number, hole?: [number, number, number]): Polygon {
  const ring = (x: number, y: number, d: number) => [
    [x, y],
    [x + d, y],
    [x + d, y + d],
    [x, y + d],
    [x, y],
  ];
  return { type: 'Polygon', coordinates: hole ? [ring(x0, y0, s), ring(...hole).reverse()] : [ring(x0, y0, s)] };
}

describe('PolygonIndex boundary rules', () => {
  // A 2×2 block of unit squares around (0, 0), plus a square with a hole far away.
  const squares = [
    square(-1, -1, 1),
    square(0, -1, 1),
    square(-1, 0, 1),
    square(0, 0, 1),
    square(10, 10, 4, [11, 11, 2]),
  ];
  const index = new PolygonIndex(squares);

  const containing = (x: number, y: number) => squares.map((_, i) => i).filter((i) => index.contains(i, x, y));

  it('puts points on a shared edge in exactly one polygon, the same one every time', () => {
    for (const [x, y] of [
      [0, -0.5],
      [0, 0.5],
      [-0.5, 0],
      [0.5, 0],
      [0, 0.123456789],
    ]) {
      expect(containing(x, y)).toHaveLength(1);
      expect(index.find(x, y)).toBe(containing(x, y)[0]);
      expect(index.find(x, y)).toBe(index.find(x, y));
    }
  });

  it('puts a vertex shared by four polygons in exactly one of them', () => {
    expect(containing(0, 0)).toHaveLength(1);
    expect(index.find(0, 0)).toBe(containing(0, 0)[0]);
  });

  it('returns -1 outside every polygon and inside a hole', () => {
    expect(index.find(5, 5)).toBe(-1);
    expect(index.find(-3, 0.5)).toBe(-1);
    expect(index.find(12, 12)).toBe(-1); // in the hole
    expect(index.find(10.5, 10.5)).toBe(4); // in the ring around it
    expect(index.find(Number.NaN, 0)).toBe(-1);
  });

  it('prefers the smallest polygon where polygons overlap (nested areas)', () => {
    const nested = new PolygonIndex([square(0, 0, 10), square(2, 2, 1)]);
    expect(nested.find(2.5, 2.5)).toBe(1);
    expect(nested.find(5, 5)).toBe(0);
  });

  it('gives the same answer through the grid as through flatbush alone, near every vertex', () => {
    let checked = 0;
    for (const g of squares) {
      for (const [x, y] of g.coordinates.flat()) {
        for (const [dx, dy] of [
          [0, 0],
          [1e-9, 0],
          [0, -1e-9],
          [-1e-7, 1e-7],
          [0.3, 0.01],
        ]) {
          expect(index.find(x + dx, y + dy)).toBe(index.findExact(x + dx, y + dy));
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
  });
});
