/**
 * Derived test articles, labelled as such: reports of the same events as real articles of the news
 * sample, built in memory. Never real text by another outlet:
 * - `rewrittenHeadline` / `trimmedCopy` transform the real text (a syndicated copy under another
 *   headline; a copy cut after its first paragraphs) and exist only in memory during tests;
 * - `SECOND_OUTLET_REPORTS` are short reports written by hand for these tests from the facts the
 *   real article states (place, time, victims), in other words, as a second outlet would.
 */
import type { SampleArticle } from './sample-labels.ts';

export interface DerivedArticle {
  /** `derived:<kind>:<id of the real article>` */
  id: string;
  derivedFrom: string;
  title: string;
  text: string;
}

function paragraphs(text: string): string[] {
  return text
    .split(/\n+/)
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
}

/** The same body under another headline (syndication). */
export function rewrittenHeadline(a: SampleArticle, title: string): DerivedArticle {
  return { id: `derived:headline:${a.id}`, derivedFrom: a.id, title, text: a.text };
}

/** The first `share` of the paragraphs (a copy cut short), at least one. */
export function trimmedCopy(a: SampleArticle, share = 0.6): DerivedArticle {
  const p = paragraphs(a.text);
  const kept = p.slice(0, Math.max(1, Math.ceil(p.length * share)));
  return { id: `derived:trimmed:${a.id}`, derivedFrom: a.id, title: '', text: kept.join('\n\n') };
}

/** Hand-written second-outlet reports of the events of real sample articles (facts only). */
export const SECOND_OUTLET_REPORTS: Record<string, { title: string; text: string }> = {
  // The shooting on calle Norte 76, colonia Emiliano Zapata, Gustavo A. Madero (published 2025-10-08).
  'pg-6df88f779e': {
    title: 'Ataque a balazos en la Emiliano Zapata, GAM: un muerto y un joven herido',
    text:
      'Un hombre murió y un joven de 18 años resultó herido de bala este miércoles en la calle Norte 76 de la colonia Emiliano Zapata, ' +
      'en la alcaldía Gustavo A. Madero. Los disparos se escucharon cerca de las 17:00 horas. Paramédicos del ERUM llevaron al joven ' +
      'al Hospital La Villa; peritos de la Fiscalía capitalina levantaron el cuerpo. Un presunto agresor fue detenido.',
  },
  // The woman shot dead on calle Diligencias, colonia Tlalpan Centro (published 2025-10-20).
  'pg-4b7eeca0dc': {
    title: 'Matan a balazos a una mujer en la calle Diligencias, Tlalpan Centro',
    text:
      'Una mujer de entre 30 y 35 años fue asesinada a balazos la mañana de este lunes frente al número 146 de la calle Diligencias, ' +
      'cerca de 5 de Mayo, en la colonia Tlalpan Centro. Vecinos escucharon unas diez detonaciones; los agresores huyeron en una ' +
      'motocicleta negra. Paramédicos de Protección Civil confirmaron que ya no tenía signos vitales. Se investiga como feminicidio.',
  },
};

export function secondOutletReport(a: SampleArticle): DerivedArticle {
  const r = SECOND_OUTLET_REPORTS[a.id];
  if (!r) throw new Error(`no hand-written second report for ${a.id}`);
  return { id: `derived:second-outlet:${a.id}`, derivedFrom: a.id, ...r };
}
