/** Catch-all route until matching lands: acknowledges the message with a placeholder card. */

import { t } from '../i18n/messages.js';
import { cardReply } from './reply.js';
import type { Route } from './route-table.js';
import type { TurnInput } from './turn-input.js';

/** Answers every turn with the placeholder card in the turn's language. */
export const placeholderRoute: Route = Object.freeze({
  id: 'placeholder',
  matches: () => true,
  handle: (input: TurnInput) => [
    cardReply('placeholder', {
      title: t(input.language, 'placeholder.title'),
      body: t(input.language, 'placeholder.body', { length: input.text.length }),
    }),
  ],
});
