/**
 * A word trie: place names are stored as sequences of folded words, and text is matched word by word
 * (longest match first), so finding every known name in a text costs one walk per word instead of one
 * comparison per name.
 */
import { canonicalOrdinal, tokenize, type Token } from './normalize.ts';

interface Node<V> {
  next: Map<string, Node<V>>;
  values: V[] | null;
}

export interface TrieMatch<V> {
  /** Index of the first and one past the last matched word (in `TextWords.words`). */
  from: number;
  to: number;
  values: V[];
}

export class WordTrie<V> {
  private readonly root: Node<V> = { next: new Map(), values: null };
  size = 0;

  insert(words: readonly string[], value: V): void {
    if (words.length === 0) return;
    let node = this.root;
    for (const w of words) {
      let child = node.next.get(w);
      if (!child) {
        child = { next: new Map(), values: null };
        node.next.set(w, child);
      }
      node = child;
    }
    if (!node.values) node.values = [];
    if (!node.values.includes(value)) {
      node.values.push(value);
      this.size++;
    }
  }

  /** Longest name starting at word `from`; a sentence break between words ends the walk. */
  longestAt(text: TextWords, from: number): TrieMatch<V> | null {
    let node = this.root;
    let best: TrieMatch<V> | null = null;
    for (let i = from; i < text.words.length; i++) {
      if (i > from && text.breakBefore[i]) break;
      const child = node.next.get(text.words[i]!.text);
      if (!child) break;
      node = child;
      if (node.values) best = { from, to: i + 1, values: node.values };
    }
    return best;
  }

  /** Every value stored at or below the node reached by `words` (prefix search), at most `limit`. */
  withPrefix(words: readonly string[], limit: number): V[] {
    let node: Node<V> | undefined = this.root;
    for (const w of words) {
      node = node.next.get(w);
      if (!node) return [];
    }
    const out: V[] = [];
    const stack: Node<V>[] = [node];
    while (stack.length) {
      const n = stack.pop()!;
      if (n.values) for (const v of n.values) if (!out.includes(v)) out.push(v);
      if (out.length > limit) return out;
      for (const c of n.next.values()) stack.push(c);
    }
    return out;
  }

  /** The words names can start with (for a quick "could anything start here?" test). */
  firstWords(): IterableIterator<string> {
    return this.root.next.keys();
  }

  /** Exact lookup of a word sequence. */
  get(words: readonly string[]): V[] {
    let node: Node<V> | undefined = this.root;
    for (const w of words) {
      node = node.next.get(w);
      if (!node) return [];
    }
    return node.values ?? [];
  }
}

/** A text split for matching: words with their spans, and where punctuation breaks a name. */
export interface TextWords {
  text: string;
  folded: string;
  words: Token[];
  /** breakBefore[i]: punctuation other than "." "-" "'" sits between word i-1 and word i. */
  breakBefore: boolean[];
  /** The punctuation right before word i ('' if none). */
  punctBefore: string[];
}

/** Words that end in a full stop as abbreviations, not sentence ends ("Col. Doctores", "Gustavo A. Madero"). */
const ABBREVIATIONS = new Set([
  'col',
  'av',
  'avs',
  'calz',
  'u',
  'hab',
  'fracc',
  'blvd',
  'gral',
  'sta',
  'sto',
  'sn',
  'dr',
  'dra',
  'lic',
  'prof',
  'ing',
  'no',
  'num',
  'esq',
  'pblo',
  'bo',
  'amp',
  'ampl',
  'res',
  'conj',
  'secc',
  'prol',
  'cd',
  'edo',
  'mex',
  'sr',
  'sra',
  'pdte',
]);
const SOFT_PUNCT = new Set(['.', '-', "'", '’']);

export function splitWords(text: string, folded: string): TextWords {
  const words: Token[] = [];
  const breakBefore: boolean[] = [];
  const punctBefore: string[] = [];
  let pendingBreak = false;
  let pending = '';
  for (const t of tokenize(text, folded)) {
    if (t.punct) {
      pending += t.text;
      if (!SOFT_PUNCT.has(t.text)) pendingBreak = true;
      continue;
    }
    // A full stop followed by a capitalised word after a long word is a sentence end, not an abbreviation.
    const prev = words[words.length - 1];
    const sentenceEnd =
      pending.includes('.') &&
      prev !== undefined &&
      t.capitalised &&
      prev.text.length > 1 &&
      !ABBREVIATIONS.has(prev.text) &&
      !/^\d+[a-z]+$/.test(prev.text); // "2a. Sección" is an ordinal
    // Ordinals in one spelling, as the gazetteer stores them ("1ra" → "1a").
    const c0 = t.text.charCodeAt(0);
    if (c0 >= 48 && c0 <= 57 && t.text.length > 1) t.text = canonicalOrdinal(t.text);
    words.push(t);
    breakBefore.push(pendingBreak || sentenceEnd);
    punctBefore.push(pending);
    pending = '';
    pendingBreak = false;
  }
  return { text, folded, words, breakBefore, punctBefore };
}
