// Hand-written examples (not data): the derived identity of rows without a record id.
import { describe, expect, it } from 'vitest';
import { DerivedIdentity, definingHash } from './identity.ts';
import { parseCoordinate } from './rows.ts';

const row = [
  '2023-03-15',
  '14:20:00',
  'INVESTIGACIÓN EN CUAUHTÉMOC',
  'CUH-1',
  'UI-1SD',
  'ROBO A TRANSEUNTE EN VIA PUBLICA CON VIOLENCIA',
];

describe('derived identity', () => {
  it('identical defining fields get ordinals 1, 2, … in file order; other fields get another hash', () => {
    const ids = new DerivedIdentity();
    const a = ids.next(row);
    const b = ids.next(row);
    const c = ids.next([...row.slice(0, 5), 'HOMICIDIO POR ARMA DE FUEGO']);
    expect(a.endsWith('.1')).toBe(true);
    expect(b).toBe(`${a.slice(0, -2)}.2`);
    expect(c.endsWith('.1')).toBe(true);
    expect(c.slice(0, -2)).not.toBe(a.slice(0, -2));
  });

  it('a publication that only repairs the encoding, the accents or the spacing keeps the identity', () => {
    const mojibake = [
      '2023-03-15',
      '14:20:00',
      'INVESTIGACIÃ“N EN CUAUHTÃ‰MOC',
      'CUH-1',
      'UI-1SD',
      'robo a  transeunte en vía pública con violencia',
    ];
    expect(definingHash(mojibake)).toBe(definingHash(row));
  });

  it('reads coordinates written with a decimal comma', () => {
    expect(parseCoordinate('19,18753')).toBe(19.18753);
    expect(parseCoordinate('-99.0742')).toBe(-99.0742);
  });
});
