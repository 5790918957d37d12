import { describe, expect, it } from 'vitest';
import { fitProjection, outerRings, ringsToPath } from './miniMap.ts';

describe('patrol mini map', () => {
  it('puts north at the top and fits the shape in the box', () => {
    // a square of 0.01° on the equator: cos(0) = 1, so it stays square
    const ring: [number, number][] = [
      [0, 0],
      [0.01, 0],
      [0.01, 0.01],
      [0, 0.01],
      [0, 0],
    ];
    const projection = fitProjection([ring], 100, 10);
    expect(projection.height).toBe(100);
    const [nwX, nwY] = projection.project([0, 0.01]); // north-west corner
    expect(nwX).toBeCloseTo(10);
    expect(nwY).toBeCloseTo(10);
    expect(projection.project([0.01, 0])[0]).toBeCloseTo(90);
    expect(projection.project([0.01, 0])[1]).toBeCloseTo(90);
    expect(ringsToPath([ring.slice(0, 2)], projection)).toBe('M10.0 90.0L90.0 90.0Z');
  });

  it('shrinks longitudes by cos(latitude) at 60°N', () => {
    const ring: [number, number][] = [
      [0, 60],
      [0.02, 60],
      [0.02, 60.01],
    ];
    const projection = fitProjection([ring], 100, 0);
    // 0.02° of longitude × cos(60.005°) ≈ 0.009998 ≈ the 0.01° of latitude: nearly square
    expect(projection.height).toBeGreaterThan(99);
    expect(projection.height).toBeLessThan(101);
  });

  it('takes the outer rings of polygons and multipolygons', () => {
    const square = [
      [0, 0],
      [1, 0],
      [1, 1],
      [0, 0],
    ];
    expect(outerRings({ type: 'Polygon', coordinates: [square, square] })).toHaveLength(1);
    expect(outerRings({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toHaveLength(2);
    expect(outerRings({ type: 'Point', coordinates: [0, 0] })).toEqual([]);
  });
});
