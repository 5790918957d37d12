/** Shared state between the report form and the map: picking the report's point with a tap. */
export const mapPick = $state<{ active: boolean; point: { lat: number; lon: number } | null }>({
  active: false,
  point: null,
});
