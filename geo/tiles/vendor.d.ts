/** vt-pbf 3 ships without type declarations; only the function used here is declared. */
declare module 'vt-pbf' {
  /** Encodes geojson-vt tiles (one per layer name) as a Mapbox Vector Tile (protobuf). */
  export function fromGeojsonVt(
    layers: Record<string, { features: unknown[] }>,
    options?: { version?: number; extent?: number },
  ): Uint8Array;
}

/** Decoders used by the tests (they come with vt-pbf); declared loosely, only what the tests call. */
declare module '@mapbox/vector-tile' {
  export class VectorTile {
    constructor(pbf: unknown);
    layers: Record<string, VectorTileLayer>;
  }
  export interface VectorTileLayer {
    name: string;
    extent: number;
    version: number;
    length: number;
    feature(i: number): VectorTileFeature;
  }
  export interface VectorTileFeature {
    type: number;
    properties: Record<string, string | number | boolean>;
    loadGeometry(): { x: number; y: number }[][];
    toGeoJSON(x: number, y: number, z: number): import('geojson').Feature;
  }
}
/** pbf 3 (protobuf reader/writer) ships without types: what the tests and `hexagon-mvt.ts` use. */
declare module 'pbf' {
  export default class Pbf {
    constructor(buf?: Uint8Array);
    buf: Uint8Array;
    pos: number;
    length: number;
    finish(): Uint8Array;
    writeVarint(value: number): void;
    writeVarintField(tag: number, value: number): void;
    writeSVarintField(tag: number, value: number): void;
    writeDoubleField(tag: number, value: number): void;
    writeStringField(tag: number, value: string): void;
    writeMessage<T>(tag: number, write: (obj: T, pbf: Pbf) => void, obj: T): void;
  }
}
