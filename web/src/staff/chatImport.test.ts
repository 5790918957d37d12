// Hand-written values: the panel's wording against strings written out by hand.
import { describe, expect, it } from 'vitest';
import { chatDay, chatFormatLabel, count, placeName, samplePlace } from './chatImport.ts';

describe('chat import wording', () => {
  it('writes the export day in Spanish without shifting it by the time zone', () => {
    expect(chatDay('2024-05-12')).toBe('12 may 2024');
    expect(chatDay('2024-01-01')).toBe('1 ene 2024');
    expect(chatDay('no es fecha')).toBe('no es fecha');
  });
  it('uses the singular for one and groups thousands', () => {
    expect(count(1, 'mensaje', 'mensajes')).toBe('1 mensaje');
    expect(count(0, 'mensaje', 'mensajes')).toBe('0 mensajes');
    expect(count(1234, 'mensaje', 'mensajes')).toBe('1,234 mensajes');
  });
  it('names the app and the place, or says the message is not placed', () => {
    expect(chatFormatLabel('whatsapp-ios')).toBe('WhatsApp, iPhone');
    expect(samplePlace({ colonia: 'ROMA NORTE III', alcaldia: 'Cuauhtémoc' })).toBe('Roma Norte III, Cuauhtémoc');
    expect(samplePlace({ colonia: null, alcaldia: 'Cuauhtémoc' })).toBe('Cuauhtémoc');
    expect(samplePlace({ colonia: null, alcaldia: null })).toBe('sin ubicar');
  });
  it('reads catalogue capitals as a name, and leaves names already written in mixed case alone', () => {
    expect(placeName('SANTA MARÍA DE LA RIBERA')).toBe('Santa María de la Ribera');
    expect(placeName('DEL VALLE II')).toBe('Del Valle II');
    expect(placeName('Cuauhtémoc')).toBe('Cuauhtémoc');
  });
});
