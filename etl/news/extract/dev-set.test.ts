/**
 * The held-out dev set: three hand-written templates (fixtures/dev, made-up outlets and text)
 * that were not used while tuning the fallbacks and were scored once afterwards. Expected values
 * were read off the files by a person. Known misses would be `it.fails`, so they show up when fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractPage } from './index.ts';

const read = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', 'dev', name), 'utf8');
const paragraphsOf = (text: string) => (text ? text.split('\n\n') : []);

describe('held-out dev set (hand-written fixtures)', () => {
  it('Arc-style page with a JSON-LD @graph: all fields right', () => {
    const page = extractPage(read('arc-graph.html'), { source: 'x' });
    expect(page).toMatchObject({
      kind: 'article',
      title: 'Concluye la restauración del kiosco de la plaza de Santa Inés',
      published_at: '2025-10-12T10:45:00-06:00', // 16:45Z in Mexico City (UTC-6)
      author: 'Rebeca Ontiveros',
    });
    const paragraphs = paragraphsOf(page.text);
    expect(paragraphs).toHaveLength(4);
    expect(paragraphs[0]).toMatch(/^Después de ocho meses de trabajo/);
    expect(page.text).not.toMatch(/Publicidad|Más historias|exposición de fotografía/);
  });

  it('<article> with reader comments after the body: all fields right, comments left out', () => {
    const page = extractPage(read('article-comments.html'), { source: 'x' });
    expect(page).toMatchObject({
      kind: 'article',
      title: 'La feria del libro del barrio rompe su récord de visitantes',
      published_at: '2025-10-09T20:10:00-06:00',
      author: 'Jimena Castañeda',
    });
    expect(paragraphsOf(page.text)).toHaveLength(4);
    expect(page.text).not.toMatch(/Rosa M\.|taller de ilustración, ojalá|Comentarios de lectores/);
  });

  it('date only in <time datetime>: title and date right', () => {
    const page = extractPage(read('time-only-date.html'), { source: 'x' });
    expect(page).toMatchObject({
      kind: 'article',
      title: 'Reabren el puente peatonal de la avenida Los Fresnos',
      published_at: '2025-10-15T08:05:00-06:00',
    });
    expect(page.methods.published_at).toBe('time');
  });

  it('date only in <time datetime>: the "Publicado el … por" line gives the author and stays out of the body', () => {
    const page = extractPage(read('time-only-date.html'), { source: 'x' });
    expect(page.author).toBe('Héctor Villaseñor');
    expect(paragraphsOf(page.text)[0]).toMatch(/^El puente peatonal de la avenida Los Fresnos reabrió/);
  });
});
