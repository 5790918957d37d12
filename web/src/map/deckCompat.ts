/**
 * deck.gl 9.4 draws interleaved layers (inside MapLibre's own canvas, between its style layers) by
 * reading `map.transform` — MapLibre's camera state — to match near and far planes. maplibre-gl 6
 * moved that state off the map onto its camera object, so deck.gl reads `undefined` and throws on
 * every frame. Until a deck.gl release reads the new place, the map gets a read-only `transform`
 * that forwards to the camera's. Nothing is written through it.
 */
interface CameraHolder {
  transform?: unknown;
  _camera?: { transform?: unknown };
}

/** Gives `map` the `transform` deck.gl reads, when it lacks one and its camera has one; says whether it can be drawn interleaved. */
export function exposeTransformForDeck(map: object): boolean {
  const holder = map as CameraHolder;
  if (holder.transform !== undefined) return true;
  if (holder._camera?.transform === undefined) return false;
  Object.defineProperty(map, 'transform', { configurable: true, get: () => holder._camera?.transform });
  return true;
}
