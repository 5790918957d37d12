/**
 * Areal weighting of colonia populations onto H3 cells. Expected values: a uniform density times the
 * cell's area from h3-js (`cellArea`), half of that for a density that stops at the cell's centre
 * meridian, and — on the real data — the city's population (the sum of the IECM colonia populations
 * read from the bundled GeoJSON), which the cells covering the city must add up to.
 */
import { describe, expect, it } from 'vitest';
import { cellArea, cellToLatLng, gridDisk, latLngToCell, polygonToCells } from 'h3-js';
import { area as turfArea } from '@turf/turf';
import { loadBoundarySets } from '../../reference/boundaries/index.ts';
import { buildReverseGeocoder, cellPopulation, zoneDensities, type AreaFeature } from './index.ts';

// a cell in the Zócalo at resolution 8 (hand-written fixture point)
const ZOCALO = latLngToCell(19.4326, -99.1332, 8);

describe('cellPopulation', () => {
  it('gives density × area for a cell inside one uniform zone', () => {
    const density = 0.02; // residents per m² (20,000 per km²)
    const expected = density * cellArea(ZOCALO, 'm2');
    // children at depth 2 do not tile the parent exactly (H3's aperture-7 approximation): within 1 %
    expect(cellPopulation(ZOCALO, () => density)).toBeGreaterThan(expected * 0.99);
    expect(cellPopulation(ZOCALO, () => density)).toBeLessThan(expected * 1.01);
  });

  it('gives about half for a density that stops at the centre meridian', () => {
    const [, centreLon] = cellToLatLng(ZOCALO);
    const full = 0.01 * cellArea(ZOCALO, 'm2');
    const half = cellPopulation(ZOCALO, (_lat, lon) => (lon < centreLon ? 0.01 : 0));
    expect(half / full).toBeGreaterThan(0.45);
    expect(half / full).toBeLessThan(0.55);
  });

  it('is 0 where no zone has residents', () => {
    expect(cellPopulation(ZOCALO, () => 0)).toBe(0);
  });

  it('samples 7^depth children', () => {
    let calls = 0;
    cellPopulation(ZOCALO, () => (calls++, 1), 1);
    expect(calls).toBe(7);
    calls = 0;
    cellPopulation(ZOCALO, () => (calls++, 1), 0);
    expect(calls).toBe(1);
  });
});

describe('zoneDensities and the real colonias', () => {
  const sets = loadBoundarySets();
  const colonias = sets.find((s) => s.kind === 'colonia')!.features;
  const alcaldias = sets.find((s) => s.kind === 'alcaldia')!.features;

  it('is population / polygon area, and leaves zones without population out', () => {
    const withPop = colonias.find((c) => c.population !== null)!;
    const noPop: AreaFeature = { ...withPop, id: 'sin-poblacion', population: null };
    const d = zoneDensities([withPop, noPop]);
    expect(d.get(withPop.id)).toBeCloseTo(withPop.population! / turfArea(withPop.geometry), 12);
    expect(d.has('sin-poblacion')).toBe(false);
  });

  it('adds up to the city population over the cells covering the city (resolution 8)', () => {
    const cityPopulation = colonias.reduce((s, c) => s + (c.population ?? 0), 0);
    expect(cityPopulation).toBeGreaterThan(9_000_000); // IECM 2020: 9.2 M residents
    const reverse = buildReverseGeocoder(sets);
    const densities = zoneDensities(colonias);
    const densityAt = (lat: number, lon: number) => densities.get(reverse.areaAt('colonia', null, lat, lon) ?? '') ?? 0;
    const inside = new Set<string>();
    for (const f of alcaldias) {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polygons) for (const c of polygonToCells(p, 8, true)) inside.add(c);
    }
    // plus one ring, so cells whose centre lies just outside the border still count their residents
    const covering = new Set<string>();
    for (const c of inside) for (const n of gridDisk(c, 1)) covering.add(n);
    let sum = 0;
    for (const c of covering) sum += cellPopulation(c, densityAt);
    expect(Math.abs(sum - cityPopulation) / cityPopulation).toBeLessThan(0.005);
  });
});
