/** Gazetteer entries with a point that several modules share (kept apart from index.ts to avoid import cycles). */
import type { LandmarkKind } from './landmark-words.ts';

/** A corner of two streets: INEGI's crash records (`inegi`) or a bus stop named by its corner (`stop`). */
export interface CornerEntry {
  a: string;
  b: string;
  lat: number;
  lon: number;
  alcaldiaId: string;
  source?: 'inegi' | 'stop';
}
/** A landmark with its point ("Hospital La Raza"). */
export interface LandmarkEntry {
  id: string;
  name: string;
  kind: LandmarkKind;
  lat: number;
  lon: number;
  alcaldiaId: string | null;
}
