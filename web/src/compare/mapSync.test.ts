import { describe, expect, it } from 'vitest';
import { syncMaps, type SyncableMap } from './mapSync.ts';

/** A camera that, like MapLibre, fires `move` synchronously from jumpTo. */
class FakeMap implements SyncableMap {
  center = { lng: 0, lat: 0 };
  zoom = 10;
  jumps = 0;
  private listeners = new Set<() => void>();
  on(_: 'move', l: () => void) {
    this.listeners.add(l);
  }
  off(_: 'move', l: () => void) {
    this.listeners.delete(l);
  }
  getCenter() {
    return this.center;
  }
  getZoom() {
    return this.zoom;
  }
  getBearing() {
    return 0;
  }
  getPitch() {
    return 0;
  }
  jumpTo(o: { center: [number, number]; zoom: number }) {
    this.jumps++;
    this.center = { lng: o.center[0], lat: o.center[1] };
    this.zoom = o.zoom;
    this.emit();
  }
  /** a user pan */
  pan(lng: number, lat: number) {
    this.center = { lng, lat };
    this.emit();
  }
  emit() {
    for (const l of [...this.listeners]) l();
  }
}

describe('syncMaps', () => {
  it('moves every other map once when one moves, without echoing back', () => {
    const a = new FakeMap();
    const b = new FakeMap();
    const c = new FakeMap();
    syncMaps([a, b, c]);
    a.pan(-99.1, 19.4);
    expect(b.center).toEqual({ lng: -99.1, lat: 19.4 });
    expect(c.center).toEqual({ lng: -99.1, lat: 19.4 });
    expect([a.jumps, b.jumps, c.jumps]).toEqual([0, 1, 1]);
    b.zoom = 13;
    b.emit();
    expect(a.zoom).toBe(13);
    expect(c.zoom).toBe(13);
  });

  it('stops following once unlinked', () => {
    const a = new FakeMap();
    const b = new FakeMap();
    const unlink = syncMaps([a, b]);
    unlink();
    a.pan(-99, 19);
    expect(b.center).toEqual({ lng: 0, lat: 0 });
  });
});
