/** Metres between two points (equirectangular: good to a few metres over the few km that matter here). */
export function metres(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos(((a.lat + b.lat) / 2) * (Math.PI / 180)) * 111_320;
  const y = (b.lat - a.lat) * 110_574;
  return Math.hypot(x, y);
}
