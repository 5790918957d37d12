/**
 * A uniform grid laid over a polygon set that answers most point queries without any point-in-polygon
 * test: a grid cell that no polygon edge touches is wholly inside one polygon (or outside all of them),
 * so its answer is computed once, at build time, from its centre. A cell crossed by edges keeps only the
 * parts whose edges cross it, for the exact test at query time, plus the best part that covers it
 * whole (found among the flatbush bounding-box candidates by testing the cell's centre). This is the classic "uniform grid + cell classification" point-location scheme
 * (e.g. Žalik & Kolingerová 2001, "A cell-based point-in-polygon algorithm suitable for large sets of
 * points", Computers & Geosciences 27(10)).
 *
 * Exactness: an edge marks every cell its bounding box touches, with the same `floor` mapping that
 * queries use, so a point on or near an edge always lands in a marked cell and gets the exact test.
 */
import type Flatbush from 'flatbush';
import type { Position } from 'geojson';

export interface CellGrid {
  minX: number;
  minY: number;
  cellW: number;
  cellH: number;
  cols: number;
  rows: number;
  /** ≥ 0: the owner polygon; −1: no polygon; ≤ −2: mixed cell number (−2 − state). */
  state: Int32Array;
  /** CSR: parts with an edge in mixed cell m are crossParts[crossStart[m] .. crossStart[m + 1]) — they need the exact test. */
  crossStart: Int32Array;
  crossParts: Int32Array;
  /** Per mixed cell: the winning owner among parts that cover the whole cell (no edge in it), or −1. */
  cover: Int32Array;
}

export const OUTSIDE = -1;

export interface GridInput {
  /** Rings of each polygon part, in part order. */
  partRings: readonly Position[][][];
  bbox: [number, number, number, number];
  /** Flatbush over the parts' bounding boxes (item i = part i). */
  tree: Flatbush;
  /** Exact part test and owner/rank of each part, as the index defines them. */
  partContains: (part: number, x: number, y: number) => boolean;
  ownerOf: (part: number) => number;
  /** Lower rank wins where polygons overlap. */
  rankOf: (owner: number) => number;
  /** The index's exact query (used for cells no edge touches). */
  exactFind: (x: number, y: number) => number;
  targetCells: number;
}

export function buildCellGrid(input: GridInput): CellGrid {
  const { partRings, tree, partContains, ownerOf, rankOf, exactFind, targetCells } = input;
  const [minX, minY, maxX, maxY] = input.bbox;
  const width = Math.max(maxX - minX, 1e-9);
  const height = Math.max(maxY - minY, 1e-9);
  const side = Math.sqrt((width * height) / targetCells);
  const cols = Math.floor(width / side) + 1;
  const rows = Math.floor(height / side) + 1;
  const cellW = side,
    cellH = side;
  const col = (x: number) => Math.min(cols - 1, Math.max(0, Math.floor((x - minX) / cellW)));
  const row = (y: number) => Math.min(rows - 1, Math.max(0, Math.floor((y - minY) / cellH)));

  // 1. Every cell touched by an edge's bounding box records the edge's part (horizontal edges included:
  //    containment changes across them too). Edges of one part come consecutively, so `lastPart` removes
  //    most repeats; the rest are removed when the lists are built.
  const lastPart = new Int32Array(cols * rows).fill(-1);
  const pairCell: number[] = [];
  const pairPart: number[] = [];
  partRings.forEach((rings, part) => {
    for (const ring of rings) {
      for (let i = 0; i < ring.length; i++) {
        const [ax, ay] = ring[i];
        const [bx, by] = ring[(i + 1) % ring.length];
        const c1 = col(Math.min(ax, bx)),
          c2 = col(Math.max(ax, bx));
        const r1 = row(Math.min(ay, by)),
          r2 = row(Math.max(ay, by));
        for (let r = r1; r <= r2; r++) {
          for (let c = c1; c <= c2; c++) {
            const k = r * cols + c;
            if (lastPart[k] === part) continue;
            lastPart[k] = part;
            pairCell.push(k);
            pairPart.push(part);
          }
        }
      }
    }
  });
  // Group the (cell, part) pairs by cell (counting sort).
  const crossCount = new Int32Array(cols * rows + 1);
  for (const k of pairCell) crossCount[k + 1]++;
  for (let k = 0; k < cols * rows; k++) crossCount[k + 1] += crossCount[k];
  const byCell = new Int32Array(pairCell.length);
  const fill = crossCount.slice(0, cols * rows);
  pairCell.forEach((k, i) => (byCell[fill[k]++] = pairPart[i]));

  // 2. Classify. A cell no edge touches takes its centre's answer; along a row, consecutive such cells
  //    share it (the segment between their centres crosses no edge), so the exact query runs once per run.
  //    In a mixed cell, parts without an edge there either cover it entirely or miss it: the centre tells which.
  const state = new Int32Array(cols * rows);
  const crossStart: number[] = [0];
  const crossParts: number[] = [];
  const cover: number[] = [];
  for (let r = 0; r < rows; r++) {
    let runOwner: number | null = null;
    for (let c = 0; c < cols; c++) {
      const k = r * cols + c;
      const from = crossCount[k],
        to = crossCount[k + 1];
      if (from === to) {
        if (runOwner === null) runOwner = exactFind(minX + (c + 0.5) * cellW, minY + (r + 0.5) * cellH);
        state[k] = runOwner;
        continue;
      }
      runOwner = null;
      const crossing = new Set<number>();
      for (let i = from; i < to; i++) crossing.add(byCell[i]);
      const x0 = minX + c * cellW,
        y0 = minY + r * cellH;
      const cx = x0 + cellW / 2,
        cy = y0 + cellH / 2;
      let covering = -1;
      for (const part of tree.search(x0, y0, x0 + cellW, y0 + cellH)) {
        if (crossing.has(part) || !partContains(part, cx, cy)) continue;
        const owner = ownerOf(part);
        if (covering === -1 || rankOf(owner) < rankOf(covering)) covering = owner;
      }
      // Crossing parts that cannot beat the covering owner are never worth testing.
      const useful = [...crossing].filter((part) => covering === -1 || rankOf(ownerOf(part)) < rankOf(covering));
      if (useful.length === 0) {
        state[k] = covering;
        continue;
      }
      state[k] = -2 - cover.length;
      cover.push(covering);
      crossParts.push(...useful);
      crossStart.push(crossParts.length);
    }
  }
  return {
    minX,
    minY,
    cellW,
    cellH,
    cols,
    rows,
    state,
    crossStart: Int32Array.from(crossStart),
    crossParts: Int32Array.from(crossParts),
    cover: Int32Array.from(cover),
  };
}
