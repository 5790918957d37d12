/**
 * The slide sequence of a plenary session, built from its agenda: a title slide; per category the
 * semáforo table of every agenda area, then per area its change map and its trend chart; and the
 * targets (metas) of the agenda's areas last. Pure, so the order and the headings are unit-tested
 * and the browser test can read the same headings off the page.
 */
import { addMonths, type Month } from '../lib/months.ts';
import { formatMonthLong } from '../lib/format.ts';
import type { AreaKind } from '../state/urlState.ts';
import type { Agenda, AgendaArea } from './agenda.ts';

const KIND_LABEL: Record<AreaKind, string> = {
  alcaldia: 'Alcaldía',
  colonia: 'Colonia',
  sector: 'Sector',
  cuadrante: 'Cuadrante',
};

export type Slide =
  | { type: 'title' }
  | { type: 'semaforo'; category: string }
  | { type: 'map'; area: AgendaArea; category: string }
  | { type: 'trend'; area: AgendaArea; category: string }
  | { type: 'targets' };

/** How many months the trend slide tests (12–36 is the useful range; three years shows seasonality). */
export const TREND_MONTHS = 36;

export function buildSlides(agenda: Agenda): Slide[] {
  const slides: Slide[] = [{ type: 'title' }];
  for (const category of agenda.categories) {
    slides.push({ type: 'semaforo', category });
    for (const area of agenda.areas) {
      slides.push({ type: 'map', area, category });
      slides.push({ type: 'trend', area, category });
    }
  }
  slides.push({ type: 'targets' });
  return slides;
}

/** Labels the headings need: area names (by `kind:id`) and category labels (by id); ids stand in for missing ones. */
export interface SlideLabels {
  areaNames: ReadonlyMap<string, string>;
  categoryLabels: ReadonlyMap<string, string>;
}

export const areaKey = (area: AgendaArea) => `${area.kind}:${area.id}`;

/** "Sector ABASTO-REFORMA": the kind and the area's name (`fallbackName`, then the id, until names are loaded). */
export function areaLabel(area: AgendaArea, labels: SlideLabels, fallbackName?: string): string {
  return `${KIND_LABEL[area.kind]} ${labels.areaNames.get(areaKey(area)) ?? fallbackName ?? area.id}`;
}

export function categoryLabel(category: string, labels: SlideLabels): string {
  return labels.categoryLabels.get(category) ?? category;
}

export const PLENARY_TITLE = 'Mesa de Seguridad y Justicia';

/** The slide's heading (its `<h2>`), Spanish. */
export function slideHeading(slide: Slide, month: Month, labels: SlideLabels): string {
  switch (slide.type) {
    case 'title':
      return `${PLENARY_TITLE}: ${formatMonthLong(month)}`;
    case 'semaforo':
      return `Semáforo delictivo: ${categoryLabel(slide.category, labels)}`;
    case 'map':
      return `${areaLabel(slide.area, labels)}: ${categoryLabel(slide.category, labels)}`;
    case 'trend':
      return `Tendencia: ${areaLabel(slide.area, labels)}, ${categoryLabel(slide.category, labels)}`;
    case 'targets':
      return 'Avance de las metas';
  }
}

/** The API's half-open date range of one month. */
export function monthRange(month: Month): { from: string; to: string } {
  return { from: `${month}-01`, to: `${addMonths(month, 1)}-01` };
}

/** `/api/compare` periods for the month against the month before and against the same month a year earlier. */
export function changePeriods(month: Month): {
  previousMonth: { p1: string; p2: string };
  yearEarlier: { p1: string; p2: string };
} {
  const period = (m: Month) => `${m}-01..${addMonths(m, 1)}-01`;
  return {
    previousMonth: { p1: period(addMonths(month, -1)), p2: period(month) },
    yearEarlier: { p1: period(addMonths(month, -12)), p2: period(month) },
  };
}

/** One area's figures in a `/api/compare` answer (null: a withheld figure). */
export interface ComparedFigures {
  p1: number | null;
  p2: number | null;
}

/**
 * The counts beside the change map: the month, the same month a year earlier and the month before
 * (undefined while loading). An area missing from a comparison had no incidents to publish — the
 * answers list only areas with some — so it says 0; only a withheld (null) figure reads "dato
 * reservado". The month comes from the year comparison when the area is in it, else the month one.
 */
export function mapSlideCounts(
  loaded: boolean,
  yearEarlier: ComparedFigures | null,
  previousMonth: ComparedFigures | null,
): { month?: number | null; yearEarlier?: number | null; previousMonth?: number | null } {
  if (!loaded) return {};
  return {
    month: yearEarlier ? yearEarlier.p2 : (previousMonth?.p2 ?? 0),
    yearEarlier: yearEarlier ? yearEarlier.p1 : 0,
    previousMonth: previousMonth ? previousMonth.p1 : 0,
  };
}

/** The trend slide's range: the TREND_MONTHS months ending with `month`, half-open. */
export function trendRange(month: Month): { from: string; to: string } {
  return { from: `${addMonths(month, -(TREND_MONTHS - 1))}-01`, to: `${addMonths(month, 1)}-01` };
}

/** The slide number after a navigation key, kept inside 1 … total. */
export function clampSlide(slide: number, total: number): number {
  return Math.min(Math.max(1, Math.round(slide)), Math.max(1, total));
}
