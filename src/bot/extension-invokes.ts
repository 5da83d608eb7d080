/**
 * Runs message-extension invokes through the pure extension handlers; a failure (storage, a bug) becomes a message,
 * never a 500.
 */

import type { TurnContext } from 'botbuilder';

import type { ComposeExtensions } from '../extensions/compose-extensions.js';
import { extensionMessage, taskMessage, type ExtensionBody } from '../extensions/extension-response.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/create-logger.js';
import { readTurnInput } from './read-turn-input.js';

export type ExtensionInvoke = keyof ComposeExtensions;

/** Returns the response body for one extension invoke of `context`. */
export async function answerExtensionInvoke(
  extensions: ComposeExtensions,
  invoke: ExtensionInvoke,
  context: TurnContext,
  logger: Logger,
): Promise<ExtensionBody> {
  // The invoke's value is not a card action: the route-facing input is read without it (who, where, locale).
  const input = readTurnInput({ ...context.activity, value: undefined, text: '' });
  try {
    return await extensions[invoke]({ input, value: context.activity.value });
  } catch (error) {
    logger.error({ activityId: context.activity.id, invoke, err: error }, 'extension invoke failed');
    const text = t(input.language, 'ext.error');
    return invoke === 'fetchTask' ? taskMessage(text) : extensionMessage(text);
  }
}
