import { describe, expect, it } from 'vitest';
import { classifyArticle, resolveEventTime, victimCount } from './index.ts';
import {
  expectedCategories,
  expectedLabels,
  readNewsSample,
  SAMPLE_LABELS,
} from '../../../tests/support/news/sample-labels.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';

/** the news sample is not in the repository */
const noSample = sharedDataMissing([SHARED.newsSample]);

/** The sample's `date` is a day, a month ("2023-12") or null; only a day anchors relative dates. */
const publishedOf = (date: string | null) => (date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : null);

describe.skipIf(noSample)('classifyArticle on the 24 real articles of the news sample', () => {
  const sample = noSample ? [] : readNewsSample();
  const results = sample.map((a) => ({ a, c: classifyArticle({ text: a.text, publishedAt: publishedOf(a.date) }) }));

  it('reads all 24 records', () => {
    expect(sample).toHaveLength(24);
  });

  it('recognises every one as an incident report (all are annotated `incident`)', () => {
    const wrong = results
      .filter(({ a, c }) => (a.annot_kind === 'incident') !== (c.kind === 'incident'))
      .map(({ a, c }) => `${a.id}: ${c.kind}`);
    expect(wrong).toEqual([]);
  });

  it('names a primary category among the (checked) annotated ones for at least 22 of 24', () => {
    const misses = results
      .filter(({ a, c }) => !c.primary || !expectedCategories(expectedLabels(a)).has(c.primary))
      .map(({ a, c }) => `${a.id}: ${c.primary} ∉ ${expectedLabels(a).join(',')}`);
    console.info(`news-sample primary-category accuracy: ${24 - misses.length}/24`, misses);
    expect(misses.length).toBeLessThanOrEqual(2);
  });

  it('finds most annotated labels (recall) without inventing many (precision)', () => {
    let tp = 0;
    let fn = 0;
    let fp = 0;
    for (const { a, c } of results) {
      const labels = expectedLabels(a);
      for (const l of labels) c.categories.some((cat) => SAMPLE_LABELS[l]!.includes(cat)) ? tp++ : fn++;
      const allowed = expectedCategories(labels);
      fp += c.categories.filter((cat) => !allowed.has(cat)).length;
    }
    const recall = tp / (tp + fn);
    const precision = tp / (tp + fp);
    console.info(
      `news-sample label recall ${recall.toFixed(2)} (${tp}/${tp + fn}), precision ${precision.toFixed(2)} (${tp}/${tp + fp})`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.75);
    expect(precision).toBeGreaterThanOrEqual(0.75);
  });

  it('does not take a "levantón" that the text says was not confirmed (pg-b3619142f2)', () => {
    const c = results.find(({ a }) => a.id === 'pg-b3619142f2')!.c;
    expect(c.categories).not.toContain('secuestro');
    expect(c.primary).toBe('robo_vehiculo');
  });

  it('reads the relative and explicit dates of the sample against the publication date', () => {
    const when = (id: string) => results.find(({ a }) => a.id === id)!.c.when;
    // "La noche del lunes", published Wednesday 2014-06-11 → Monday 2014-06-09.
    expect(when('pg-a5e4654803')).toMatchObject({ date: '2014-06-09', basis: 'relative' });
    // "la tarde de este miércoles … alrededor de las 17:00 horas", published Wednesday 2025-10-08.
    expect(when('pg-6df88f779e')).toMatchObject({ date: '2025-10-08', hour: 17 });
    // "a las 14:18 horas del pasado martes 10 de octubre", published 2023-10-12.
    expect(when('pg-f9f06f8cc9')).toMatchObject({ date: '2023-10-10', hour: 14, minute: 18, basis: 'explicit' });
    // "la noche del jueves", published Saturday 2021-11-27 → Thursday 2021-11-25.
    expect(when('pg-924d712210')).toMatchObject({ date: '2021-11-25' });
  });

  it('counts the victims the text states', () => {
    const victims = (id: string) => results.find(({ a }) => a.id === id)!.c.victims;
    expect(victims('pg-a5e4654803')).toBe(6); // "seis personas fueron asesinadas"
    expect(victims('pg-47dc79cf6b')).toBe(2); // "dos pasajeros fueron asesinados"
    expect(victims('pg-6e37320142')).toBe(4); // "una persona murió y tres más resultaron heridas"
    expect(victims('pg-6df88f779e')).toBe(2); // "dejó como saldo una persona muerta, un lesionado y un detenido"
  });
});

