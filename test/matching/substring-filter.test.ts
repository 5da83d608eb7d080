import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { createFormSearch } from '../../src/matching/substring-filter.js';

// A small alphabet (Latin, kana, kanji, a surrogate pair) so that forms often do and often don't occur.
const CHARS = ['a', 'b', 'c', 'A', ' ', '-', 'ク', 'ラ', 'ウ', 'ド', '有', '効', '😀', '\u0000', '\uffff'];
const text = fc.array(fc.constantFrom(...CHARS), { maxLength: 60 }).map((chars) => chars.join(''));

describe('createFormSearch', () => {
  it('finds exactly the forms that includes() finds, for forms present, absent, short and empty', () => {
    fc.assert(
      fc.property(text, fc.array(fc.oneof(text, fc.string({ maxLength: 4 })), { maxLength: 30 }), (searched, extra) => {
        const substrings = [0, 1, 2, 5, 9].map((start) => searched.slice(start, start + 1 + (start % 4)));
        const forms = [...extra, ...substrings];
        const found = new Uint8Array(forms.length);
        createFormSearch(forms)(searched, found);
        expect([...found]).toEqual(forms.map((form) => (searched.includes(form) ? 1 : 0)));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds forms that share their first characters, at the start, in the middle and at the end', () => {
    const forms = ['tamper', 'tamper protection', 'ta', 'per', 'ion', 'クラウド', 'クラ', 'x', '', 'tampered'];
    const found = new Uint8Array(forms.length);
    const search = createFormSearch(forms);
    search('tamper protection', found);
    expect([...found]).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 1, 0]);
    search('クラウド保護 x', found);
    expect([...found]).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 0]);
  });
});
