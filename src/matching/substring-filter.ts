/**
 * Substring search over one text for many short forms, most of which are absent: the text's character pairs are hashed
 * into a table once, and a form whose first two characters are not in the table cannot occur in the text, so it costs
 * one look-up instead of a search of the whole text. Collisions only let a form through to the search, so `contains`
 * always answers what `text.includes(form)` does.
 */

const BITS = 16;
const MASK = (1 << BITS) - 1;
const slot = (first: number, second: number): number => (first * 31 + second) & MASK;

/** Searches in the text last given to `mark`. */
export interface SubstringFilter {
  /** Makes `text` the text searched. */
  mark(text: string): void;
  /** Exactly `text.includes(form)` for the text last marked. */
  contains(form: string): boolean;
}

/** Creates a filter (one table, reused for every text it marks). */
export function createSubstringFilter(): SubstringFilter {
  // An entry equal to `generation` is a pair of the marked text; older generations need no clearing.
  const pairs = new Uint32Array(1 << BITS);
  let generation = 0;
  let text = '';
  return {
    mark(marked) {
      text = marked;
      generation = (generation + 1) >>> 0;
      if (generation === 0) {
        pairs.fill(0);
        generation = 1;
      }
      for (let at = 0; at + 1 < marked.length; at += 1)
        pairs[slot(marked.charCodeAt(at), marked.charCodeAt(at + 1))] = generation;
    },
    contains(form) {
      return (
        (form.length < 2 || pairs[slot(form.charCodeAt(0), form.charCodeAt(1))] === generation) && text.includes(form)
      );
    },
  };
}