describe('classifyArticle on hand-written sentences', () => {
  it('marks an attempt, the suspects and a robbery without violence', () => {
    const c = classifyArticle({
      title: 'Detienen a presunto ladrón tras intento de robo sin violencia',
      text: 'Policías detuvieron ayer a un hombre en la colonia Doctores tras un intento de robo sin violencia a un transeúnte.',
    });
    expect(c).toMatchObject({
      kind: 'incident',
      primary: 'robo_transeunte',
      attempt: true,
      alleged: true,
      violence: 'sin',
    });
  });

  it.each([
    ['Asesinan a comerciante en Tepito', 'homicidio_doloso'],
    ['Hallan ultimado a un hombre en calles de Iztacalco', 'homicidio_doloso'],
    ['Joven resulta herido de bala en la colonia Morelos', 'lesiones_arma_fuego'],
    ['Denuncian levantón de un taxista en Tláhuac', 'secuestro'],
    ['Hombre fue privado de la libertad en la colonia Centro', 'secuestro'],
    ['Detienen a extorsionadores que exigían cobro de piso', 'extorsion'],
    ['Cae narcomenudista en la colonia Guerrero', 'narcomenudeo'],
    ['Investigan feminicidio en Xochimilco', 'feminicidio'],
    ['Asalto a transeúnte en Insurgentes', 'robo_transeunte'],
    ['Reportan robo de vehículo con violencia en Azcapotzalco', 'robo_vehiculo'],
    ['Asaltan a cuentahabiente al salir del banco en Coyoacán', 'robo_cuentahabiente'],
    ['Detienen a carterista por robo en el Metro Pino Suárez', 'robo_metro'],
    ['Asaltan a pasajeros de un microbús en Iztapalapa', 'robo_microbus'],
    ['Aumenta el robo en transporte público', 'robo_transporte_otro'],
  ])('headline %j → %s', (title, category) => {
    expect(classifyArticle({ title, text: '' }).categories[0]).toBe(category);
  });

  it('tells statistics pieces, advisories and opinion from incident reports', () => {
    const stats = classifyArticle({
      title: 'Baja 12% el robo a transeúnte en la capital',
      text: 'Las cifras del Secretariado Ejecutivo muestran que las carpetas de investigación por robo bajaron 12 por ciento en lo que va del año, comparado con el mismo periodo del año anterior.',
    });
    expect(stats.kind).toBe('statistics');
    const advisory = classifyArticle({
      title: 'Recomendaciones para evitar un robo en el transporte',
      text: 'Te decimos cómo evitar ser víctima de robo: toma precauciones, mantente alerta y guarda los números de emergencia.',
    });
    expect(advisory.kind).toBe('advisory');
    const opinion = classifyArticle({
      title: 'Opinión: la extorsión que nadie denuncia',
      text: 'Creo que la ciudad no ha entendido el problema.',
    });
    expect(opinion.kind).toBe('opinion');
    const none = classifyArticle({
      title: 'Inauguran muestra gastronómica',
      text: 'El gobierno municipal presentó la muestra comercial.',
    });
    expect(none).toMatchObject({ kind: 'other', categories: [] });
  });
});

describe('resolveEventTime', () => {
  // 2025-10-15 is a Wednesday; 03:30Z on the 16th is still the 15th in Mexico City (UTC−6).
  const published = '2025-10-16T03:30:00Z';
  it.each([
    ['Ocurrió ayer por la tarde.', '2025-10-14'],
    ['Fue anoche, en la colonia Roma.', '2025-10-14'],
    ['La noche del domingo un hombre fue atacado.', '2025-10-12'],
    ['Este martes fue detenido.', '2025-10-14'],
    ['Este miércoles fue detenido.', '2025-10-15'],
    ['El pasado miércoles fue detenido.', '2025-10-08'],
    ['El 3 de octubre fue detenido.', '2025-10-03'],
    ['El 30 de diciembre fue detenido.', '2024-12-30'],
  ])('%j → %s', (text, date) => {
    expect(resolveEventTime(text, published)?.date).toBe(date);
  });

  it('reads clock times, including "de la noche"', () => {
    expect(resolveEventTime('alrededor de las 9:45 de la noche', published)).toMatchObject({ hour: 21, minute: 45 });
    expect(resolveEventTime('a las 17 horas', published)).toMatchObject({ hour: 17, minute: 0 });
  });

  it('falls back to the publication date, and to null without one', () => {
    expect(resolveEventTime('Sin fecha en el texto.', published)).toMatchObject({
      date: '2025-10-15',
      basis: 'published',
    });
    expect(resolveEventTime('Sin fecha en el texto.', null)).toBeNull();
  });
});

describe('victimCount', () => {
  it.each([
    ['Tres jóvenes fueron baleados afuera de un bar.', 3],
    ['Dos personas murieron en el ataque.', 2],
    ['El ataque dejó heridos a 5 comerciantes.', 5],
    ['Un hombre de 25 años fue detenido.', null],
    ['La balacera dejó como saldo una persona muerta, un lesionado y un detenido.', 2],
    ['El ataque deja un muerto y tres heridos en Iztapalapa.', 4],
  ])('%j → %s', (text, n) => {
    expect(victimCount(text)).toBe(n);
  });
});
