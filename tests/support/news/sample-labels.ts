/**
 * Labels for the 24 articles of `../shared/data/news-sample/articles_sample.jsonl` (ids and labels
 * only: the text stays in the shared folder), and the mapping of the sample's own label names onto
 * the taxonomy. The sample's `annot_crime_types` were checked by reading each text; where one is
 * wrong, the correction is here with the reason.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CategoryId } from '../../../core/taxonomy/index.ts';
import { SHARED_DATA_DIR } from '../../../reference/files/index.ts';

export interface SampleArticle {
  id: string;
  url: string;
  date: string | null;
  text: string;
  annot_in_cdmx: boolean;
  annot_kind: string;
  annot_crime_types: string[];
}

export function readNewsSample(): SampleArticle[] {
  const raw = readFileSync(join(SHARED_DATA_DIR, 'news-sample', 'articles_sample.jsonl'), 'utf8');
  return raw
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as SampleArticle);
}

/** The sample's label names → the taxonomy categories they cover. */
export const SAMPLE_LABELS: Record<string, readonly CategoryId[]> = {
  homicidio: ['homicidio_doloso'],
  feminicidio: ['feminicidio'],
  lesiones: ['lesiones', 'lesiones_arma_fuego'],
  robo_transporte_publico: ['robo_metro', 'robo_microbus', 'robo_taxi', 'robo_transporte_otro'],
  robo_transeunte: ['robo_transeunte'],
  robo_casa_habitacion: ['robo_casa_habitacion'],
  robo_vehiculo: ['robo_vehiculo'],
  robo_negocio: ['robo_negocio'],
  extorsion: ['extorsion'],
  secuestro: ['secuestro'],
  violacion: ['violacion'],
  narcomenudeo: ['narcomenudeo'],
  portacion_armas: ['portacion_armas'],
};

/** Corrected crime labels (sample label names), with why the annotation was wrong. */
export const CORRECTED_CRIME_TYPES: Record<string, { labels: string[]; why: string }> = {
  'pg-0c6d633d31': {
    labels: ['robo_transeunte'],
    why: 'no injury is stated: the victim was threatened with a replica gun and robbed (lesiones dropped)',
  },
  'pg-a9fbbd37b8': {
    labels: ['secuestro'],
    why: 'the event is the kidnapping of three minors; the taxi-robbery figures and the sexual abuse by another band are context about other cases',
  },
  'pg-6e37320142': {
    labels: ['homicidio', 'lesiones'],
    why: 'the robo_negocio is a different, earlier event (an office robbery in colonia Roma) recalled at the end',
  },
};

/** The crime labels to test against: the correction where there is one, else the annotation. */
export function expectedLabels(a: SampleArticle): string[] {
  return CORRECTED_CRIME_TYPES[a.id]?.labels ?? a.annot_crime_types;
}

/** The taxonomy categories the labels cover. */
export function expectedCategories(labels: readonly string[]): Set<CategoryId> {
  return new Set(labels.flatMap((l) => SAMPLE_LABELS[l] ?? []));
}
