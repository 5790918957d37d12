import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { cellToLatLng, cellToParent, latLngToCell } from 'h3-js';
import { parse } from 'csv-parse/sync';
import { readBundled } from '../../reference/files/index.ts';
import {
  bigIntToH3,
  cellBoundary,
  cellDecimalsFor,
  cellsFor,
  h3ToBigInt,
  H3_RESOLUTIONS,
  isH3Resolution,
  parentOf,
  resolutionForZoom,
  resolutionOf,
} from './index.ts';

const sscPoints = () =>
  (parse(readBundled('crime/ssc_crime_points_2013_2016.csv.gz'), { columns: true }) as Record<string, string>[])
    .filter((r, i) => i % 50 === 0 && r.lat !== 'NA')
    .map((r) => [Number(r.lat), Number(r.long)] as const);

describe('cellsFor', () => {
  it('matches the h3-js README example (37.3615593, -122.0553238) → 87283472bffffff at resolution 7', () => {
    expect(cellsFor(37.3615593, -122.0553238).h3_7).toBe(0x87283472bffffffn);
  });

  it('gives, for real SSC points, the cell h3-js puts each point in at every resolution 6–11', () => {
    const points = sscPoints();
    expect(points.length).toBeGreaterThan(2000);
    let parentDiffers = 0;
    const wrong = { cell: 0, resolution: 0, parent: 0 };
    for (const [lat, lon] of points) {
      const cells = cellsFor(lat, lon);
      for (const res of H3_RESOLUTIONS) {
        const cell = cells[`h3_${res}` as keyof typeof cells];
        if (bigIntToH3(cell) !== latLngToCell(lat, lon, res)) wrong.cell++;
        if (resolutionOf(cell) !== res) wrong.resolution++;
        // Bit-arithmetic parents equal the library's.
        if (bigIntToH3(parentOf(cells.h3_11, res)) !== cellToParent(bigIntToH3(cells.h3_11), res)) wrong.parent++;
        if (bigIntToH3(parentOf(cells.h3_11, res)) !== bigIntToH3(cell)) parentDiffers++;
      }
    }
    expect(wrong).toEqual({ cell: 0, resolution: 0, parent: 0 });
    // H3 parents do not exactly contain their children: some points' fine cell has a neighbouring parent.
    expect(parentDiffers).toBeGreaterThan(0);
    expect(parentDiffers / (points.length * 6)).toBeLessThan(0.15);
  });

  it('fits a signed int8 (Postgres bigint)', () => {
    const { h3_6, h3_11 } = cellsFor(19.4326, -99.1332);
    expect(h3_6 < 2n ** 63n && h3_11 < 2n ** 63n).toBe(true);
  });

  it('rejects non-finite coordinates', () => {
    expect(() => cellsFor(Number.NaN, -99)).toThrow(RangeError);
  });
});

describe('cellDecimalsFor', () => {
  it('gives, for real SSC points, the decimal int8 of the cell h3-js puts each point in, resolutions 6–11 in order', () => {
    let wrong = 0;
    const points = sscPoints();
    for (const [lat, lon] of points) {
      const decimals = cellDecimalsFor(lat, lon);
      // independent: h3-js's hex cell read by BigInt's own hex parser
      const expected = H3_RESOLUTIONS.map((res) => BigInt(`0x${latLngToCell(lat, lon, res)}`).toString(10));
      if (decimals.join() !== expected.join()) wrong++;
    }
    expect(points.length).toBeGreaterThan(2000);
    expect(wrong).toBe(0);
    expect(() => cellDecimalsFor(19.4, Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });
});

describe('string ↔ BigInt', () => {
  it('round-trips through BigInt and through the decimal string Postgres returns for int8', () => {
    const h3 = latLngToCell(19.4326, -99.1332, 9);
    const big = h3ToBigInt(h3);
    expect(big).toBe(BigInt(`0x${h3}`));
    expect(bigIntToH3(big)).toBe(h3);
    expect(bigIntToH3(big.toString())).toBe(h3);
  });

  it('rejects what is not a cell', () => {
    expect(() => h3ToBigInt('zzz')).toThrow(RangeError);
    expect(() => bigIntToH3('12abc')).toThrow(RangeError);
    expect(() => bigIntToH3(-1.5)).toThrow(RangeError);
  });
});

describe('resolutionForZoom', () => {
  it('maps zoom to 6–11, one resolution per zoom step between z 9 and z 14', () => {
    expect([0, 8, 9, 10, 11, 12, 13, 14, 15, 22].map(resolutionForZoom)).toEqual([6, 6, 6, 7, 8, 9, 10, 11, 11, 11]);
    expect(resolutionForZoom(12.7)).toBe(9);
    expect(isH3Resolution(resolutionForZoom(3))).toBe(true);
    expect(() => resolutionForZoom(Number.NaN)).toThrow(RangeError);
  });
});

describe('cellBoundary', () => {
  it('is a closed [lon, lat] ring around the cell centre', () => {
    const h3 = latLngToCell(19.4326, -99.1332, 8);
    const ring = cellBoundary(h3);
    expect(ring).toHaveLength(7);
    expect(ring[0]).toEqual(ring[6]);
    const [lat, lon] = cellToLatLng(h3);
    expect(booleanPointInPolygon([lon, lat], { type: 'Polygon', coordinates: [ring] })).toBe(true);
    expect(cellBoundary(h3ToBigInt(h3))).toEqual(ring);
  });
});
