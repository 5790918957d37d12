/**
 * Prose paragraphs of a body that arrives as flat text — JSON-LD `articleBody`, a feed's
 * description, a text-only export — where the page's inserts lost their own paragraphs and now sit
 * inside the prose: "Te recomendamos: <another story's headline>", "Recibe las noticias … en nuestro
 * canal de WhatsApp", "Síguenos en Facebook … @cuenta", a section label with a teaser between wide
 * gaps ("   Policiaca      Alcaldía Cuauhtémoc: SSC detiene a 4 personas   "), and the whole body
 * printed twice. Left in, another story's headline adds its crime and its place to this article's
 * classification and geocoding.
 */
import { collapseWhitespace } from './text.ts';
import { accentTolerant, STORY_LINK_CUES } from './cues.ts';

/**
 * Spanish headlines are written in sentence case, so inside an inserted headline a capitalised
 * function word is where the article's next sentence begins ("… en Plaza Zapotitla, Tláhuac
 * Mientras los efectivos …").
 */
const SENTENCE_STARTERS = new Set(
  (
    'A Al Ante Antes Asimismo Aunque Cabe Como Con Cuando De Del Desde Después Durante El En Entre Esta Este Estos Estas ' +
    'Fue Fueron Hasta La Las Lo Los Luego Mientras Más Minutos Momentos Para Pero Por Posteriormente Según Sin Sobre Tras ' +
    'Un Una Unos Unas Y Ya'
  ).split(' '),
);

/** Cues of a link to another story; what follows them is that story's headline. */
const LINK_CUE = new RegExp(`\\b(?:${STORY_LINK_CUES.map(accentTolerant).join('|')})\\s*:\\s*`, 'giu');
const MAX_HEADLINE_WORDS = 30;

/** Follow and subscribe prompts: from the cue to the channel or the account. */
const PROMPTS = [
  /\brecibe (?:las|nuestras) (?:noticias|notas)\b[^.]{0,160}?\b(?:whats ?app|telegram|correo|bolet[ií]n|newsletter)\b\.?/giu,
  /\bs[ií]guenos en\b[^.]{0,200}?@[\w.]+/giu,
  /\b(?:s[ií]guenos|suscr[ií]bete|[uú]nete) (?:en|a) (?:nuestro canal|facebook|twitter|x|instagram|tiktok|youtube|google news|whats ?app|telegram)\b[^.]{0,80}?(?=[.]|\s{2,}|$)/giu,
];

/** A run of at least three blanks: where the page had a block boundary that flattening lost. */
const WIDE_GAP = /[\s\u00a0]{3,}|\n/;
const TERMINAL = /[.!?…"”»)]\s*$/u;

/** A fragment between block boundaries that is a label or a teaser, not prose: short and unpunctuated. */
function isTeaserFragment(fragment: string): boolean {
  const words = fragment.split(' ').length;
  return words <= 20 && !TERMINAL.test(fragment);
}

/** The end of an inserted headline that starts at `from`: the next sentence's first word, or 30 words. */
function headlineEnd(text: string, from: number): number {
  const word = /\S+/g;
  word.lastIndex = from;
  let count = 0;
  for (let m = word.exec(text); m; m = word.exec(text)) {
    if (count > 0 && SENTENCE_STARTERS.has(m[0])) return m.index;
    count += 1;
    if (/[.!?]$/.test(m[0]) || count >= MAX_HEADLINE_WORDS) return m.index + m[0].length;
  }
  return text.length;
}

/** One paragraph without the link inserts and prompts printed inside it. */
export function withoutInlineInserts(paragraph: string): string {
  let text = paragraph;
  for (const prompt of PROMPTS) text = text.replace(prompt, ' ');
  let out = '';
  let at = 0;
  for (const m of text.matchAll(LINK_CUE)) {
    if (m.index! < at) continue;
    out += text.slice(at, m.index);
    at = headlineEnd(text, m.index! + m[0].length);
  }
  return collapseWhitespace(out + text.slice(at));
}

/**
 * The body once when it was printed twice: cut where its opening recurs. The opening is probed at
 * the start and after the first colon or full stop, since a scrape may print "Headline: lead …" first
 * and the lead alone the second time.
 */
function withoutRepeat(text: string): string {
  const PROBE = 100;
  const starts = [0, text.indexOf(': ') + 2, text.indexOf('. ') + 2].filter((s) => s >= 0 && s < 400);
  for (const start of starts) {
    const probe = text.slice(start, start + PROBE);
    if (probe.length < PROBE) continue;
    const again = text.indexOf(probe, start + PROBE);
    if (again > 0) return text.slice(0, again).trim();
  }
  return text;
}

/** Prose paragraphs of a flat body, inserts and teasers out, whitespace collapsed. */
export function flatTextParagraphs(flat: string): string[] {
  const fragments = flat
    .replace(/<[^>]+>/g, ' ') // a few CMSs put HTML in articleBody
    .split(WIDE_GAP)
    .map((f) => collapseWhitespace(f))
    .filter(Boolean);
  // the first fragment opens the article; a label or teaser only ever follows prose
  const prose = fragments.filter((f, i) => i === 0 || !isTeaserFragment(f)).map(withoutInlineInserts);
  const joined = withoutRepeat(prose.filter(Boolean).join('\n'));
  return joined.split('\n').filter(Boolean);
}
