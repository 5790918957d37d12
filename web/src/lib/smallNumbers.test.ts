// Hand-written cases of the rules stated in smallNumbers.ts and on the method page.
import { describe, expect, it } from 'vitest';
import {
  changeLabel,
  changeTone,
  changeWords,
  fewCasesLabel,
  incidents,
  semaforoHasEnoughCases,
  percentWords,
  rankByRateWithFloor,
  rateIsShown,
} from './smallNumbers.ts';

describe('honest small numbers', () => {
  it('uses Spanish plurals', () => {
    expect(incidents(1)).toBe('1 incidente');
    expect(incidents(2)).toBe('2 incidentes');
    expect(incidents(0)).toBe('0 incidentes');
    expect(incidents(1204)).toBe('1,204 incidentes');
  });

  it('words changes without double signs', () => {
    expect(changeWords(-9)).toBe('baja 9');
    expect(changeWords(12)).toBe('sube 12');
    expect(changeWords(0)).toBe('sin cambio');
    expect(percentWords(12)).toBe('sube 12.0 %');
    expect(percentWords(-9.04)).toBe('baja 9.0 %');
    expect(percentWords(null)).toBe('—');
  });

  it('colours a change only when both periods have at least 10 incidents', () => {
    expect(changeTone(1, 2)).toBe('few');
    expect(changeTone(9, 40)).toBe('few');
    expect(changeTone(10, 12)).toBe('up');
    expect(changeTone(30, 12)).toBe('down');
    expect(changeTone(10, 10)).toBe('flat');
    expect(changeTone(null, 12)).toBe('few');
    expect(changeLabel(1, 2, 100)).toBe('pocos casos');
    expect(changeLabel(20, 25, 25)).toBe('sube 25.0 %');
  });

  it('greys rates of small populations and ranks them last', () => {
    expect(rateIsShown(326)).toBe(false);
    expect(rateIsShown(1000)).toBe(true);
    expect(rateIsShown(null)).toBe(false);
    const ranked = rankByRateWithFloor([
      { id: 'tiny', population: 326, rate: 306.7 },
      { id: 'big', population: 20000, rate: 50 },
      { id: 'mid', population: 5000, rate: 80 },
      { id: 'none', population: null, rate: null },
    ]);
    expect(ranked.map((i) => i.id)).toEqual(['mid', 'big', 'tiny', 'none']);
  });

  it('gives a semáforo colour only with 10 or more cases in the month and in the baseline mean', () => {
    expect(semaforoHasEnoughCases(16, 7.6)).toBe(false);
    expect(semaforoHasEnoughCases(9, 40)).toBe(false);
    expect(semaforoHasEnoughCases(10, 10)).toBe(true);
    expect(semaforoHasEnoughCases(null, 12)).toBe(false);
    expect(fewCasesLabel('Rojo')).toBe('Pocos casos (la regla daría Rojo)');
  });
});
