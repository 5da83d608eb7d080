/** Every user-visible string of the bot, in Japanese and English. */

import type { Language } from './language.js';

const en = {
  'welcome.title': 'Microsoft Defender Antivirus support',
  'welcome.body':
    'Hi! Ask me about Microsoft Defender Antivirus in English or Japanese: cloud protection, sample submission, block at first sight, tamper protection. You can also paste command output such as MpCmdRun.exe -ValidateMapsConnection or Get-MpComputerStatus.',
  'welcome.example': 'Try: "Why does an app start slowly the first time?"',
  'error.apology':
    'Sorry, something went wrong on my side while handling your message. Please try again in a moment.',
  'answer.steps': 'Steps',
  'answer.commands': 'Commands',
  'answer.admin': 'Run as administrator',
  'answer.links': 'Microsoft Learn and references',
  'shell.cmd': 'Command Prompt',
  'shell.powershell': 'PowerShell',
  'warning.warning': 'Warning',
  'warning.important': 'Important',
  'warning.note': 'Note',
  'warning.tip': 'Tip',
  'choices.prompt': 'I am not sure which of these you mean. Did you mean:',
  'choices.none': 'None of these',
  'notFound.title': 'I could not find an answer to that',
  'notFound.body':
    'I only know about Microsoft Defender Antivirus: cloud protection (MAPS), sample submission, block at first sight, tamper protection and related troubleshooting.',
  'notFound.tips': 'Try naming the feature or pasting the exact error code or command output. Type "help" to see what I can do.',
  'greeting.reply': 'Hello! Ask me about Microsoft Defender Antivirus, or paste command output you want me to read.',
  'thanks.reply': 'You are welcome. Ask again any time.',
  'action.unknown': 'That button is no longer available. Please ask your question again.',
  'diagnosis.title': 'What I read in your paste',
  'diagnosis.clean': 'No problems found in what you pasted so far.',
  'diagnosis.problems': '{count} problem(s) found. Details and next steps below.',
  'diagnosis.facts': 'Values read (this conversation)',
  'diagnosis.entries': 'Related topics',
  'diagnosis.unknownCode': 'a code not documented for Microsoft Defender Antivirus',
  'answer.related': 'Related topics',
  'answer.helpful': 'Was this helpful?',
  'feedback.up': '👍 Yes',
  'feedback.down': '👎 No',
  'feedback.thanks': 'Thanks for the feedback.',
  'feedback.sorry': 'Sorry this did not help. You can rephrase the question, browse the topics, or escalate to L2.',
  'action.escalate': 'Escalate to L2',
  'action.topics': 'Browse topics',
  'action.help': 'What can you do?',
  'escalate.placeholder':
    'Escalation to L2 from the bot is not available yet. Please contact the helpdesk and mention what you pasted here.',
  'topics.title': 'Topics I can help with',
  'topics.group.cloud-protection': 'Cloud protection',
  'topics.group.connectivity': 'Cloud connectivity',
  'topics.group.tamper-protection': 'Tamper protection',
  'topics.group.other': 'Other',
  'help.title': 'What I can do',
  'help.ask': 'Answer questions about Microsoft Defender Antivirus in English or Japanese, in your own words: typos and error codes are fine.',
  'help.paste':
    'Read pasted output of MpCmdRun.exe -ValidateMapsConnection, Get-MpComputerStatus, Get-MpPreference, sc.exe query Sense, reg query and event logs, and say what is wrong and what to do next.',
  'help.escalate': 'Hand a case I cannot solve to L2 with what was collected.',
  'help.examples': 'Try one of these:',
  'help.example1': 'Why does an app start slowly only the first time?',
  'help.example2': 'Tamper protection is greyed out',
  'help.example3': 'What does 0x80508015 mean?',
} as const;

export type MessageKey = keyof typeof en;

