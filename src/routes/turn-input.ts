/** The part of an inbound activity that routes look at, free of botbuilder types. */

import type { Language } from '../i18n/language.js';

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
}
