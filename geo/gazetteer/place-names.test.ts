import { describe, expect, it } from 'vitest';
import { FuzzyNames, nameVariants, placeWords, searchName } from './place-names.ts';

// Hand-written table: how people write a name → the words a gazetteer stores for it.
describe('place-name normaliser', () => {
  it.each([
    ['Av. Insurgentes Sur', 'avenida insurgentes sur'],
    ['Avda Universidad', 'avenida universidad'],
    ['Calz. de Tlalpan', 'calzada de tlalpan'],
    ['Blvd. Puerto Aéreo', 'boulevard puerto aereo'],
    ['Prol. División del Norte', 'prolongacion division del norte'],
    ['Eje 1 Pte.', 'eje 1 poniente'],
    ['Gral. Anaya', 'general anaya'],
    ['Pueblo Sta. Cruz Atoyac', 'pueblo santa cruz atoyac'],
    ['Fco. Villa', 'francisco villa'],
    ['Cd. Universitaria', 'ciudad universitaria'],
    ['Mb Nuevo León', 'metrobus nuevo leon'],
    ['Eje 10 Sur', 'eje 10 sur'],
  ])('%s → %s', (written, stored) => expect(placeWords(written).join(' ')).toBe(stored));

  it('stores names with and without a leading article, and both halves of a double name', () => {
    expect(nameVariants('La Raza').map((v) => v.join(' '))).toEqual(['la raza', 'raza']);
    expect(nameVariants('El Rosario').map((v) => v.join(' '))).toContain('rosario');
    expect(nameVariants('Garibaldi y Lagunilla').map((v) => v.join(' '))).toEqual(
      expect.arrayContaining(['garibaldi', 'lagunilla']),
    );
  });

  it('reads a search box query as the place it asks for', () => {
    expect(searchName('metro hidalgo')).toBe('hidalgo');
    expect(searchName('Estación Hidalgo')).toBe('hidalgo');
    expect(searchName('col doctores')).toBe('doctores');
    expect(searchName('Metro La Raza')).toBe('raza');
    expect(searchName('metro')).toBe('metro');
  });

  it('forgives a small typo only in words of 6+ letters, and only for names of the same length', () => {
    const f = new FuzzyNames<string>();
    for (const n of ['garibaldi', 'chabacano', 'pino suarez', 'roma', 'miguel hidalgo']) f.add(n.split(' '), n);
    expect(f.search(['garibaldy'])).toEqual(['garibaldi']);
    expect(f.search(['chabacnao'])).toEqual(['chabacano']);
    expect(f.search(['pino', 'suares'])).toEqual(['pino suarez']);
    expect(f.search(['rima'])).toEqual([]); // 4 letters: no tolerance
    expect(f.search(['hidalgo'])).toEqual([]); // "Miguel Hidalgo" has another word
  });
});