const ja: Record<MessageKey, string> = {
  'welcome.title': 'Microsoft Defender ウイルス対策 サポート',
  'welcome.body':
    'こんにちは。Microsoft Defender ウイルス対策について、日本語または英語でご質問ください (クラウド保護、サンプルの送信、事前ブロック、改ざん防止など)。MpCmdRun.exe -ValidateMapsConnection や Get-MpComputerStatus の出力をそのまま貼り付けていただくこともできます。',
  'welcome.example': '例:「アプリの初回起動だけ遅いのはなぜ?」',
  'error.apology': '申し訳ありません。メッセージの処理中にこちら側で問題が発生しました。しばらくしてからもう一度お試しください。',
  'answer.steps': '手順',
  'answer.commands': 'コマンド',
  'answer.admin': '管理者として実行',
  'answer.links': 'Microsoft Learn などの参考情報',
  'shell.cmd': 'コマンド プロンプト',
  'shell.powershell': 'PowerShell',
  'warning.warning': '警告',
  'warning.important': '重要',
  'warning.note': '注意',
  'warning.tip': 'ヒント',
  'choices.prompt': 'どの内容についてのご質問か判断できませんでした。次のどれに近いですか。',
  'choices.none': 'どれでもない',
  'notFound.title': 'お答えできる情報が見つかりませんでした',
  'notFound.body':
    'このボットは Microsoft Defender ウイルス対策 (クラウド保護 (MAPS)、サンプルの送信、事前ブロック、改ざん防止とそのトラブルシューティング) についてお答えします。',
  'notFound.tips': '機能名を入れて質問するか、エラー コードやコマンドの出力をそのまま貼り付けてください。「ヘルプ」と入力すると使い方を表示します。',
  'greeting.reply': 'こんにちは。Microsoft Defender ウイルス対策についてご質問いただくか、確認したいコマンドの出力を貼り付けてください。',
  'thanks.reply': 'どういたしまして。また何かあればお気軽にどうぞ。',
  'action.unknown': 'このボタンは現在使用できません。もう一度ご質問ください。',
  'diagnosis.title': '貼り付けられた出力の確認結果',
  'diagnosis.clean': 'これまでに貼り付けられた内容に問題は見つかりませんでした。',
  'diagnosis.problems': '{count} 件の問題が見つかりました。詳細と次の手順は以下のとおりです。',
  'diagnosis.facts': '読み取った値 (この会話)',
  'diagnosis.entries': '関連する項目',
  'diagnosis.unknownCode': 'Microsoft Defender ウイルス対策では文書化されていないコード',
  'answer.related': '関連する項目',
  'answer.helpful': 'この回答は役に立ちましたか?',
  'feedback.up': '👍 はい',
  'feedback.down': '👎 いいえ',
  'feedback.thanks': 'フィードバックありがとうございます。',
  'feedback.sorry': 'お役に立てず申し訳ありません。質問を言い換えるか、トピック一覧を見るか、L2 へのエスカレーションをご利用ください。',
  'action.escalate': 'L2 にエスカレーション',
  'action.topics': 'トピック一覧',
  'action.help': '使い方',
  'escalate.placeholder': 'ボットからの L2 へのエスカレーションはまだ利用できません。ヘルプデスクに連絡し、ここに貼り付けた内容をお伝えください。',
  'topics.title': 'お答えできるトピック',
  'topics.group.cloud-protection': 'クラウド保護',
  'topics.group.connectivity': 'クラウドへの接続',
  'topics.group.tamper-protection': '改ざん防止',
  'topics.group.other': 'その他',
  'help.title': 'このボットでできること',
  'help.ask': 'Microsoft Defender ウイルス対策についての質問に、日本語または英語でお答えします。普段の言葉で、誤字やエラー コードのままでも大丈夫です。',
  'help.paste':
    'MpCmdRun.exe -ValidateMapsConnection、Get-MpComputerStatus、Get-MpPreference、sc.exe query Sense、reg query、イベント ログの出力を貼り付けると、問題点と次の手順をお伝えします。',
  'help.escalate': '解決できない場合は、集めた情報を添えて L2 に引き継ぎます。',
  'help.examples': '例えば次のように質問できます:',
  'help.example1': 'アプリの初回起動だけ遅いのはなぜ?',
  'help.example2': '改ざん防止がグレーアウトしている',
  'help.example3': '0x80508015 はどういう意味?',
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
