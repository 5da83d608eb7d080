/** The one turn error handler: logs with ids, apologises in the user's language, never shows error details. */

import type { TurnContext } from 'botbuilder';

import { detectLanguage, localeOf, type Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/create-logger.js';
import type { TurnInput } from '../routes/turn-input.js';
import { isRetryable } from './retry-outbound.js';
import { ReplyDeliveryError } from './send-replies.js';

/** Where the bot keeps the turn input in `context.turnState`, so that the apology uses the turn's language. */
export const TURN_INPUT = Symbol('turn input');

/**
 * The turn's decided language (TurnInput.language); when the turn failed before its input was read, or while its
 * language was being decided, the language of the activity's text and locale.
 */
function apologyLanguage(context: TurnContext): Language {
  const activity = context.activity;
  try {
    const input = context.turnState.get<TurnInput | undefined>(TURN_INPUT);
    if (input) return input.language;
  } catch {
    // Deciding the language failed (reading the paste): fall back to the text's language below.
  }
  return detectLanguage(typeof activity.text === 'string' ? activity.text : '', activity.locale);
}

/** Returns the `onTurnError` function for the adapter. */
export function createTurnErrorHandler(logger: Logger): (context: TurnContext, error: Error) => Promise<void> {
  return async (context, error) => {
    const activity = context.activity;
    const ids = { activityId: activity.id, conversationId: activity.conversation?.id, activityType: activity.type };
    logger.error({ ...ids, err: error }, 'turn failed');
    // The channel never answered or could not be reached: an apology through it would only hold the turn longer.
    // (A reply the channel refused, e.g. with 400, is still followed by the apology.)
    if (error instanceof ReplyDeliveryError && isRetryable(error.cause)) return;
    const language = apologyLanguage(context);
    try {
      await context.sendActivity({ type: 'message', text: t(language, 'error.apology'), locale: localeOf(language) });
    } catch (sendError) {
      // The connector may be the thing that failed; the original error is already logged.
      logger.error({ ...ids, err: sendError }, 'apology could not be sent');
    }
  };
}
