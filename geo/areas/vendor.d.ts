/** polylabel 2 ships without type declarations. */
declare module 'polylabel' {
  /** Pole of inaccessibility of a polygon given as rings of [x, y]; `distance` is its distance to the boundary. */
  export default function polylabel(
    polygon: number[][][],
    precision?: number,
    debug?: boolean,
  ): [number, number] & { distance: number };
}
