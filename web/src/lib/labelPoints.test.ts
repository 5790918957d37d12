import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { labelPoint } from './labelPoints.ts';

describe('label points', () => {
  it('puts the label inside a concave (U-shaped) polygon, where the centroid is outside', () => {
    const u: GeoJSON.Polygon = {
      type: 'Polygon',
      coordinates: [
        [
          [0, 0],
          [3, 0],
          [3, 3],
          [2, 3],
          [2, 1],
          [1, 1],
          [1, 3],
          [0, 3],
          [0, 0],
        ],
      ],
    };
    const point = labelPoint(u)!;
    expect(booleanPointInPolygon(point, u)).toBe(true);
    expect(booleanPointInPolygon([1.5, 1.5], u)).toBe(false); // the bounding-box centre is not
  });

  it('labels the largest part of a multipolygon', () => {
    const point = labelPoint({
      type: 'MultiPolygon',
      coordinates: [
        [
          [
            [0, 0],
            [0.1, 0],
            [0.1, 0.1],
            [0, 0.1],
            [0, 0],
          ],
        ],
        [
          [
            [10, 10],
            [14, 10],
            [14, 14],
            [10, 14],
            [10, 10],
          ],
        ],
      ],
    })!;
    expect(point[0]).toBeCloseTo(12, 1);
    expect(point[1]).toBeCloseTo(12, 1);
  });
});
