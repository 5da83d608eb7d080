/**
 * Which of many fixed forms occur in a text, most of them absent (concept forms, property names, the paste parsers'
 * needs): one pass over the text instead of one search of the whole text per form. Always exactly what
 * `text.includes(form)` answers.
 */

const SEARCH_BITS = 12;
const SEARCH_MASK = (1 << SEARCH_BITS) - 1;

/**
 * Finds which of many fixed forms occur in a text in one pass over the text: forms are listed by their first two
 * characters, so each position of the text costs one look-up and only the forms that start with its two characters
 * are compared there. `find(text, found)` sets found[i] to 1 exactly when `text.includes(forms[i])`, else to 0.
 */
export function createFormSearch(forms: readonly string[]): (text: string, found: Uint8Array) => void {
  const slotOf = (first: number, second: number): number => (first * 31 + second) & SEARCH_MASK;
  // Per slot the first form starting with a pair of that slot, and per form the next one of its slot (-1: none).
  const heads = new Int32Array(1 << SEARCH_BITS).fill(-1);
  const next = new Int32Array(forms.length).fill(-1);
  const short: number[] = [];
  for (let position = forms.length - 1; position >= 0; position -= 1) {
    const form = forms[position] ?? '';
    if (form.length < 2) {
      short.push(position);
      continue;
    }
    const slot = slotOf(form.charCodeAt(0), form.charCodeAt(1));
    next[position] = heads[slot] ?? -1;
    heads[slot] = position;
  }
  return (text, found) => {
    found.fill(0);
    for (const position of short) found[position] = text.includes(forms[position] ?? '') ? 1 : 0;
    for (let at = 0; at + 1 < text.length; at += 1) {
      for (
        let position = heads[slotOf(text.charCodeAt(at), text.charCodeAt(at + 1))] ?? -1;
        position >= 0;
        position = next[position] ?? -1
      )
        if (found[position] === 0 && text.startsWith(forms[position] ?? '', at)) found[position] = 1;
    }
  };
}
