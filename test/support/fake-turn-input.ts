/**
 * A TurnInput for route unit tests: an English personal-chat message, nothing remembered, changed by `overrides`.
 * What is read from the fields (the paste, the language) is read as in the bot, unless `overrides` gives it.
 */

import { completeTurnInput, EMPTY_CONVERSATION, type TurnFields, type TurnInput } from '../../src/routes/turn-input.js';

export const fakeTurnInput = (overrides: Partial<TurnInput> = {}): TurnInput => {
  const { paste, language, ...fields } = overrides;
  return completeTurnInput(fakeFields(fields), {
    ...('paste' in overrides ? { paste } : {}),
    ...(language ? { language } : {}),
  });
};

const fakeFields = (overrides: Partial<TurnFields>): TurnFields => ({
  text: '',
  html: undefined,
  locale: 'en-US',
  action: undefined,
  conversationId: 'c',
  activityId: 'a',
  conversation: EMPTY_CONVERSATION,
  from: { id: 'user-1' },
  teamsChannelId: undefined,
  conversationType: 'personal',
  reference: {},
  waitingTicketId: undefined,
  otherAttachments: [],
  cutChars: 0,
  ...overrides,
});
