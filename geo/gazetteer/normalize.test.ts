import { describe, expect, it } from 'vitest';
import { fold, parseName, repairMojibake, tokenize } from './normalize.ts';

describe('fold', () => {
  it('lower-cases and strips accents without changing length (UTF-16 offsets stay valid)', () => {
    const s = 'Álvaro Obregón, Ñuñoa — Coyoacán 😀';
    expect(fold(s)).toBe('alvaro obregon, nunoa — coyoacan 😀');
    expect(fold(s).length).toBe(s.length);
  });
});

describe('repairMojibake', () => {
  it('repairs UTF-8 read as Latin-1 as in the FGJ export', () => {
    expect(repairMojibake('LOS Ã\u0081NGELES (VILLA MILPA ALTA)')).toBe('LOS ÁNGELES (VILLA MILPA ALTA)');
    expect(repairMojibake('SAN JERÃ\u0093NIMO MIACATLÃ\u0081N')).toBe('SAN JERÓNIMO MIACATLÁN');
  });
  it('leaves clean text alone', () => {
    expect(repairMojibake('SAN JOSÉ')).toBe('SAN JOSÉ');
  });
});

describe('tokenize', () => {
  it('gives word spans in the original text', () => {
    const text = 'Col. Doctores';
    const t = tokenize(text);
    expect(t.map((x) => [x.text, x.start, x.end])).toEqual([
      ['col', 0, 3],
      ['.', 3, 4],
      ['doctores', 5, 13],
    ]);
    expect(t[0]!.capitalised).toBe(true);
  });
});

describe('parseName', () => {
  it('peels IECM kind qualifiers', () => {
    expect(parseName('ALBARRADAS (U HAB)')).toMatchObject({ core: ['albarradas'], kinds: ['u_hab'], section: null });
    expect(parseName('SAN PABLO OZTOTEPEC (PBLO)')).toMatchObject({
      core: ['san', 'pablo', 'oztotepec'],
      kinds: ['pueblo'],
    });
  });
  it('keeps a parenthesised pueblo as a qualifier', () => {
    expect(parseName('SAN MIGUEL (SAN PABLO OZTOTEPEC)')).toMatchObject({
      core: ['san', 'miguel'],
      qualifiers: [['san', 'pablo', 'oztotepec']],
    });
  });
  it('reads section numbering in its written forms', () => {
    expect(parseName('ZONA ESCOLAR II').section).toBe(2);
    expect(parseName('EMILIANO ZAPATA 1A SECCION')).toMatchObject({ core: ['emiliano', 'zapata'], section: 1 });
    expect(parseName('Presidentes Ejidales Segunda Sección')).toMatchObject({
      core: ['presidentes', 'ejidales'],
      section: 2,
    });
    expect(parseName('VILLA PANAMERICANA 3ERA. SECCIÓN (U HAB)')).toMatchObject({
      core: ['villa', 'panamericana'],
      section: 3,
    });
    expect(parseName('SAN SALVADOR CUAUHTENCO SECCION III').section).toBe(3);
    expect(parseName('CROC CULHUACAN SECC 6 (U HAB)').section).toBe(6);
  });
  it('keeps a street-like number that is part of the name', () => {
    expect(parseName('NORTE 76').core).toEqual(['norte', '76']);
  });
  it('marks ampliaciones and expands abbreviations', () => {
    expect(parseName('COSMOPOLITA (AMPL)').core).toEqual(['ampliacion', 'cosmopolita']);
    expect(parseName('Ampl. Cosmopolita').core).toEqual(['ampliacion', 'cosmopolita']);
    expect(parseName('U. Hab. Gavilán')).toMatchObject({ core: ['gavilan'], kinds: ['u_hab'] });
    expect(parseName('STA. CRUZ (VILLA MILPA ALTA)').core).toEqual(['santa', 'cruz']);
  });
});

describe('decomposed (NFD) accents', () => {
  it('keeps a word whole and its span in original code units', () => {
    const text = 'en Coyoaca\u0301n hoy';
    const t = tokenize(text);
    expect(t.map((x) => [x.text, x.start, x.end])).toEqual([
      ['en', 0, 2],
      ['coyoacan', 3, 12],
      ['hoy', 13, 16],
    ]);
  });
});
