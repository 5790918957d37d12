import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { cellArea, cellToLatLng, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import { area, booleanPointInPolygon, point } from '@turf/turf';
import type { FeatureCollection, Polygon } from 'geojson';
import { buildNeighbourhood, cellsCoveringPolygons, valuesOnStudyArea } from './index.ts';
import { StatsInputError } from '../errors.ts';

const alcaldias = JSON.parse(
  gunzipSync(readFileSync(new URL('../../../data/boundaries/alcaldias.geojson.gz', import.meta.url))).toString('utf8'),
) as FeatureCollection<Polygon>;

describe('cellsCoveringPolygons — Mexico City, resolution 7', () => {
  it('holds exactly the cells whose centre turf finds inside an alcaldía', () => {
    const cells = cellsCoveringPolygons(alcaldias, 7);
    // Independent route: every res-7 cell of the city's bounding box, centre tested with turf.
    const [w, s, e, n] = [-99.37, 19.04, -98.93, 19.6];
    const box = polygonToCells(
      [
        [
          [w, s],
          [e, s],
          [e, n],
          [w, n],
          [w, s],
        ],
      ],
      7,
      true,
    );
    const expected = box
      .filter((c) => {
        const [lat, lon] = cellToLatLng(c);
        return alcaldias.features.some((f) => booleanPointInPolygon(point([lon, lat]), f));
      })
      .sort();
    expect(cells).toEqual(expected);
    // The cells' total area is the city's area (turf, geodesic) to within the ragged edge: ±2 %.
    const cellsKm2 = cells.reduce((a, c) => a + cellArea(c, 'km2'), 0);
    const cityKm2 = area(alcaldias) / 1e6;
    expect(Math.abs(cellsKm2 / cityKm2 - 1)).toBeLessThan(0.02);
    expect(cells).toContain(latLngToCell(19.4326, -99.1332, 7)); // the Zócalo
  });
  it('accepts a bare geometry list and rejects other geometry types and resolutions', () => {
    const one = cellsCoveringPolygons([alcaldias.features[0].geometry], 8);
    expect(one.length).toBeGreaterThan(0);
    expect(() => cellsCoveringPolygons({ type: 'Point', coordinates: [0, 0] } as never, 8)).toThrow(StatsInputError);
    expect(() => cellsCoveringPolygons(alcaldias, 16)).toThrow(StatsInputError);
  });
});

describe('buildNeighbourhood', () => {
  it('lists the k = 1 ring inside the study area, self included', () => {
    const centre = latLngToCell(19.4326, -99.1332, 9);
    const disk = gridDisk(centre, 1);
    const nb = buildNeighbourhood(disk);
    const i = nb.indexOf.get(centre)!;
    expect(nb.offsets[i + 1] - nb.offsets[i]).toBe(7);
    // a ring cell sees itself, the centre and its two ring neighbours (its other 3 neighbours are outside)
    const j = nb.indexOf.get(disk[1])!;
    const ns = Array.from(nb.neighbours.subarray(nb.offsets[j], nb.offsets[j + 1])).map((x) => nb.cells[x]);
    expect(ns).toHaveLength(4);
    expect(ns).toContain(centre);
    expect(ns).toContain(disk[1]);
  });
  it('valuesOnStudyArea fills zeros and reports incidents outside', () => {
    const centre = latLngToCell(19.4326, -99.1332, 9);
    const nb = buildNeighbourhood(gridDisk(centre, 1));
    const far = latLngToCell(19.3, -99.1, 9);
    const { values, outside } = valuesOnStudyArea(
      nb,
      new Map([
        [centre, 5],
        [far, 3],
      ]),
    );
    expect(values[nb.indexOf.get(centre)!]).toBe(5);
    expect(Array.from(values).reduce((a, b) => a + b, 0)).toBe(5);
    expect(outside).toBe(3);
  });
});
