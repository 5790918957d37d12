import { describe, expect, it } from 'vitest';
import { namedEntities, shareDistinctiveEntity, withoutOrganisationNames } from './entities.ts';

// Hand-written sentences in the styles of prosecutors' releases and crime pages (not real news).
const keys = (text: string) =>
  namedEntities(text)
    .map((e) => e.key)
    .sort();

describe('namedEntities', () => {
  it('reads names with the withheld surname in every quoting style, without the words before them', () => {
    expect(keys('Detuvieron al joven Brandon Ulises "N", de 24 años.')).toEqual(['person:brandon ulises']);
    expect(keys('Se les acabó la fiesta a Brandon Ulises N. y a Luis “N”.')).toEqual([
      'person:brandon ulises',
      'person:luis',
    ]);
    expect(keys("El detenido, identificado como Kevin 'N', fue presentado.")).toEqual(['person:kevin']);
  });

  it('does not take a capitalised word before a full stop for a withheld surname', () => {
    expect(keys('Ocurrió en la colonia San Juan. Nadie resultó herido.')).toEqual([]);
  });

  it('reads criminal groups, vehicles by make and model, plates and corners in either order', () => {
    expect(keys('tres integrantes de La Unión Tepito')).toContain('group:la union tepito');
    expect(keys('una célula delictiva de Los Rodolfos')).toContain('group:los rodolfos');
    expect(keys('conducía una motocicleta Italika FT150 roja')).toEqual(['vehicle:italika ft150']);
    expect(keys('huyeron en un auto con placas MLR-214-C')).toEqual(['plate:mlr214c']);
    const a = keys('en la esquina de Tenochtitlan y Jesús Carranza cuando llegó');
    const b = keys('en el cruce de Jesús Carranza y Tenochtitlan, en la Morelos');
    expect(a).toEqual(['corner:jesus carranza tenochtitlan']);
    expect(b).toEqual(a);
  });

  it('reads a known make without a vehicle noun before it, as colloquial reports name a car', () => {
    expect(keys('Desde un Chevrolet Aveo blanco le dispararon')).toEqual(['vehicle:chevrolet aveo']);
    expect(keys('se subieron a un Nissan y huyeron')).toEqual(['vehicle:nissan']);
  });

  it('skips words after a vehicle noun that are not makes', () => {
    expect(keys('un taxi de la CDMX y un auto Con placas')).toEqual([]);
  });
});

describe('shareDistinctiveEntity', () => {
  const one = namedEntities('detuvieron a Juan "N" en una camioneta Nissan');
  const other = namedEntities('cayó Juan N. con una camioneta Nissan');
  it('a one-word name or a bare make is weak: it counts only when the caller has other agreement', () => {
    expect(shareDistinctiveEntity(one, other)).toBe(false);
    expect(shareDistinctiveEntity(one, other, true)).toBe(true);
  });

  it('a two-word name, a plate, a group or a corner is enough on its own', () => {
    expect(shareDistinctiveEntity(namedEntities('Brandon Ulises "N"'), namedEntities('Brandon Ulises N.'))).toBe(true);
    expect(shareDistinctiveEntity(namedEntities('placas MLR-214-C'), namedEntities('placas MLR 214 C'))).toBe(true);
    expect(shareDistinctiveEntity(namedEntities('Brandon Ulises "N"'), namedEntities('Kevin Alejandro "N"'))).toBe(
      false,
    );
  });
});

describe('withoutOrganisationNames', () => {
  // Hand-written: a group named after a barrio, in an arrest made elsewhere.
  it('blanks the names of criminal groups, keeping the offsets of everything else', () => {
    const text =
      'Detienen a tres de La Unión Tepito en la Gustavo A. Madero; una célula del Cártel de Tláhuac también.';
    const out = withoutOrganisationNames(text);
    expect(out).toHaveLength(text.length);
    expect(out).not.toMatch(/Tepito|Tl[aá]huac/);
    expect(out.indexOf('Gustavo A. Madero')).toBe(text.indexOf('Gustavo A. Madero'));
  });
});
