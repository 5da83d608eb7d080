/** A TurnInput for route unit tests: an English personal-chat message, nothing remembered, changed by `overrides`. */

import { EMPTY_CONVERSATION, type TurnInput } from '../../src/routes/turn-input.js';

export const fakeTurnInput = (overrides: Partial<TurnInput> = {}): TurnInput => ({
  text: '',
  html: undefined,
  locale: 'en-US',
  language: 'en',
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
