// Hand-written features shaped like /api/boundaries answers (id, name, alcaldia_id).
import { describe, expect, it } from 'vitest';
import { foldText, matchTerritory, territoryEntryLabel, territoryOptions } from './territory.ts';

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

  it('labels alcaldías and sectores by name, numbering and alcaldía, once per id and numbering', () => {
    const options = territoryOptions(alcaldias, [
      { vintage: '2016', features: sectors2016 },
      { vintage: '2023', features: sectors2023 },
    ]);
    expect(options.map((o) => o.label)).toEqual([
      'Alcaldía Álvaro Obregón',
      'Alcaldía Coyoacán',
      'Sector Coyoacán (2016) · Coyoacán',
      'Sector Coyoacán (2023) · Coyoacán',
      'Sector Coyoacán (2023) · Coyoacán',
    ]);
    // the same sector id in both numberings is two options, each naming its numbering
    expect(options.filter((o) => o.kind === 'sector').map((o) => o.id)).toEqual([
      '2016:S16-1',
      '2023:S23-1',
      '2023:S16-1',
    ]);
  });

  it('reads a stored entry back as a label', () => {
    expect(territoryEntryLabel('2023:S16-1')).toBe('Sector S16-1 (2023)');
    expect(territoryEntryLabel('09003')).toBe('09003');
  });

  it('matches every word, without accents', () => {
    const options = territoryOptions(alcaldias, [{ vintage: '2023', features: sectors2023.slice(0, 1) }]);
    expect(matchTerritory(options, 'alvaro').map((o) => o.id)).toEqual(['09010']);
    expect(matchTerritory(options, 'sector coyoacan 2023').map((o) => o.id)).toEqual(['2023:S23-1']);
    expect(matchTerritory(options, '   ')).toEqual([]);
  });
});
