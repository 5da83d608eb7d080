/**
 * conceptTerms runs an English form's regular expression only when the text holds the form's required literal, and
 * finds Japanese forms in one pass over the text: it must find exactly what the plain reading finds (each concept's
 * regular expression over the text, each Japanese form as a substring).
 */

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { CONCEPT_FORMS, conceptTerms, requiredLiteral } from '../../src/matching/concepts.js';
import { labelledCorpus } from '../support/labelled-corpus.js';

const englishOf = (form: string): RegExp => new RegExp(form.replace(/ /gu, '[\\s-]+'), 'u');

/** The plain reading: every concept's forms tried on the whole text. */
const reference = CONCEPT_FORMS.map(({ id, en, ja }) => ({
  term: `~${id}`,
  english:
    en.length > 0
      ? new RegExp(`(?<![a-z0-9])(?:${en.map((form) => form.replace(/ /gu, '[\\s-]+')).join('|')})(?![a-z0-9])`, 'u')
      : undefined,
  japanese: ja.map((form) => form.toLowerCase()),
}));
const plainConceptTerms = (text: string): string[] =>
  reference
    .filter(({ english, japanese }) => english?.test(text) === true || japanese.some((form) => text.includes(form)))
    .map(({ term }) => term);

// Words of the forms themselves, so generated texts often hold a form, a near miss or a literal without its form.
const pieces = [
  ...new Set(
    CONCEPT_FORMS.flatMap(({ en, ja }) => [
      ...en.flatMap((form) => form.split(/[\s()|?*+\\[\]{}.]+/u)),
      ...ja.map((form) => form.toLowerCase()),
    ]).filter((piece) => piece !== ''),
  ),
];
const separators = [' ', '-', '', "'", '  ', 'x', '。', ' is ', ' not ', ' the ', 's', 'ed '];
const generated = fc
  .array(fc.tuple(fc.constantFrom(...pieces), fc.constantFrom(...separators)), { maxLength: 8 })
  .map((parts) => parts.map(([piece, separator]) => piece + separator).join(''));

describe('requiredLiteral', () => {
  it('takes the longest literal outside groups, without quantified characters, escapes or spaces', () => {
    expect(requiredLiteral('samples?')).toBe('sample');
    expect(requiredLiteral('tamper\\w*')).toBe('tamper');
    expect(requiredLiteral('(any|another|other) way')).toBe('way');
    expect(requiredLiteral("can'?t click")).toBe('click');
    expect(requiredLiteral('gr[ae]y(ed)? ?out')).toBe('out');
    expect(requiredLiteral('takes? (about |up to )?\\d+ ?(s|sec|secs|seconds)')).toBe('take');
    expect(requiredLiteral('security\\.microsoft\\.com')).toBe('microsoft');
    expect(requiredLiteral('high\\+')).toBe('high');
    expect(requiredLiteral('how does .{0,30}work')).toBe('does');
    expect(requiredLiteral('(don’t|not) (mde|defender)')).toBe('');
    expect(requiredLiteral('a|b')).toBe('');
  });

  it('is in every text that an English form matches (corpus and generated texts)', () => {
    const texts = labelledCorpus();
    const forms = CONCEPT_FORMS.flatMap(({ en }) => en);
    let matched = 0;
    for (const form of forms) {
      const pattern = englishOf(form);
      const literal = requiredLiteral(form);
      for (const text of texts)
        if (pattern.test(text)) {
          matched += 1;
          expect(text.includes(literal), `${form} in ${text}`).toBe(true);
        }
    }
    expect(matched).toBeGreaterThan(1000);
    fc.assert(
      fc.property(generated, fc.constantFrom(...forms), (text, form) => {
        if (englishOf(form).test(text)) expect(text).toContain(requiredLiteral(form));
      }),
      { numRuns: 20000 },
    );
  });
});

describe('conceptTerms', () => {
  it('finds exactly what the plain reading finds over the knowledge and the labelled messages', () => {
    const texts = labelledCorpus();
    let withConcepts = 0;
    for (const text of texts) {
      const expected = plainConceptTerms(text);
      if (expected.length > 0) withConcepts += 1;
      expect(conceptTerms(text), text).toEqual(expected);
    }
    expect(withConcepts).toBeGreaterThan(1000);
  });

  it('finds exactly what the plain reading finds over generated texts', () => {
    fc.assert(
      fc.property(generated, (text) => {
        expect(conceptTerms(text)).toEqual(plainConceptTerms(text));
      }),
      { numRuns: 20000 },
    );
  });
});
