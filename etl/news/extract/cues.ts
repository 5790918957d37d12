/**
 * The Spanish cues that open something inserted into an article that is not its prose. Written
 * once, folded (lower case, no accents: see `foldText`), and read two ways: a paragraph that starts
 * with any of them is an insert (body.ts), and in text whose block boundaries were lost a story
 * link's cue followed by a colon is cut with the headline after it (flat-text.ts), on the raw text,
 * through `accentTolerant`.
 */

/** "Lee también: <another story's headline>": links to other stories. */
export const STORY_LINK_CUES = [
  'lee tambien',
  'lea tambien',
  'leer tambien',
  'tambien lee',
  'te recomendamos',
  'te puede interesar',
  'te podria interesar',
  'podria interesarte',
  'puede interesarte',
  'quiza te interese',
  'lee mas',
  'leer mas',
  'mira tambien',
  'checa tambien',
  've tambien',
  'ademas lee',
  'relacionad[oa]s?',
  'en video',
] as const;

/** Follow and subscribe prompts, newsletter and app boxes, update stamps. */
export const PROMPT_CUES = [
  'puedes leer',
  'sigue leyendo',
  'mas informacion',
  'video:',
  'sigue nuestro canal',
  'siguenos',
  'suscribete',
  'unete',
  'recibe (las|nuestras) noticias',
  'no te pierdas',
  'para mas informacion visita',
  'descarga nuestra app',
  'continua leyendo',
  'ultima actualizacion',
  'escrito en ',
] as const;

const ACCENTED: Record<string, string> = { a: '[aá]', e: '[eé]', i: '[ií]', o: '[oó]', u: '[uúü]', n: '[nñ]' };

/**
 * A folded cue as a pattern that also matches the raw text's accents ("tambien" → "tambi[eé]n"
 * and so on); character classes already in the cue (`[oa]`) are kept as they are. Use with the `i` flag.
 */
export function accentTolerant(folded: string): string {
  let out = '';
  let inClass = false;
  for (const ch of folded) {
    if (ch === '[') inClass = true;
    else if (ch === ']') inClass = false;
    out += inClass || ch === ']' ? ch : (ACCENTED[ch] ?? ch);
  }
  return out;
}
