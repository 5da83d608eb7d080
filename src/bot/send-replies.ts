/** The one place that turns route replies into activities and sends them. */

import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';

import { renderCard, type CardTemplates } from '../cards/render-card.js';
import { localeOf } from '../i18n/language.js';
import type { Reply } from '../routes/reply.js';
import { withOutboundRetry } from './retry-outbound.js';

/**
 * Returns the outgoing activity for one reply: a card carries its summary (chat list, notifications), and every reply the
 * locale of its own language (an English answer to a Japanese Teams client is en-US, not the client's ja-JP).
 */
export function toActivity(templates: CardTemplates, reply: Reply): Partial<Activity> {
  if (reply.type === 'text') return { ...MessageFactory.text(reply.text), locale: localeOf(reply.language) };
  // The generic signature cannot correlate card and data inside the union; cardReply() guarantees the pairing.
  const card = renderCard(templates, reply.card, reply.data as never);
  return { ...MessageFactory.attachment(CardFactory.adaptiveCard(card)), summary: reply.summary, locale: localeOf(reply.language) };
}

/** Sends every reply in order, awaiting each send; throttled or failed-in-transit sends are retried with backoff. */
export async function sendReplies(context: TurnContext, templates: CardTemplates, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    const activity = toActivity(templates, reply);
    await withOutboundRetry(() => context.sendActivity(activity));
  }
}
