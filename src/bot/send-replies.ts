/** The one place that turns route replies into activities and sends them. */

import { CardFactory, MessageFactory, type Activity, type TurnContext } from 'botbuilder';

import { renderCard, type CardTemplates } from '../cards/render-card.js';
import { localeOf } from '../i18n/language.js';
import type { Reply } from '../routes/reply.js';
import { DEFAULT_RETRY, withOutboundRetry, type RetryPolicy } from './retry-outbound.js';

/** Thrown when the replies could not be delivered (the channel is what failed: no apology is sent through it). */
export class ReplyDeliveryError extends Error {
  constructor(override readonly cause: unknown) {
    super(`outbound: replies could not be delivered (${cause instanceof Error ? cause.message : String(cause)})`);
    this.name = 'ReplyDeliveryError';
  }
}

/**
 * Returns the outgoing activity for one reply: a card carries its summary (chat list, notifications), and every reply
 * the locale of its own language (an English answer to a Japanese Teams client is en-US, not the client's ja-JP).
 */
export function toActivity(templates: CardTemplates, reply: Reply): Partial<Activity> {
  if (reply.type === 'text') return { ...MessageFactory.text(reply.text), locale: localeOf(reply.language) };
  // The generic signature cannot correlate card and data inside the union; cardReply() guarantees the pairing.
  const card = renderCard(templates, reply.card, reply.data as never);
  return {
    ...MessageFactory.attachment(CardFactory.adaptiveCard(card)),
    summary: reply.summary,
    locale: localeOf(reply.language),
  };
}

/**
 * Sends every reply in order, awaiting each send; throttled or failed-in-transit sends are retried with backoff,
 * and all the replies of a turn share one budget, so a turn ends even when the channel never answers.
 */
export async function sendReplies(
  context: TurnContext,
  templates: CardTemplates,
  replies: readonly Reply[],
  policy: RetryPolicy = DEFAULT_RETRY,
): Promise<void> {
  const deadline = Date.now() + policy.budgetMs;
  for (const reply of replies) {
    const activity = toActivity(templates, reply);
    try {
      await withOutboundRetry(() => context.sendActivity(activity), {
        ...policy,
        budgetMs: Math.max(0, deadline - Date.now()),
      });
    } catch (error) {
      throw new ReplyDeliveryError(error);
    }
  }
}
