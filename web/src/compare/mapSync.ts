/**
 * Keeps several maps on the same camera: when one moves, the others `jumpTo` its centre, zoom,
 * bearing and pitch. MapLibre fires `move` synchronously inside `jumpTo`, so without the
 * re-entrancy guard each follower would echo the move back to the leader, forever.
 * Typed structurally, so the logic is tested with plain objects instead of WebGL maps.
 */
export interface SyncableMap {
  on(type: 'move', listener: () => void): unknown;
  off(type: 'move', listener: () => void): unknown;
  getCenter(): { lng: number; lat: number };
  getZoom(): number;
  getBearing(): number;
  getPitch(): number;
  jumpTo(options: { center: [number, number]; zoom: number; bearing: number; pitch: number }): unknown;
}

/** Links the maps; returns the function that unlinks them. */
export function syncMaps(maps: readonly SyncableMap[]): () => void {
  let syncing = false;
  const listeners = maps.map((leader) => {
    const listener = () => {
      if (syncing) return;
      syncing = true;
      try {
        const { lng, lat } = leader.getCenter();
        const camera = {
          center: [lng, lat] as [number, number],
          zoom: leader.getZoom(),
          bearing: leader.getBearing(),
          pitch: leader.getPitch(),
        };
        for (const follower of maps) if (follower !== leader) follower.jumpTo(camera);
      } finally {
        syncing = false;
      }
    };
    leader.on('move', listener);
    return listener;
  });
  return () => maps.forEach((map, i) => map.off('move', listeners[i]));
}
