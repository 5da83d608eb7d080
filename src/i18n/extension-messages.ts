/** The user-visible strings of the message extension (compose-box searches and the message action), in Japanese and English. */

import type { Language } from './language.js';

const en = {
  'ext.query.empty': 'Type a question, an error code or a topic to search the Defender knowledge.',
  'ext.query.tooLong': 'That search is too long (at most {max} characters). For a long message or pasted output, use "Diagnose with the Defender bot" on the message instead.',
  'ext.command.unknown': 'This command is not available. Update the app package, or try again.',
  'ext.entry.gone': 'That topic is no longer available. Please search again.',
  'ext.tickets.refused': 'Sorry, ticket search is for L2 only. Use it from the L2 channel, or ask your administrator to add you to the L2 list.',
  'ext.tickets.gone': 'That ticket was not found. Please search again.',
  'ext.ticket.line': '{status} · {device} · {requester} · {age}',
  'ext.inserted.footer': 'From the Defender support bot. Ask it in a personal chat for more.',
  'ext.diagnose.title': 'Defender support bot',
  'ext.diagnose.facts': 'Values read from the message',
  'ext.diagnose.insert': 'Insert into chat',
  'ext.diagnose.noText': 'This message has no text the bot can read (images and files are not read).',
  'ext.diagnose.gone': 'The message could not be read again. Please run "Diagnose with the Defender bot" on the message once more.',
  'ext.error': 'Sorry, something went wrong. Please try again in a moment.',
} as const;

export type ExtensionMessageKey = keyof typeof en;

const ja: Record<ExtensionMessageKey, string> = {
  'ext.query.empty': '質問、エラー コード、トピックを入力すると、Defender のナレッジを検索します。',
  'ext.query.tooLong': '検索語が長すぎます ({max} 文字まで)。長いメッセージや貼り付けた出力には、メッセージの「Defender ボットで診断」をお使いください。',
  'ext.command.unknown': 'このコマンドは使用できません。アプリ パッケージを更新するか、もう一度お試しください。',
  'ext.entry.gone': 'このトピックは現在ありません。もう一度検索してください。',
  'ext.tickets.refused': '申し訳ありません。チケットの検索は L2 専用です。L2 チャネルから使用するか、管理者に L2 リストへの追加を依頼してください。',
  'ext.tickets.gone': 'チケットが見つかりませんでした。もう一度検索してください。',
  'ext.ticket.line': '{status} · {device} · {requester} · {age}',
  'ext.inserted.footer': 'Defender サポート ボットの回答です。詳しくは個人チャットでボットに質問してください。',
  'ext.diagnose.title': 'Defender サポート ボット',
  'ext.diagnose.facts': 'メッセージから読み取った値',
  'ext.diagnose.insert': '会話に挿入',
  'ext.diagnose.noText': 'このメッセージには読み取れるテキストがありません (画像やファイルは読み取りません)。',
  'ext.diagnose.gone': 'メッセージをもう一度読み取れませんでした。メッセージの「Defender ボットで診断」をもう一度実行してください。',
  'ext.error': '申し訳ありません。問題が発生しました。しばらくしてからもう一度お試しください。',
};

const CATALOGUE: Readonly<Record<Language, Readonly<Record<ExtensionMessageKey, string>>>> = Object.freeze({ en, ja });

/** Returns the extension message `key` in `language`, with `{name}` placeholders filled from `params`. */
export function te(language: Language, key: ExtensionMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return CATALOGUE[language][key].replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
