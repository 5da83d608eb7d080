/** Shared activity builders for HTTP and turn tests. */

export interface ActivityOptions {
  readonly serviceUrl: string;
  readonly text?: string;
  readonly locale?: string;
  readonly conversationId?: string;
  readonly id?: string;
  readonly expectReplies?: boolean;
  readonly extra?: Record<string, unknown>;
}

let counter = 0;

/** Returns a Teams-like message activity. */
export function messageActivity(options: ActivityOptions): Record<string, unknown> {
  counter += 1;
  return {
    type: 'message',
    id: options.id ?? `act-${counter}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    conversation: { id: options.conversationId ?? `conv-${counter}`, conversationType: 'personal' },
    from: { id: 'user-1', name: 'Test User', aadObjectId: '00000000-0000-0000-0000-000000000001' },
    recipient: { id: 'bot-1', name: 'MDAV Bot' },
    text: 'text' in options ? options.text : 'hello',
    locale: options.locale ?? 'en-US',
    timestamp: new Date(0).toISOString(),
    ...(options.expectReplies ? { deliveryMode: 'expectReplies' } : {}),
    ...options.extra,
  };
}

/** Returns a conversationUpdate activity announcing that the bot was added. */
export function botAddedActivity(options: ActivityOptions): Record<string, unknown> {
  counter += 1;
  return {
    type: 'conversationUpdate',
    id: options.id ?? `act-${counter}`,
    channelId: 'msteams',
    serviceUrl: options.serviceUrl,
    conversation: { id: options.conversationId ?? `conv-${counter}`, conversationType: 'personal' },
    from: { id: 'user-1' },
    recipient: { id: 'bot-1' },
    membersAdded: [{ id: 'bot-1' }],
    locale: options.locale ?? 'en-US',
    ...(options.expectReplies ? { deliveryMode: 'expectReplies' } : {}),
  };
}
