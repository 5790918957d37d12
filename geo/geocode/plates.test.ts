/** Plate-like codes (hand-written examples): found where people write them, and nothing else is touched. */
import { describe, expect, it } from 'vitest';
import { maskPlates, plateSpans } from './plates.ts';

const codes = (text: string) => plateSpans(text).map(([s, e]) => text.slice(s, e));

describe('plate-like codes', () => {
  it.each([
    ['taxi con placas A12-345', 'A12-345'],
    ['un auto con placas 123-ABC se dio a la fuga', '123-ABC'],
    ['placas de circulación MXA-12-34', 'MXA-12-34'],
    ['el taxi A-123-BCD lo asaltó', 'A-123-BCD'],
    ['matrícula: 5ABC123', '5ABC123'],
    ['taxi con placas P-1.3.8 en la colonia Doctores', 'P-1.3.8'],
  ])('%s → %s', (text, code) => {
    expect(codes(text)).toContain(code);
  });

  it.each([
    'Eje 1 Pte. y calle 2a cerrada de Moctezuma',
    'Moctezuma 2a Sección, C.P. 15530',
    'cuadrante P-1.3.8 de la alcaldía Álvaro Obregón',
    'línea 12 rumbo a Tláhuac, L-12',
    'autos con placas del Estado de México',
    'Av. 5 de Mayo 32, Centro',
  ])('no code in "%s"', (text) => {
    expect(codes(text)).toEqual([]);
  });

  it('keeps the length and the words around the code', () => {
    const text = 'Calzada de Tlalpan A12-345 esquina con Taxqueña';
    const masked = maskPlates(text);
    expect(masked).toHaveLength(text.length);
    expect(masked.replace(/\s+/g, ' ')).toBe('Calzada de Tlalpan esquina con Taxqueña');
  });
});
