import { describe, expect, it } from 'vitest';

import { countOf, t } from '../../src/i18n/messages.js';

describe('countOf', () => {
  it('reads naturally in English: singular for exactly one, plural otherwise', () => {
    expect(countOf('en', 'question', 1)).toBe('1 question');
    expect(countOf('en', 'question', 2)).toBe('2 questions');
    expect(countOf('en', 'paste', 0)).toBe('0 pastes');
    expect(countOf('en', 'finding', 1)).toBe('1 finding');
  });

  it('uses the one Japanese form with a counter word', () => {
    expect(countOf('ja', 'question', 1)).toBe('質問 1 件');
    expect(countOf('ja', 'finding', 3)).toBe('検出事項 3 件');
  });

  it('has no "(s)" plurals left in either language', () => {
    for (const key of ['diagnosis.problems.one', 'diagnosis.problems.other', 'escalation.formIntro'] as const) {
      expect(t('en', key, { count: 1 })).not.toContain('(s)');
    }
    expect(t('en', 'diagnosis.problems.one', { count: 1 })).toBe('1 problem found. Details and next steps below.');
    expect(t('ja', 'diagnosis.problems.other', { count: 2 })).toMatch(/^問題が 2 件見つかりました。/u);
  });
});
