/** Recognises greetings, thanks and requests for help, which get short replies instead of knowledge answers. */

import { conceptTerms } from './concepts.js';

export type ConversationalKind = 'greeting' | 'thanks' | 'help' | 'topics';

// Order matters: topics and help before thanks before greeting, so "hi, what can you do?" is help.
const PHRASES: ReadonlyArray<{ readonly kind: ConversationalKind; readonly pattern: RegExp }> = [
  { kind: 'topics', pattern: /^(\/?topics?|topic list|list topics|browse topics|トピック(一覧)?|話題(一覧)?|一覧)$/u },
  {
    kind: 'help',
    pattern:
      /(^|\s)(help|\/help|what can you do|what do you do|what can i ask|what do you know|how do i use (you|this)|commands|menu)(\s|$|[?!.])|使い方|ヘルプ|何ができる|なにができる|何を聞け|なにを聞け|どんな質問|できることは|できること[??]/u,
  },
  {
    kind: 'thanks',
    pattern:
      /(^|\s)(thanks|thank you|thx|ty|cheers|appreciated?|that fixed it|that worked|it worked)(\s|$|[?!.,])|ありがと|サンキュー|さんきゅ|感謝|助かりました|助かった|解決しました|解決した/u,
  },
  {
    kind: 'greeting',
    pattern:
      /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening))(\s|$|[?!.,])|こんにちは|こんにちわ|おはよう|こんばんは|お疲れ様|お疲れさま|おつかれ|はじめまして|よろしく/u,
  },
];

// What may surround a conversational phrase without making the message a question.
const FILLER =
  /^[\s!!.。、,??~ー〜…]*(there|again|so much|a lot|bot|everyone|all|です|ございます|ございました|ね|よ|の)?[\s!!.。、,??~ー〜…]*$/u;

// Longest remainder ("that fixed it", "に答えられますか") that still leaves the message conversational.
const SHORT_REST = 16;

/**
 * Returns the conversational kind a message contains, and whether the message is nothing else: only filler or a
 * short remainder without any Defender concept around the phrase.
 */
export function conversationalKind(
  normalized: string,
): { readonly kind: ConversationalKind; readonly only: boolean } | undefined {
  const text = normalized.trim();
  if (text.length > 120) return undefined;
  for (const { kind, pattern } of PHRASES) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = (text.slice(0, match.index) + ' ' + text.slice(match.index + match[0].length)).trim();
    const only = FILLER.test(rest) || (rest.length <= SHORT_REST && conceptTerms(rest).length === 0);
    return { kind, only };
  }
  return undefined;
}
