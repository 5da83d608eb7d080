/** The part of an inbound activity that routes look at, free of botbuilder types. */

import type { Language } from '../i18n/language.js';
import type { Facts } from '../parsing/facts.js';

/** What the bot keeps per conversation between turns. */
export interface ConversationData {
  /** Facts from every paste so far, merged (newer values win). */
  readonly facts: Facts;
  /** Number of pastes read. */
  readonly pastes: number;
}

export const EMPTY_CONVERSATION: ConversationData = Object.freeze({ facts: {}, pastes: 0 });

/** A card button click (Action.Submit / Action.Execute) carrying `data.verb`. */
export interface CardAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** What one message turn is about. */
export interface TurnInput {
  /** Message text with mentions removed; may be empty for card actions. */
  readonly text: string;
  /** The text/html attachment Teams sends alongside pasted text, when present. */
  readonly html: string | undefined;
  readonly locale: string | undefined;
  /** Reply language chosen for this turn. */
  readonly language: Language;
  readonly action: CardAction | undefined;
  readonly conversationId: string;
  readonly activityId: string | undefined;
  /** The conversation's data as loaded before this turn. */
  readonly conversation: ConversationData;
}
