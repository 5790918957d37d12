/**
 * Text contrast of the app's colours (WCAG 2.1 success criterion 1.4.3, AA: 4.5:1 for body text),
 * computed here from the WCAG definitions, not by any code of the app:
 * relative luminance https://www.w3.org/TR/WCAG21/#dfn-relative-luminance and
 * contrast ratio https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FEW_CASES_STYLE } from './smallNumbers.ts';
import { SEMAFORO_STYLES as MESA_SEMAFORO } from '../mesa/semaforo.ts';
import { NO_COLOR_STYLE, SEMAFORO_STYLES as PLENARY_SEMAFORO } from '../plenary/palette.ts';
import { BLUES_5, heatShade } from '../patrol/heat.ts';

type Rgb = [number, number, number];

function parseColor(css: string): { rgb: Rgb; alpha: number } {
  const hex = /^#([0-9a-f]{6})$/i.exec(css.trim());
  if (hex) return { rgb: [0, 2, 4].map((i) => parseInt(hex[1].slice(i, i + 2), 16)) as Rgb, alpha: 1 };
  const rgb = /^rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)$/.exec(css.trim());
  if (rgb) return { rgb: [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])], alpha: Number(rgb[4] ?? 1) };
  throw new Error(`not a colour this test reads: ${css}`);
}

/** A translucent colour as seen over an opaque one (simple alpha compositing in sRGB, as browsers paint). */
function over(css: string, behind: string): string {
  const { rgb, alpha } = parseColor(css);
  const back = parseColor(behind).rgb;
  return `#${rgb
    .map((c, i) =>
      Math.round(alpha * c + (1 - alpha) * back[i])
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function luminance(css: string): number {
  const [r, g, b] = parseColor(css)
    .rgb.map((c) => c / 255)
    .map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The custom properties (and the text colour) of `:root` in app.css, as the browser gets them. */
function rootColors(): Record<string, string> {
  const css = readFileSync(new URL('../app.css', import.meta.url), 'utf8');
  const root = /:root\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  const out: Record<string, string> = {};
  for (const m of root.matchAll(/(--[\w-]+|(?<![-\w])color)\s*:\s*([^;]+);/g)) out[m[1]] = m[2].trim();
  const body = /\bbody\s*{([^}]*)}/.exec(css)?.[1] ?? '';
  out.pageBackground = /background:\s*([^;]+);/.exec(body)?.[1].trim() ?? '';
  return out;
}

const AA = 4.5;

describe('WCAG contrast (formula from the WCAG 2.1 definitions)', () => {
  it('gives the known ratios (hand-written references)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#777777')).toBeCloseTo(1, 5);
    // the trend colour the map used before, measured at 3.87:1 on white by an outside audit
    expect(contrast('#d55e00', '#ffffff')).toBeCloseTo(3.87, 2);
  });

  it("reads app.css's text colours and backgrounds", () => {
    const colors = rootColors();
    for (const key of ['color', '--accent', '--muted', '--error', '--trend-up', '--trend-down', '--panel-bg'])
      expect(colors[key], key).toBeTruthy();
    expect(colors.pageBackground).toMatch(/^#/);
  });

  it('keeps every text colour of app.css at 4.5:1 or more on the panels and pages it is used on', () => {
    const colors = rootColors();
    const backgrounds = {
      white: '#ffffff',
      // full-page views (report form, about, Mesa and staff pages)
      page: '#fafaf7',
      // the translucent panels over the map's background
      panel: over(colors['--panel-bg'], colors.pageBackground),
    };
    const failures: string[] = [];
    for (const text of ['color', '--accent', '--muted', '--error', '--trend-up', '--trend-down']) {
      for (const [where, background] of Object.entries(backgrounds)) {
        const ratio = contrast(colors[text], background);
        if (ratio < AA) failures.push(`${text} ${colors[text]} on ${where} ${background}: ${ratio.toFixed(2)}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the labels of every coloured chip and cell at 4.5:1 or more', () => {
    const pairs: [string, { background: string; text: string }][] = [
      ...Object.entries(PLENARY_SEMAFORO).map(([k, s]) => [`plenary ${k}`, s] as [string, typeof s]),
      ['plenary no colour', NO_COLOR_STYLE],
      ...Object.entries(MESA_SEMAFORO).map(([k, s]) => [`mesa ${k}`, s] as [string, typeof s]),
      ['few cases', FEW_CASES_STYLE],
      // the patrol heat table: one count per colour class of a table whose busiest hour has 50
      ...[0, ...BLUES_5.map((_, i) => 1 + i * 10)].map(
        (n) => [`heat ${n}/50`, heatShade(n, 50)] as [string, ReturnType<typeof heatShade>],
      ),
    ];
    // every class of the heat scale is reached
    expect(new Set(pairs.filter(([name]) => name.startsWith('heat')).map(([, s]) => s.background)).size).toBe(6);
    const failures = pairs
      .map(([name, s]) => ({ name, ratio: contrast(s.text, s.background) }))
      .filter(({ ratio }) => ratio < AA)
      .map(({ name, ratio }) => `${name}: ${ratio.toFixed(2)}:1`);
    expect(failures).toEqual([]);
  });
});
