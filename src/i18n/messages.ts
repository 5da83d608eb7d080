/** Every user-visible string of the bot, in Japanese and English. */

import type { Language } from './language.js';

const en = {
  'welcome.title': 'Microsoft Defender Antivirus support',
  'welcome.body':
    'Hi! Ask me about Microsoft Defender Antivirus in English or Japanese: cloud protection, sample submission, block at first sight, tamper protection. You can also paste command output such as MpCmdRun.exe -ValidateMapsConnection or Get-MpComputerStatus.',
  'welcome.example': 'Try: "Why does an app start slowly the first time?"',
  'placeholder.title': 'Thanks, I got your message',
  'placeholder.body':
    'I am still being set up and cannot answer questions yet. Your message was received ({length} characters).',
  'error.apology':
    'Sorry, something went wrong on my side while handling your message. Please try again in a moment.',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  'welcome.title': 'Microsoft Defender ウイルス対策 サポート',
  'welcome.body':
    'こんにちは。Microsoft Defender ウイルス対策について、日本語または英語でご質問ください (クラウド保護、サンプルの送信、事前ブロック、改ざん防止など)。MpCmdRun.exe -ValidateMapsConnection や Get-MpComputerStatus の出力をそのまま貼り付けていただくこともできます。',
  'welcome.example': '例:「アプリの初回起動だけ遅いのはなぜ?」',
  'placeholder.title': 'メッセージを受け付けました',
  'placeholder.body': '現在準備中のため、まだご質問にはお答えできません。メッセージは受信しました ({length} 文字)。',
  'error.apology': '申し訳ありません。メッセージの処理中にこちら側で問題が発生しました。しばらくしてからもう一度お試しください。',
};

const CATALOGUE: Readonly<Record<Language, Readonly<Record<MessageKey, string>>>> = Object.freeze({ en, ja });

/** Returns the message `key` in `language`, with `{name}` placeholders filled from `params`. */
export function t(language: Language, key: MessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGUE[language][key].replace(/\{(\w+)\}/gu, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/** Returns the keys of the catalogue (used by tests to check both languages are complete). */
export function messageKeys(): readonly MessageKey[] {
  return Object.keys(en) as MessageKey[];
}
