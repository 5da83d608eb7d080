/** Chooses the reply language for a message: Japanese script means Japanese, else English; the locale breaks ties. */

export type Language = 'ja' | 'en';

export const LANGUAGES: readonly Language[] = ['ja', 'en'];

// Hiragana, katakana (incl. half-width) and CJK ideographs: any of them marks Japanese text.
const JAPANESE_SCRIPT = /[\u3040-\u30ff\u31f0-\u31ff\uff66-\uff9f\u4e00-\u9fff\u3400-\u4dbf]/u;
// A Latin word of two or more letters that is not a hex-looking token (0x80070005, 80070005).
const LATIN_WORD = /\b(?![0-9a-f]*\d)[a-z]{2,}\b/iu;

/** Returns the language of a locale such as `ja-JP`, or undefined when it is not one we answer in. */
export function languageOfLocale(locale: string | undefined): Language | undefined {
  if (!locale) return undefined;
  const primary = locale.toLowerCase().split(/[-_]/u)[0];
  return primary === 'ja' ? 'ja' : primary === 'en' ? 'en' : undefined;
}

/** Returns the locale a reply in `language` is sent with (activity.locale). */
export function localeOf(language: Language): string {
  return language === 'ja' ? 'ja-JP' : 'en-US';
}

/** True when `text` has any hiragana, katakana or CJK ideograph. */
export function hasJapanese(text: string): boolean {
  return JAPANESE_SCRIPT.test(text);
}

/** Command output is English on every Windows: the chat around a paste, else the locale, decides the language. */
export function pasteLanguage(text: string, locale: string | undefined): Language {
  return hasJapanese(text) ? 'ja' : (languageOfLocale(locale) ?? 'en');
}

/** Returns the language to answer `text` in; `locale` decides when the text has no words of either script. */
export function detectLanguage(text: string, locale?: string): Language {
  if (hasJapanese(text)) return 'ja';
  if (LATIN_WORD.test(text)) return 'en';
  return languageOfLocale(locale) ?? 'en';
}
