/**
 * The classifier on what a police-beat page really publishes: the 20 La Prensa articles (real, read
 * from the shared folder, labels set by reading them) — half of them road deaths, falls, fires and
 * other non-crimes — and a hand-written held-out set in the colloquial register of tabloids.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyArticle } from './index.ts';
import { flatTextParagraphs } from '../extract/flat-text.ts';
import { SHARED_DATA_DIR } from '../../../reference/files/index.ts';
import { SHARED, sharedDataMissing } from '../../../tests/support/shared-data.ts';
import { LAPRENSA_CLASSIFY_LABELS, type ArticleLabel } from '../../../tests/fixtures/news-classify/laprensa-labels.ts';
import { COLLOQUIAL_HELD_OUT } from '../../../tests/fixtures/news-classify/colloquial-held-out.ts';

interface Scored {
  id: string;
  label: ArticleLabel;
  kind: string;
  primary: string | null;
}

/** Kind and primary-category misses of a labelled set, printed for the record. */
function misses(name: string, scored: Scored[]): { kind: string[]; primary: string[] } {
  const asKind = (k: string) => (k === 'incident' ? 'incident' : 'other');
  const kind = scored.filter((s) => asKind(s.kind) !== s.label.kind).map((s) => `${s.id}: ${s.kind}`);
  const primary = scored
    .filter((s) => s.label.kind === 'incident' && s.kind === 'incident')
    .filter((s) => !s.primary || !s.label.primary!.includes(s.primary as never))
    .map((s) => `${s.id}: ${s.primary}`);
  console.info(`${name}: kind right ${scored.length - kind.length}/${scored.length}`, kind, 'primary misses', primary);
  return { kind, primary };
}

const noLaPrensa = sharedDataMissing([SHARED.laPrensa]);

describe.skipIf(noLaPrensa)('the 20 La Prensa police-beat articles', () => {
  const scored: Scored[] = noLaPrensa
    ? []
    : readFileSync(join(SHARED_DATA_DIR, SHARED.laPrensa), 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line) as { id: string; text: string })
        .map((a) => {
          // the scrape prints "Headline: body" as one flat text, inserts and all (as a JSON-LD articleBody)
          const [title, ...body] = flatTextParagraphs(a.text).join('\n').split(': ');
          const c = classifyArticle({ title, text: body.join(': ') });
          return { id: a.id, label: LAPRENSA_CLASSIFY_LABELS[a.id]!, kind: c.kind, primary: c.primary };
        });

  it('tells crime reports from road deaths, falls, fires and other non-crimes on at least 18 of 20', () => {
    expect(scored).toHaveLength(20);
    expect(misses('la prensa', scored).kind.length).toBeLessThanOrEqual(2);
  });

  it('names an accepted main category for every crime report it finds', () => {
    expect(misses('la prensa', scored).primary).toEqual([]);
  });
});

describe('hand-written colloquial reports, held out', () => {
  const scored: Scored[] = COLLOQUIAL_HELD_OUT.map((e) => {
    const c = classifyArticle({ title: e.title, text: e.text });
    return { id: e.id, label: e, kind: c.kind, primary: c.primary };
  });

  it('reads slang crime reports as incidents and accidents as not, on at least 8 of 10', () => {
    expect(misses('colloquial held-out', scored).kind.length).toBeLessThanOrEqual(2);
  });

  it('an accident says so: reason "accident", no category', () => {
    const c = classifyArticle({
      title: COLLOQUIAL_HELD_OUT.find((e) => e.id === 'c08')!.title,
      text: COLLOQUIAL_HELD_OUT.find((e) => e.id === 'c08')!.text,
    });
    expect([c.kind, c.reason, c.categories]).toEqual(['other', 'accident', []]);
  });
});

describe('the accident rule keeps the crimes of an accident article', () => {
  // hand-written: a road quarrel that ends in a shooting is still a shooting
  it('a shot fired after a crash counts; the crash itself does not', () => {
    const c = classifyArticle({
      title: 'Tras un choque, conductor dispara contra otro en Iztacalco',
      text: 'Luego de un choque en Río Churubusco, un automovilista sacó una pistola y le disparó al otro conductor, que resultó herido de bala. Los hechos ocurrieron por la noche.',
    });
    expect(c.kind).toBe('incident');
    expect(c.primary).toBe('lesiones_arma_fuego');
  });
});
