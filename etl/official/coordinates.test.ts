/** Telling degrees from UTM 14N metres by their ranges (hand-made coordinates around Mexico City). */
import { describe, expect, it } from 'vitest';
import { coordinateKind, pointFromXY } from './coordinates.ts';

describe('coordinateKind / pointFromXY', () => {
  it('takes longitude/latitude in degrees as they are', () => {
    expect(coordinateKind(-99.0742, 19.18753)).toBe('degrees');
    expect(pointFromXY(-99.0742, 19.18753)).toEqual({ lat: 19.18753, lon: -99.0742 });
  });

  it('converts UTM 14N metres to a point in the city', () => {
    expect(coordinateKind(486_000, 2_148_800)).toBe('utm14n');
    const p = pointFromXY(486_000, 2_148_800)!;
    // 500 km easting is the zone's central meridian, 99° W; 14 km west of it is about 0.13° further west
    expect(p.lon).toBeGreaterThan(-99.2);
    expect(p.lon).toBeLessThan(-99.1);
    expect(p.lat).toBeGreaterThan(19.3);
    expect(p.lat).toBeLessThan(19.5);
  });

  it('gives no point for empty, zero, swapped or foreign values', () => {
    for (const [x, y] of [
      [Number.NaN, 19.4],
      [0, 0],
      [19.4, -99.1],
      [2_148_800, 486_000],
      [-3.7, 40.4],
    ] as const)
      expect(pointFromXY(x, y)).toBeNull();
  });
});
