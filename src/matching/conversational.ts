/** Recognises greetings, thanks and requests for help, which get short replies instead of knowledge answers. */

export type ConversationalKind = 'greeting' | 'thanks' | 'help';

// Order matters: "thanks, hi" is thanks; help before greeting so "hi, what can you do" is help.
const PATTERNS: ReadonlyArray<{ readonly kind: ConversationalKind; readonly pattern: RegExp }> = [
  { kind: 'thanks', pattern: /^(thanks?( you)?( so much| a lot)?|thx|ty|cheers|great,? thanks|ok,? thanks|ありがと(う|うございます|うございました)?|感謝(します)?|助かりました|了解(です|しました)?(、)?ありがとう(ございます)?)[!.! 。]*$/u },
  {
    kind: 'help',
    pattern:
      /^(help|\/help|\?|what can you do\??|what do you do\??|how do i use (you|this( bot)?)\??|menu|commands|topics|使い方|ヘルプ|助けて|何ができますか[??]?|何ができるの[??]?|なにができる(の)?[??]?|できること(は)?[??]?|トピック(一覧)?)[!.! 。]*$/u,
  },
  { kind: 'greeting', pattern: /^(hi|hello|hey|hiya|yo|good (morning|afternoon|evening)|こんにちは|こんにちわ|おはよう(ございます)?|こんばんは|はじめまして|お疲れ様です|おつかれさまです|よろしく(お願いします)?)[!.! 。]*$/u },
];

/** Returns the conversational kind of a normalized message, or undefined when it asks something. */
export function conversationalKind(normalized: string): ConversationalKind | undefined {
  const text = normalized.replace(/[\s]+/gu, ' ').trim();
  if (text.length > 40) return undefined;
  return PATTERNS.find(({ pattern }) => pattern.test(text))?.kind;
}
