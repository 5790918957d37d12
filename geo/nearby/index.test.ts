import { describe, expect, it } from 'vitest';
import { MAX_NEARBY_M, nearbyPlace, type NamedPoint } from './index.ts';

// Hand-written points on one meridian: 0.001° of latitude is 111.2 m (2π · 6,371,008.8 m / 360 000).
const M_PER_MILLIDEGREE = 111.195;
const at = (kind: NamedPoint['kind'], name: string, dLatMilli: number): NamedPoint => ({
  kind,
  name,
  lat: 19.4 + dLatMilli / 1000,
  lon: -99.15,
});

describe('nearbyPlace', () => {
  it('names the nearest corner when no station is close', () => {
    const places = [
      at('corner', 'Insurgentes Sur y Álvaro Obregón', 1),
      at('corner', 'Durango y Orizaba', 3),
      at('station', 'Metro Insurgentes', 8),
    ];
    expect(nearbyPlace(19.4, -99.15, places)).toEqual({
      kind: 'corner',
      name: 'Insurgentes Sur y Álvaro Obregón',
      label: 'cerca de Insurgentes Sur y Álvaro Obregón',
      distance_m: Math.round(M_PER_MILLIDEGREE),
    });
  });

  it('prefers a station up to 150 m farther than the nearest corner, not more', () => {
    const corner = at('corner', 'Durango y Orizaba', 1);
    expect(nearbyPlace(19.4, -99.15, [corner, at('station', 'Metro Insurgentes', 2)])?.name).toBe('Metro Insurgentes'); // 111 m farther
    expect(nearbyPlace(19.4, -99.15, [corner, at('station', 'Metro Insurgentes', 3)])?.name).toBe('Durango y Orizaba'); // 222 m farther
  });

  it('gives no name when everything is farther than the limit', () => {
    const far = MAX_NEARBY_M / M_PER_MILLIDEGREE + 1;
    expect(nearbyPlace(19.4, -99.15, [at('corner', 'Lejos y Más Lejos', far)])).toBeNull();
    expect(nearbyPlace(19.4, -99.15, [])).toBeNull();
  });
});
