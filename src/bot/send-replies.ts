/** The one place that turns route replies into activities and sends them. */

import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';

import { renderCard, type CardTemplates } from '../cards/render-card.js';
import type { Reply } from '../routes/reply.js';
import { withOutboundRetry } from './retry-outbound.js';

/** Returns the outgoing activity for one reply. */
export function toActivity(templates: CardTemplates, reply: Reply): Partial<Activity> {
  if (reply.type === 'text') return MessageFactory.text(reply.text);
  // The generic signature cannot correlate card and data inside the union; cardReply() guarantees the pairing.
  const card = renderCard(templates, reply.card, reply.data as never);
  return MessageFactory.attachment(CardFactory.adaptiveCard(card));
}

/** Sends every reply in order, awaiting each send; throttled or failed-in-transit sends are retried with backoff. */
export async function sendReplies(context: TurnContext, templates: CardTemplates, replies: readonly Reply[]): Promise<void> {
  for (const reply of replies) {
    const activity = toActivity(templates, reply);
    await withOutboundRetry(() => context.sendActivity(activity));
  }
}
