import { describe, expect, it } from 'vitest';
import { flatTextParagraphs, withoutInlineInserts } from './flat-text.ts';

// Hand-written in the shape of real flat bodies (JSON-LD articleBody, scraped text): the inserts are
// the ones Mexican news templates print.
describe('flatTextParagraphs', () => {
  it('drops a link insert up to where the next sentence starts, and the follow prompts', () => {
    const flat =
      'Un hombre fue asaltado en la colonia Roma. Te recomendamos: Asesinan a balazos a tres en Plaza Zapotitla, Tláhuac Mientras tanto, la policía revisa las cámaras. Recibe las noticias más importantes a través de nuestro canal de Whatsapp Síguenos en Facebook: La Prensa Oficial y en Twitter: @laprensaoem';
    expect(flatTextParagraphs(flat)).toEqual([
      'Un hombre fue asaltado en la colonia Roma. Mientras tanto, la policía revisa las cámaras.',
    ]);
  });

  it('drops a section label and a teaser set between wide gaps, keeps the prose around them', () => {
    const flat =
      'Una persona murió arrollada en calzada de Tlalpan.          Policiaca                   Alcaldía Cuauhtémoc: SSC detiene a 4 personas por presunta posesión de drogas          Los hechos ocurrieron en la colonia Álamos.';
    expect(flatTextParagraphs(flat)).toEqual([
      'Una persona murió arrollada en calzada de Tlalpan.',
      'Los hechos ocurrieron en la colonia Álamos.',
    ]);
  });

  it('keeps the opening fragment even when it has no full stop (a headline)', () => {
    expect(flatTextParagraphs('Cae ladrón en la Doctores\nLa policía lo detuvo en la calle Dr. Vértiz.')).toEqual([
      'Cae ladrón en la Doctores',
      'La policía lo detuvo en la calle Dr. Vértiz.',
    ]);
  });

  it('prints a body once when the page printed it twice (headline first, then the lead again)', () => {
    const lead =
      'Una mujer perdió la vida la mañana de este viernes al circular en su bicicleta sobre el Eje 5 Oriente, en la colonia Agrícola Oriental.';
    const rest = 'La grúa se dio a la fuga.';
    expect(flatTextParagraphs(`Muere ciclista en Iztacalco: ${lead} ${rest} ${lead} ${rest}`)).toEqual([
      `Muere ciclista en Iztacalco: ${lead} ${rest}`,
    ]);
  });

  it('stops an insert at 30 words when no sentence start follows', () => {
    const words = Array.from({ length: 40 }, (_, i) => `palabra${i}`).join(' ');
    const out = withoutInlineInserts(`Inicio del texto. Lee también: ${words}`);
    expect(out).toBe(`Inicio del texto. ${Array.from({ length: 10 }, (_, i) => `palabra${i + 30}`).join(' ')}`);
  });
});
