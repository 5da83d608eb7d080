/** What a route hands back; one place in the bot turns replies into activities and sends them. */

import type { CardDataMap, CardName } from '../cards/card-data.js';

/** A card reply, typed by template. */
export type CardReply = { [N in CardName]: { readonly type: 'card'; readonly card: N; readonly data: CardDataMap[N] } }[CardName];

/** A plain text reply. */
export interface TextReply {
  readonly type: 'text';
  readonly text: string;
}

export type Reply = CardReply | TextReply;

/** Returns a card reply for template `card`. */
export function cardReply<N extends CardName>(card: N, data: CardDataMap[N]): Reply {
  return { type: 'card', card, data } as Reply;
}
