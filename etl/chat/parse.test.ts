/** Expected values written by hand from the hand-written fixtures in tests/fixtures/chat/. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chatDate, chatTime, parseTelegram, parseWhatsApp, telegramText } from './parse.ts';

const fixture = (name: string) => readFileSync(join(import.meta.dirname, '../../tests/fixtures/chat', name), 'utf8');

describe('parseWhatsApp (Android)', () => {
  const chat = parseWhatsApp(fixture('whatsapp-android.txt'));

  it('reads every header line, system lines and media included, in order', () => {
    expect(chat.format).toBe('whatsapp-android');
    expect(chat.messages.map((m) => [m.date, m.time, m.sender, m.kind])).toEqual([
      ['2024-05-12', '21:03', '', 'system'],
      ['2024-05-12', '21:05', '', 'system'],
      ['2024-05-12', '21:10', 'Doña Lupe', 'text'],
      ['2024-05-12', '22:15', '+52 55 1234 5678', 'text'],
      ['2024-05-12', '22:17', 'Carlos Méndez', 'media'],
      ['2024-05-12', '22:20', 'Carlos Méndez', 'text'],
      ['2024-05-13', '08:02', 'Ana Torres', 'text'],
      ['2024-05-13', '21:15', 'Doña Lupe', 'text'], // "9:15 p. m."
    ]);
  });

  it('joins continuation lines into one multi-line message', () => {
    expect(chat.messages[5]!.text).toBe(
      'Qué horror, yo pasé por ahí hace rato\ny no vi patrullas\ntampoco hay cámaras',
    );
  });

  it('reports malformed lines with reasons, without attaching them to other messages', () => {
    expect(chat.malformed).toEqual([
      { at: 1, reason: 'no_message_header' },
      { at: 11, reason: 'invalid_date' },
    ]);
    expect(chat.messages[6]!.text).not.toContain('fecha imposible');
    expect(chat.messages.some((m) => m.text.includes('que sigue en esta línea'))).toBe(false);
  });
});

describe('parseWhatsApp (iOS)', () => {
  const chat = parseWhatsApp(fixture('whatsapp-ios.txt'));

  it('reads the bracketed layout and tells system notices and attachments by their U+200E mark', () => {
    expect(chat.format).toBe('whatsapp-ios');
    expect(chat.malformed).toEqual([]);
    expect(chat.messages.map((m) => [m.date, m.time, m.sender, m.kind])).toEqual([
      ['2024-06-10', '19:00', 'Vecinos Del Valle (ejemplo)', 'system'],
      ['2024-06-10', '19:02', 'Vecinos Del Valle (ejemplo)', 'system'],
      ['2024-06-10', '20:45', 'Rosa', 'text'],
      ['2024-06-10', '20:46', 'Rosa', 'media'],
      ['2024-06-10', '20:50', 'Memo', 'text'],
      ['2024-06-11', '07:30', 'Memo', 'text'],
    ]);
    expect(chat.messages[4]!.text).toBe('Lo vi, iban en otra moto\nsin placas, hacia Insurgentes');
    expect(chat.messages[3]!.text).toBe('imagen omitida');
  });
});

describe('parseTelegram', () => {
  const chat = parseTelegram(JSON.parse(fixture('telegram.json')));

  it('reads service and text messages, joining text arrays of strings and entities', () => {
    expect(chat.messages.map((m) => [m.date, m.time, m.sender, m.kind])).toEqual([
      ['2024-07-01', '18:00', 'Admin Vecinal', 'system'],
      ['2024-07-01', '21:30', 'Mariana R.', 'text'],
      ['2024-07-01', '21:41', '+52 55 9999 8888', 'text'],
      ['2024-07-01', '22:00', 'Mariana R.', 'text'],
      ['2024-07-02', '08:05', 'Luis', 'media'],
    ]);
    expect(chat.messages[2]!.text).toBe(
      'Ojo vecinos: asaltaron a un señor en la esquina de Carrillo Puerto y Allende, colonia Del Carmen, Coyoacán, le quitaron su cartera con un cuchillo. Mi número por si saben algo: 55 2222 3333',
    );
  });

  it('reports messages without a usable date or text', () => {
    expect(chat.malformed).toEqual([
      { at: 5, reason: 'invalid_date' },
      { at: 6, reason: 'missing_text' },
    ]);
  });

  it('never throws on junk', () => {
    expect(parseTelegram(null).malformed).toEqual([{ at: 0, reason: 'not_an_object' }]);
    expect(
      parseTelegram({ messages: [7, { type: 'message', date: '2024-07-01T25:00:00', from: 'x', text: 'y' }] })
        .malformed,
    ).toEqual([
      { at: 1, reason: 'not_an_object' },
      { at: 2, reason: 'invalid_time' },
    ]);
    expect(telegramText([{ type: 'bold' }])).toBeNull();
  });
});

describe('dates and times', () => {
  it('rejects impossible dates and clocks', () => {
    expect(chatDate('29', '02', '24')).toBe('2024-02-29');
    expect(chatDate('29', '02', '23')).toBeNull();
    expect(chatTime('12', '05', 'a')).toBe('00:05');
    expect(chatTime('12', '05', 'p')).toBe('12:05');
    expect(chatTime('24', '00', undefined)).toBeNull();
  });
});
