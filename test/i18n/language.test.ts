import { describe, expect, it } from 'vitest';

import { detectLanguage, languageOfLocale } from '../../src/i18n/language.js';
import { messageKeys, t } from '../../src/i18n/messages.js';

describe('detectLanguage', () => {
  it.each([
    ['改ざん防止がオンにならない', 'en-US', 'ja'],
    ['tamper protection がオンにならない', 'en-US', 'ja'],
    ['ｶﾀｶﾅ', 'en-US', 'ja'],
    ['why does my app start slowly the first time?', 'ja-JP', 'en'],
    ['0x80508015', 'ja-JP', 'ja'],
    ['80070005', 'en-US', 'en'],
    ['5013', undefined, 'en'],
    ['', 'ja-jp', 'ja'],
  ] as const)('returns %s → %s for locale %s', (text, locale, expected) => {
    expect(detectLanguage(text, locale)).toBe(expected);
  });
});

describe('languageOfLocale', () => {
  it('reads the primary subtag only', () => {
    expect(languageOfLocale('ja-JP')).toBe('ja');
    expect(languageOfLocale('en_GB')).toBe('en');
    expect(languageOfLocale('fr-FR')).toBeUndefined();
    expect(languageOfLocale(undefined)).toBeUndefined();
  });
});

describe('messages', () => {
  it('has non-empty text in both languages for every key', () => {
    for (const key of messageKeys()) {
      expect(t('en', key).trim(), key).not.toBe('');
      expect(t('ja', key).trim(), key).not.toBe('');
    }
  });

  it('has Japanese text in the Japanese catalogue (product names aside)', () => {
    const productNames = new Set(['shell.powershell']);
    for (const key of messageKeys())
      if (!productNames.has(key)) expect(t('ja', key), key).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/u);
  });

  it('leaves text without placeholders unchanged', () => {
    expect(t('en', 'choices.none')).toBe('None of these');
  });
});
