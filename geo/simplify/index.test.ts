import { describe, expect, it } from 'vitest';
import { area, booleanPointInPolygon } from '@turf/turf';
import { representativePointOf } from '../areas/index.ts';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readBundledJson } from '../../reference/files/index.ts';
import { simplifyForDisplay } from './index.ts';

type Areas = FeatureCollection<Polygon | MultiPolygon, Record<string, unknown>>;
const colonias = () => readBundledJson<Areas>('boundaries/colonias.geojson.gz');
const vertexCount = (fc: FeatureCollection) => JSON.stringify(fc).split('],[').length;

describe('simplifyForDisplay', () => {
  it('shrinks the 1,814 real colonias, keeps every feature and its properties, rounds to 5 decimals', () => {
    const input = colonias();
    const before = JSON.stringify(input);
    const out = simplifyForDisplay(input, 0.0001) as Areas;
    expect(JSON.stringify(input)).toBe(before); // input untouched
    expect(out.features.map((f) => f.properties)).toEqual(input.features.map((f) => f.properties));
    expect(JSON.stringify(out).length).toBeLessThan(before.length * 0.5);
    expect(vertexCount(out)).toBeLessThan(vertexCount(input) * 0.5);
    for (const f of out.features) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const ring of polygons.flat()) {
        expect(ring.length).toBeGreaterThanOrEqual(4);
        expect(ring[0]).toEqual(ring[ring.length - 1]);
        for (const v of ring.flat()) expect(Math.abs(v * 1e5 - Math.round(v * 1e5))).toBeLessThan(1e-6);
      }
    }
  });

  it('keeps shapes: areas within 10 % for ≥ 99 %, and a point deep inside each original inside its simplified shape', () => {
    const input = colonias();
    const out = simplifyForDisplay(input, 0.0001) as Areas;
    let areaOk = 0,
      pointOk = 0;
    input.features.forEach((f, i) => {
      const g = out.features[i].geometry;
      if (Math.abs(area(g) / area(f.geometry) - 1) < 0.1) areaOk++;
      // The pole of inaccessibility, checked inside the original with turf.
      const deep = representativePointOf(f.geometry, (x, y) => booleanPointInPolygon([x, y], f.geometry));
      if (booleanPointInPolygon(deep, g)) pointOk++;
    });
    expect(areaOk / input.features.length).toBeGreaterThan(0.99);
    expect(pointOk).toBe(input.features.length);
  });

  it('rejects a negative tolerance', () => {
    expect(() => simplifyForDisplay(colonias(), -1)).toThrow(RangeError);
  });
});
