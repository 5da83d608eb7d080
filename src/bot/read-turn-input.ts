/** Extracts the route-facing `TurnInput` from a botbuilder activity. */

import type { Activity } from 'botbuilder';

import {
  completeTurnInput,
  EMPTY_CONVERSATION,
  MAX_MESSAGE_CHARS,
  type CardAction,
  type ConversationData,
  type FileInput,
  type TurnInput,
} from '../routes/turn-input.js';
import { FILE_DOWNLOAD_INFO } from './read-file-attachment.js';

// Teams puts every @mention in the text as <at>Name</at>; removeRecipientMention only strips the first.
const MENTION = /<at\b[^>]*>[\s\S]*?<\/at>/giu;

/** Returns the card action carried in `value`, when it has a string `verb`. */
function readCardAction(value: unknown): CardAction | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const data = value as Record<string, unknown>;
  const verb = data['verb'];
  return typeof verb === 'string' && verb.length > 0 ? { verb, data } : undefined;
}

/** Returns the content of the first text/html attachment, if any. */
function readHtmlAttachment(activity: Partial<Activity>): string | undefined {
  for (const attachment of activity.attachments ?? []) {
    if (attachment?.contentType === 'text/html' && typeof attachment.content === 'string') return attachment.content;
  }
  return undefined;
}

/** Returns the Teams channel id in channelData, when the activity came from a channel. */
function readTeamsChannelId(channelData: unknown): string | undefined {
  const channel = (channelData as { channel?: { id?: unknown } } | undefined)?.channel;
  return typeof channel?.id === 'string' ? channel.id : undefined;
}

/** What the shell knows about the turn beyond the activity. */
export interface TurnContextData {
  readonly conversation?: ConversationData;
  readonly reference?: Readonly<Record<string, unknown>>;
  readonly waitingTicketId?: string;
  /** The text file attachment, when the shell found and downloaded one. */
  readonly file?: FileInput;
}

/** Builds the turn input for a message activity and the conversation's stored data. */
export function readTurnInput(activity: Partial<Activity>, extra: TurnContextData = {}): TurnInput {
  const fullText = typeof activity.text === 'string' ? activity.text.replace(MENTION, ' ').trim() : '';
  const text = fullText.slice(0, MAX_MESSAGE_CHARS);
  const html = readHtmlAttachment(activity);
  const locale = typeof activity.locale === 'string' ? activity.locale : undefined;
  return completeTurnInput({
    text,
    html: html?.slice(0, MAX_MESSAGE_CHARS * 4),
    locale,
    action: readCardAction(activity.value),
    conversationId: activity.conversation?.id ?? '',
    activityId: activity.id,
    conversation: extra.conversation ?? EMPTY_CONVERSATION,
    from: {
      id: activity.from?.id ?? '',
      ...(activity.from?.name ? { name: activity.from.name } : {}),
      ...(activity.from?.aadObjectId ? { aadObjectId: activity.from.aadObjectId } : {}),
    },
    teamsChannelId: readTeamsChannelId(activity.channelData),
    conversationType:
      typeof activity.conversation?.conversationType === 'string' ? activity.conversation.conversationType : undefined,
    reference: extra.reference ?? {},
    waitingTicketId: extra.waitingTicketId,
    otherAttachments: (activity.attachments ?? [])
      .map((attachment) => (typeof attachment?.contentType === 'string' ? attachment.contentType : 'unknown'))
      // The text file that was read is not "other": only images and files the bot does not read are.
      .filter((type) => type !== 'text/html' && !(extra.file && type === FILE_DOWNLOAD_INFO)),
    cutChars: fullText.length - text.length,
    ...(extra.file ? { file: extra.file } : {}),
  });
}
