/** The one turn error handler: logs with ids, apologises in the user's language, never shows error details. */

import type { TurnContext } from 'botbuilder';

import { detectLanguage, localeOf } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/create-logger.js';
import { isRetryable } from './retry-outbound.js';
import { ReplyDeliveryError } from './send-replies.js';

/** Returns the `onTurnError` function for the adapter. */
export function createTurnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    const ids = { activityId: activity.id, conversationId: activity.conversation?.id, activityType: activity.type };
    logger.error({ ...ids, err: error }, 'turn failed');
    // The channel never answered or could not be reached: an apology through it would only hold the turn longer.
    // (A reply the channel refused, e.g. with 400, is still followed by the apology.)
    if (error instanceof ReplyDeliveryError && isRetryable(error.cause)) return;
    const text = typeof activity.text === 'string' ? activity.text : '';
    const language = detectLanguage(text, activity.locale);
    try {
      await context.sendActivity({ type: 'message', text: t(language, 'error.apology'), locale: localeOf(language) });
    } catch (sendError) {
      // The connector may be the thing that failed; the original error is already logged.
      logger.error({ ...ids, err: sendError }, 'apology could not be sent');
    }
  };
}
