/**
 * Colours of the plenary slides, chosen to be told apart by colour-blind readers and always shown
 * with a text label and an icon (colour is never the only carrier of meaning, WCAG 1.4.1).
 *
 * Semáforo: the Okabe–Ito palette (Okabe & Ito, "Color Universal Design", 2008): bluish green,
 * yellow and vermillion — the vermillion darkened (#D55E00 → #B34700) so the three also differ in
 * lightness (WCAG relative luminance 0.14 / 0.26 / 0.74) and stay distinct under deuteranopia,
 * protanopia and in grey print; white text on it meets WCAG AA (5.5:1), and the green carries black
 * text (6.1:1; white would be 3.4:1). (The map's YlOrRd scale in lib/colorScale.ts is
 * sequential, for counts; a change needs a diverging scale.)
 *
 * Change maps: ColorBrewer's 7-class PuOr (Brewer & Harrower, colorbrewer2.org, marked
 * colour-blind safe and print friendly): purple = fewer incidents, orange = more.
 */
export type SemaforoColor = 'verde' | 'amarillo' | 'rojo';

export interface SemaforoStyle {
  background: string;
  text: string;
  label: string;
  icon: string;
  meaning: string;
}

export const SEMAFORO_STYLES: Record<SemaforoColor, SemaforoStyle> = {
  verde: { background: '#009E73', text: '#000000', label: 'Verde', icon: '▼', meaning: 'baja de 25 % o más' },
  amarillo: {
    background: '#F0E442',
    text: '#1d2630',
    label: 'Amarillo',
    icon: '■',
    meaning: 'igual o baja de menos de 25 %',
  },
  rojo: { background: '#B34700', text: '#ffffff', label: 'Rojo', icon: '▲', meaning: 'sube' },
};

export const NO_COLOR_STYLE: SemaforoStyle = {
  background: '#e3e6e9',
  text: '#1d2630',
  label: 'Sin color',
  icon: '○',
  meaning: 'menos de 36 meses de referencia o dato reservado',
};

export function semaforoStyle(color: SemaforoColor | null | undefined): SemaforoStyle {
  return color ? SEMAFORO_STYLES[color] : NO_COLOR_STYLE;
}

export const PU_OR_7 = ['#542788', '#998ec3', '#d8daeb', '#f7f7f7', '#fee0b6', '#f1a340', '#b35806'] as const;
export const NO_DATA_COLOR = '#c9ced3';

export interface ChangeClass {
  color: string;
  label: string;
}

/**
 * Classes of a percentage change: ≤ −25, (−25, −10], (−10, 0), 0, (0, 10), [10, 25), ≥ 25. The
 * ±25 % edges match the semáforo's threshold, so the map and the table speak the same language.
 */
export const CHANGE_CLASSES: ChangeClass[] = [
  { color: PU_OR_7[0], label: 'baja 25 % o más' },
  { color: PU_OR_7[1], label: 'baja 10 a 25 %' },
  { color: PU_OR_7[2], label: 'baja menos de 10 %' },
  { color: PU_OR_7[3], label: 'sin cambio' },
  { color: PU_OR_7[4], label: 'sube menos de 10 %' },
  { color: PU_OR_7[5], label: 'sube 10 a 25 %' },
  { color: PU_OR_7[6], label: 'sube 25 % o más' },
];

/**
 * The class index (0 … 6) of a change; null when there is none to show (no reference count, or a
 * withheld one). A rise from zero (pct null, diff > 0) is the top class.
 */
export function changeClassIndex(
  pct: number | null | undefined,
  diff: number | null | undefined = null,
): number | null {
  if (pct == null || !Number.isFinite(pct)) return diff != null && diff > 0 ? 6 : diff === 0 ? 3 : null;
  if (pct <= -25) return 0;
  if (pct <= -10) return 1;
  if (pct < 0) return 2;
  if (pct === 0) return 3;
  if (pct < 10) return 4;
  if (pct < 25) return 5;
  return 6;
}

export function changeColor(pct: number | null | undefined, diff: number | null | undefined = null): string {
  const index = changeClassIndex(pct, diff);
  return index === null ? NO_DATA_COLOR : CHANGE_CLASSES[index].color;
}

/** Up, down or flat, as an arrow and a word (for the change figures beside the map). */
export function changeWord(diff: number | null | undefined): { icon: string; word: string } {
  if (diff == null) return { icon: '—', word: 'sin dato' };
  if (diff > 0) return { icon: '▲', word: 'sube' };
  if (diff < 0) return { icon: '▼', word: 'baja' };
  return { icon: '=', word: 'igual' };
}
