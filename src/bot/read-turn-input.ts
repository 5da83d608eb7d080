/** Extracts the route-facing `TurnInput` from a botbuilder activity. */

import type { Activity } from 'botbuilder';

import { detectLanguage } from '../i18n/language.js';
import { EMPTY_CONVERSATION, type CardAction, type ConversationData, type TurnInput } from '../routes/turn-input.js';

// Teams puts every @mention in the text as <at>Name</at>; removeRecipientMention only strips the first.
const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/giu;

/** Returns the card action carried in `value`, when it has a string `verb`. */
function readCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  const verb = data['verb'];
  return typeof verb === 'string' && verb.length > 0 ? { verb, data } : undefined;
}

/** Returns the content of the first text/html attachment, if any. */
function readHtmlAttachment(activity: Partial<Activity>): string | undefined {
  for (const attachment of activity.attachments ?? []) {
    if (attachment?.contentType === 'text/html' && typeof attachment.content === 'string') return attachment.content;
  }
  return undefined;
}

/** Builds the turn input for a message activity and the conversation's stored data. */
export function readTurnInput(activity: Partial<Activity>, conversation: ConversationData = EMPTY_CONVERSATION): TurnInput {
  const text = typeof activity.text === 'string' ? activity.text.replace(MENTION, ' ').trim() : '';
  const locale = typeof activity.locale === 'string' ? activity.locale : undefined;
  return {
    text,
    html: readHtmlAttachment(activity),
    locale,
    language: detectLanguage(text, locale),
    action: readCardAction(activity.value),
    conversationId: activity.conversation?.id ?? '',
    activityId: activity.id,
    conversation,
  };
}
