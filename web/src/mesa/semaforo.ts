/**
 * Display rules for the Semáforo Delictivo and the Mann-Kendall trend.
 * The statistics themselves are computed by the server (geo/stats); this only names and colours
 * them. Colours are from Okabe & Ito's colour-blind-safe palette (jfly.uni-koeln.de/color), the
 * vermillion darkened and black text on the green so every label reaches 4.5:1 (as plenary/palette.ts),
 * and every colour is always shown with its text label, so the colour is never the only cue.
 */
import { addMonths, monthsToRange, type Month } from '../lib/months.ts';

export type SemaforoColor = 'verde' | 'amarillo' | 'rojo' | null;

export interface SemaforoStyle {
  label: string;
  /** swatch background */
  background: string;
  /** text on the swatch, chosen for contrast */
  text: string;
}

export const SEMAFORO_STYLES: Record<'verde' | 'amarillo' | 'rojo' | 'none', SemaforoStyle> = {
  verde: { label: 'Verde', background: '#009E73', text: '#000000' },
  amarillo: { label: 'Amarillo', background: '#F0E442', text: '#1d2630' },
  rojo: { label: 'Rojo', background: '#B34700', text: '#ffffff' },
  none: { label: 'Sin línea base', background: '#d9dde1', text: '#1d2630' },
};

export function semaforoStyle(color: SemaforoColor): SemaforoStyle {
  return SEMAFORO_STYLES[color ?? 'none'];
}

/** The rule, for the tooltip beside every semáforo. */
export const SEMAFORO_RULE =
  'Línea base: promedio mensual de los 36 meses anteriores. Verde: el mes está 25 % o más por debajo de la línea base; ' +
  'amarillo: entre −25 % y 0 %; rojo: por encima de la línea base. Sin línea base: faltan meses de datos (menos de 36) ' +
  'o el promedio es cero.';

export type TrendDirection = 'up' | 'down' | 'none';

/** `0.0123` → `0.01`; tiny values as `< 0.001` (more digits would suggest false precision). */
export function formatPValue(p: number): string {
  if (!Number.isFinite(p)) return '—';
  if (p < 0.001) return '< 0.001';
  return `= ${p < 0.01 ? p.toFixed(3) : p.toFixed(2)}`;
}

/** "Tendencia al alza (significativa, p = 0.01)" / "… a la baja …" / "Sin tendencia significativa (p = 0.42)". */
export function trendSentence(direction: TrendDirection, p: number): string {
  if (direction === 'up') return `Tendencia al alza (significativa, p ${formatPValue(p)})`;
  if (direction === 'down') return `Tendencia a la baja (significativa, p ${formatPValue(p)})`;
  return `Sin tendencia significativa (p ${formatPValue(p)})`;
}

/** The `[from, to)` dates of the `months` months that end with `last` (inclusive). */
export function trendRange(last: Month, months: number): { from: string; to: string } {
  return monthsToRange(addMonths(last, -(months - 1)), last);
}

/** Percent change as shown beside the semáforo: `+12.5 %`, `−30.0 %`, or a dash. */
export function formatChange(pct: number | null | undefined): string {
  if (pct == null || !Number.isFinite(pct)) return '—';
  const rounded = Math.round(pct * 10) / 10;
  const sign = rounded > 0 ? '+' : rounded < 0 ? '−' : '';
  return `${sign}${Math.abs(rounded).toFixed(1)} %`;
}
