import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import { conceptTerms } from '../../src/matching/concepts.js';
import { ENGLISH_STOP_WORDS, stem, tokenize } from '../../src/matching/tokenize.js';

const words = (text: string): string[] => tokenize(text, 0, 0).map((term) => term.term);

describe('tokenize', () => {
  it('drops English stop words and stems the rest', () => {
    expect(words('how do i enable the cloud protection on my laptops')).toEqual([
      'enabl',
      'cloud',
      'protection',
      'laptop',
    ]);
  });

  it('drops the pieces of English contractions (tokens hold no apostrophe)', () => {
    expect(words("it isn't working and we can't enable it, doesn't matter what we've tried")).toEqual([
      'work',
      'enabl',
      'matter',
      'tri',
    ]);
  });

  it('merges katakana runs that Intl.Segmenter splits and drops particles', () => {
    expect(words('クラウド保護が有効になっているか確認したい')).toEqual(
      expect.arrayContaining(['クラウド', '保護', '有効', '確認']),
    );
    expect(words('クラウド保護が有効になっているか確認したい')).not.toContain('クラ');
    expect(words('改ざん防止がオンにならない')).not.toContain('が');
  });

  it('adds Japanese character bigrams at the given weight', () => {
    const terms = tokenize('改ざん防止', 0.35, 0);
    expect(terms.filter((term) => term.weight === 0.35).map((term) => term.term)).toEqual([
      '改ざ',
      'ざん',
      'ん防',
      '防止',
    ]);
  });

  it('keeps cmdlets whole and adds their parts', () => {
    expect(words('get-mpcomputerstatus')).toEqual(['get-mpcomputerstatu', 'mpcomputerstatu']);
  });

  it('reads Latin text as the plain token reading does (trimmed tokens, parts of any token with a separator)', () => {
    // The reading before the quick path: every token trimmed of separators, every token split.
    const reference = (run: string): string[] => {
      const out: string[] = [];
      for (const match of run.matchAll(/[a-z0-9][a-z0-9+._-]*[a-z0-9+]|[a-z0-9]/gu)) {
        const token = match[0].replace(/^[-._]+|[-._]+$/gu, '');
        if (token === '' || ENGLISH_STOP_WORDS.has(token)) continue;
        const stemmed = stem(token);
        if (ENGLISH_STOP_WORDS.has(stemmed)) continue;
        out.push(stemmed);
        const pieces = token.split(/[-._]+/u);
        if (pieces.length > 1)
          for (const part of pieces) if (part.length > 1 && !ENGLISH_STOP_WORDS.has(part)) out.push(stem(part));
      }
      return out;
    };
    const latin = fc
      .array(fc.constantFrom(...'ab0-._+ zs', 'get', 'mp', 'exe', 'ing', 'the', 'ations', '-', '..'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(latin, (text) => {
        expect(words(text)).toEqual(reference(text));
      }),
      { numRuns: 5000 },
    );
  });

  it('stems common suffixes only on longer words', () => {
    expect([stem('enabled'), stem('enabling'), stem('policies'), stem('tls'), stem('0x80070005')]).toEqual([
      'enabl',
      'enabl',
      'policy',
      'tls',
      '0x80070005',
    ]);
  });
});

describe('conceptTerms', () => {
  it('maps English and Japanese forms of one meaning to one term', () => {
    expect(conceptTerms('tamper protection greyed out')).toEqual(expect.arrayContaining(['~tamper', '~greyed']));
    expect(conceptTerms('改竄防止がグレーアウト')).toEqual(expect.arrayContaining(['~tamper', '~greyed']));
    expect(conceptTerms('block at first sight')).toContain('~bafs');
    expect(conceptTerms('事前ブロック')).toContain('~bafs');
    expect(conceptTerms('we cannot set a proxy there, any other way?')).toContain('~workaround');
    expect(conceptTerms('プロキシを設定できない場合の回避策はありますか')).toContain('~workaround');
    expect(conceptTerms('ほかの方法はありますか')).toContain('~workaround');
  });

  it('recognises negated management situations', () => {
    expect(conceptTerms("we don't use intune")).toContain('~not-intune');
    expect(conceptTerms('intune は使っていない')).toContain('~not-intune');
    expect(conceptTerms("the laptop isn't in intune")).toContain('~not-intune');
    expect(conceptTerms('intune では管理していません')).toContain('~not-intune');
    expect(conceptTerms("these pcs aren't onboarded")).toContain('~not-mde');
    expect(conceptTerms('mde にオンボードされてない端末')).toContain('~not-mde');
    expect(conceptTerms('managed by intune')).not.toContain('~not-intune');
  });
});
