import { describe, expect, it } from 'vitest';
import {
  collapseSpaces,
  fold,
  foldForSearch,
  foldLower,
  foldUpper,
  properName,
  repairMojibake,
  slug,
  stripAccents,
} from './index.ts';

// Hand-written examples; expected values are the Spanish spellings without accents, written out by hand.
describe('geo/text', () => {
  it('fold keeps the length and removes case and accents', () => {
    for (const s of ['Peñón de los Baños', 'ÁLVARO OBREGÓN', 'Tláhuac', 'Ñ']) expect(fold(s)).toHaveLength(s.length);
    expect(fold('Peñón de los Baños')).toBe('penon de los banos');
    expect(fold('ÁLVARO OBREGÓN')).toBe('alvaro obregon');
  });
  it('stripAccents keeps case; decomposed (NFD) accents go too', () => {
    expect(stripAccents('Coyoacán')).toBe('Coyoacan');
    expect(stripAccents('Coyoaca\u0301n')).toBe('Coyoacan');
  });
  it('search, label and pattern forms', () => {
    expect(foldForSearch('Álvaro  Obregón')).toBe('alvaro  obregon');
    expect(foldUpper('  Robo a transeúnte\ten vía pública ')).toBe('ROBO A TRANSEUNTE EN VIA PUBLICA');
    expect(foldLower('“Asaltan”  en Tláhuac')).toBe('"asaltan" en tlahuac');
    expect(collapseSpaces(' a \n b ')).toBe('a b');
    expect(slug('¡Asalto en Álvaro Obregón!')).toBe('asalto-en-alvaro-obregon');
    expect(slug('Álvaro Obregón', '_')).toBe('alvaro_obregon');
  });
  it('repairs UTF-8 read as Latin-1, in both spellings seen in the FGJ exports, and leaves good text alone', () => {
    expect(repairMojibake('SAN JERÃ\u0093NIMO MIACATLÃ\u0081N')).toBe('SAN JERÓNIMO MIACATLÁN');
    expect(repairMojibake('VIOLACIÃ<U+0093>N')).toBe('VIOLACIÓN');
    expect(repairMojibake('ÁLVARO OBREGÓN, PEÑÓN')).toBe('ÁLVARO OBREGÓN, PEÑÓN');
  });
  it('properName writes capitals as Spanish proper names (hand-written examples from INEGI street names)', () => {
    expect(properName('EJE 3 NORTE AVENIDA CUITLÁHUAC')).toBe('Eje 3 Norte Avenida Cuitláhuac');
    expect(properName('PUENTE  DE GUERRA')).toBe('Puente de Guerra');
    expect(properName('3 NORTE (CUITLÁHUAC)')).toBe('3 Norte (Cuitláhuac)');
    expect(properName('DE LOS ANGELES')).toBe('De los Angeles');
    expect(properName('CERRADA DE ANDRÉS XV')).toBe('Cerrada de Andrés XV');
  });
});
