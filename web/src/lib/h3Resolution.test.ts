import { describe, expect, it } from 'vitest';
import { MAX_RESOLUTION, MIN_RESOLUTION, publicResolutionForZoom, resolutionForZoom } from './h3Resolution.ts';

describe('H3 resolution for a zoom', () => {
  it('stays within the API range 6..11 and never gets coarser when zooming in', () => {
    let previous = MIN_RESOLUTION;
    for (let zoom = 0; zoom <= 22; zoom += 0.25) {
      const res = resolutionForZoom(zoom);
      expect(res).toBeGreaterThanOrEqual(previous);
      expect(res).toBeGreaterThanOrEqual(MIN_RESOLUTION);
      expect(res).toBeLessThanOrEqual(MAX_RESOLUTION);
      previous = res;
    }
    expect(resolutionForZoom(0)).toBe(6);
    expect(resolutionForZoom(22)).toBe(11);
  });
});

describe('public H3 resolution', () => {
  it('follows the zoom up to resolution 8, then stays at 8 however far one zooms (the API refuses finer cells without a token)', () => {
    expect(publicResolutionForZoom(9)).toBe(6);
    expect(publicResolutionForZoom(11)).toBe(8);
    for (const zoom of [12, 13, 14.5, 16, 20]) expect(publicResolutionForZoom(zoom)).toBe(8);
  });
});
