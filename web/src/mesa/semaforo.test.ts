import { describe, expect, it } from 'vitest';
import { formatChange, formatPValue, semaforoStyle, trendRange, trendSentence } from './semaforo.ts';

describe('semáforo display', () => {
  it('labels every colour in words, and a null colour as having no baseline', () => {
    expect(semaforoStyle('verde').label).toBe('Verde');
    expect(semaforoStyle('amarillo').label).toBe('Amarillo');
    expect(semaforoStyle('rojo').label).toBe('Rojo');
    expect(semaforoStyle(null).label).toBe('Sin línea base');
  });

  it('uses three distinct swatches for the three colours', () => {
    const colours = new Set(['verde', 'amarillo', 'rojo', null].map((c) => semaforoStyle(c as never).background));
    expect(colours.size).toBe(4);
  });

  it('formats the change with a real minus sign and one decimal', () => {
    expect(formatChange(-25)).toBe('−25.0 %');
    expect(formatChange(12.345)).toBe('+12.3 %');
    expect(formatChange(0)).toBe('0.0 %');
    expect(formatChange(null)).toBe('—');
  });
});

describe('trend display', () => {
  it('says the direction and the p value', () => {
    expect(trendSentence('up', 0.0123)).toBe('Tendencia al alza (significativa, p = 0.01)');
    expect(trendSentence('down', 0.004)).toBe('Tendencia a la baja (significativa, p = 0.004)');
    expect(trendSentence('none', 0.4249)).toBe('Sin tendencia significativa (p = 0.42)');
    expect(formatPValue(0.00001)).toBe('< 0.001');
  });

  it('covers exactly the last N months up to and including the last one', () => {
    expect(trendRange('2016-09', 12)).toEqual({ from: '2015-10-01', to: '2016-10-01' });
    expect(trendRange('2016-12', 36)).toEqual({ from: '2014-01-01', to: '2017-01-01' });
  });
});
