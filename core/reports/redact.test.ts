import { describe, expect, it } from 'vitest';
import { redactPersonalData, stripPhones } from './redact.ts';

describe('redactPersonalData', () => {
  it.each([
    ['Llámenme al 55 1234 5678 por favor', 'Llámenme al [teléfono] por favor'],
    ['mi cel +52 1 55-1234-5678.', 'mi cel [teléfono].'],
    ['(55) 1234-5678', '[teléfono]'],
    ['escribe a vecina.roma@example.com si sabes algo', 'escribe a [correo] si sabes algo'],
    ['un auto con placas 7AB-K23 se llevó el bolso', 'un auto con placas [placa] se llevó el bolso'],
    ['el taxi ABC-123-D arrancó', 'el taxi [placa] arrancó'],
    ['moto 123-XYZ y coche A12BCD', 'moto [placa] y coche [placa]'],
  ])('%s', (input, expected) => {
    expect(redactPersonalData(input)).toBe(expected);
  });

  it('leaves dates, times, addresses and Metro lines alone', () => {
    const text = 'El 2024-05-12 a las 22:30 en Insurgentes Sur 1234, Línea 3 del Metro, 3 sujetos';
    expect(redactPersonalData(text)).toBe(text);
  });
});

describe('stripPhones', () => {
  it('drops phone numbers from sender fields', () => {
    expect(stripPhones('+52 55 1234 5678')).toBe('');
    expect(stripPhones('Doña Lupe 5512345678')).toBe('Doña Lupe');
  });
});
