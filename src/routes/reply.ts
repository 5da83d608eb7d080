/** What a route hands back; one place in the bot turns replies into activities and sends them. */

import type { CardDataMap, CardName } from '../cards/card-data.js';
import type { Language } from '../i18n/language.js';

/**
 * A card reply, typed by template, with its language and the one-line summary Teams shows in the chat list and
 * notifications.
 */
export type CardReply = {
  [N in CardName]: {
    readonly type: 'card';
    readonly card: N;
    readonly data: CardDataMap[N];
    readonly language: Language;
    readonly summary: string;
  };
}[CardName];

/** A plain text reply in `language`. */
export interface TextReply {
  readonly type: 'text';
  readonly text: string;
  readonly language: Language;
}

export type Reply = CardReply | TextReply;

// The chat list and notifications show a card's summary instead of "Sent a card": the line that says what it is.
const SUMMARY: { readonly [N in CardName]: (data: CardDataMap[N]) => string } = {
  welcome: (data) => data.title,
  answer: (data) => data.title,
  choices: (data) => data.prompt,
  'not-found': (data) => data.title,
  diagnosis: (data) => data.summary,
  topics: (data) => data.title,
  help: (data) => data.title,
  'escalation-form': (data) => data.title,
  ticket: (data) => data.title,
  'l2-ticket': (data) => data.title,
};

/** Returns a card reply for template `card` in `language`, with its summary. */
export function cardReply<N extends CardName>(card: N, data: CardDataMap[N], language: Language): Reply {
  return { type: 'card', card, data, language, summary: SUMMARY[card](data) } as Reply;
}

/** Returns a plain text reply. */
export function textReply(text: string, language: Language): Reply {
  return { type: 'text', text, language };
}
