// Hand-written features shaped like /api/boundaries answers (id, name, alcaldia_id).
import { describe, expect, it } from 'vitest';
import { foldText, matchTerritory, territoryOptions } from './territory.ts';

const alcaldias = [
  { properties: { id: '09010', name: 'Álvaro Obregón' } },
  { properties: { id: '09003', name: 'Coyoacán' } },
];
const sectors2016 = [{ properties: { id: 'S16-1', name: 'Coyoacán', alcaldia_id: '09003' } }];
const sectors2023 = [
  { properties: { id: 'S23-1', name: 'Coyoacán', alcaldia_id: '09003' } },
  { properties: { id: 'S16-1', name: 'Coyoacán', alcaldia_id: '09003' } },
];

describe('territory picker', () => {
  it('folds case and accents', () => {
    expect(foldText('  Álvaro OBREGÓN ')).toBe('alvaro obregon');
  });

  it('labels alcaldías and sectores by name, numbering and alcaldía, once per id', () => {
    const options = territoryOptions(alcaldias, [
      { vintage: '2016', features: sectors2016 },
      { vintage: '2023', features: sectors2023 },
    ]);
    expect(options.map((o) => o.label)).toEqual([
      'Alcaldía Álvaro Obregón',
      'Alcaldía Coyoacán',
      'Sector Coyoacán (2016) · Coyoacán',
      'Sector Coyoacán (2023) · Coyoacán',
    ]);
  });

  it('matches every word, without accents', () => {
    const options = territoryOptions(alcaldias, [{ vintage: '2023', features: sectors2023.slice(0, 1) }]);
    expect(matchTerritory(options, 'alvaro').map((o) => o.id)).toEqual(['09010']);
    expect(matchTerritory(options, 'sector coyoacan 2023').map((o) => o.id)).toEqual(['S23-1']);
    expect(matchTerritory(options, '   ')).toEqual([]);
  });
});
