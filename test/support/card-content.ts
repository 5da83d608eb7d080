/** Reads what a reply's cards say and which buttons they carry, for HTTP tests that check replies by content. */

import { messageActivity } from './activities.js';
import { postActivity } from './start-test-app.js';

/** An activity as the bot returns it with expectReplies. */
export interface ReplyActivity {
  type: string;
  text?: string;
  locale?: string;
  attachments?: Array<{ content: unknown }>;
}

/** Every TextBlock text under `node`, in order. */
function texts(node: unknown): string[] {
  if (Array.isArray(node)) return node.flatMap(texts);
  if (typeof node !== 'object' || node === null) return [];
  const own = (node as { type?: unknown }).type === 'TextBlock' ? [String((node as { text: unknown }).text)] : [];
  return [...own, ...Object.values(node).flatMap(texts)];
}

/** Every Action.Submit data under `node` (buttons and clickable rows). */
function submits(node: unknown): Array<Record<string, string>> {
  if (Array.isArray(node)) return node.flatMap(submits);
  if (typeof node !== 'object' || node === null) return [];
  const own =
    (node as { type?: unknown }).type === 'Action.Submit' ? [(node as { data: Record<string, string> }).data] : [];
  return [...own, ...Object.values(node).flatMap(submits)];
}

/** Every TextBlock text anywhere in `node` (a card, an activity, a list of replies), in order. */
export const textsIn = (node: unknown): string[] => texts(node);
/** The TextBlock texts of a reply's cards. */
export const cardTexts = (reply: ReplyActivity | undefined): string[] =>
  texts(reply?.attachments?.map((attachment) => attachment.content) ?? []);
/** The Action.Submit data of a reply's cards. */
export const cardSubmits = (reply: ReplyActivity | undefined): Array<Record<string, string>> =>
  submits(reply?.attachments?.map((attachment) => attachment.content) ?? []);

/** One message of a chat: text, or a card click's value. */
export interface ChatMessage {
  readonly text?: string;
  readonly value?: Record<string, string>;
}

let chats = 0;

/**
 * Opens a new conversation with the bot at `baseUrl` (its own id, so no state is shared): each call sends one message
 * in it over real HTTP with expectReplies and returns the replies.
 */
export function openChat(baseUrl: () => string, locale: string): (message: ChatMessage) => Promise<ReplyActivity[]> {
  chats += 1;
  const conversationId = `chat-${chats}`;
  return async (message) => {
    const activity = messageActivity({
      serviceUrl: 'http://127.0.0.1:9',
      conversationId,
      locale,
      expectReplies: true,
      text: message.text,
      extra: message.value ? { value: message.value } : {},
    });
    const result = await postActivity(baseUrl(), activity);
    if (result.status !== 200) throw new Error(`POST /api/messages answered ${result.status}`);
    return (result.json as { activities: ReplyActivity[] }).activities;
  };
}
