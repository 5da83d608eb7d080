/** Who may act on tickets: a card action from a channel conversation of the L2 channel, or an allowed AAD object id. */

/** The configured L2 channel and the AAD object ids allowed from anywhere. */
export interface L2AccessPolicy {
  /** Teams channel id of the L2 channel (19:...@thread.tacv2); empty: no channel grants rights. */
  readonly channelId: string;
  readonly allowedAadIds: readonly string[];
}

/** What an activity says about where it comes from and who sent it. */
export interface L2Claim {
  /** channelData.channel.id */
  readonly teamsChannelId: string | undefined;
  /** conversation.conversationType: personal, groupChat or channel. */
  readonly conversationType: string | undefined;
  /** conversation.id: the channel's id, or a post's thread in it (19:...@thread.tacv2;messageid=...). */
  readonly conversationId: string;
  readonly from: { readonly aadObjectId?: string };
}

/** True when `conversationId` is the channel `channelId` itself or a thread of it. */
export function isConversationOfChannel(conversationId: string, channelId: string): boolean {
  return conversationId === channelId || conversationId.startsWith(`${channelId};`);
}

/**
 * True for L2. The channel grants rights only when all three agree: channelData names the L2 channel, the
 * conversation is a channel conversation, and its id is that channel's (a personal chat or a group chat carrying
 * a copied channelData, or a post in another channel, is not L2). An allowed AAD object id is L2 anywhere.
 */
export function isL2Sender(claim: L2Claim, policy: L2AccessPolicy): boolean {
  const inChannel =
    policy.channelId !== '' &&
    claim.teamsChannelId === policy.channelId &&
    claim.conversationType === 'channel' &&
    isConversationOfChannel(claim.conversationId, policy.channelId);
  return inChannel || (claim.from.aadObjectId !== undefined && policy.allowedAadIds.includes(claim.from.aadObjectId));
}

/** Returns the L2 rule for `policy`: who may act on tickets, search them, and gets answers with the admin part open. */
export const l2Rule =
  (policy: L2AccessPolicy) =>
  (claim: L2Claim): boolean =>
    isL2Sender(claim, policy);

/** A ticket waiting for its requester's answer to L2's question, as marked on the conversation. */
export interface WaitingTicketMark {
  readonly ticketId: string;
  /** Missing in marks written before it existed: then the ticket's requester is looked up. */
  readonly requesterId?: string;
}

/**
 * Returns who answers a waiting ticket: the waiting ticket's id when `from` is its requester or an allowed L2 member
 * (by AAD object id); otherwise undefined (in a group chat, others just talk to the bot). `requesterOf` looks up the
 * requester of marks that don't name one.
 */
export const waitingTicketRule =
  (policy: L2AccessPolicy, requesterOf: (ticketId: string) => Promise<string | undefined>) =>
  async (
    waiting: WaitingTicketMark,
    from: { readonly id: string; readonly aadObjectId?: string },
  ): Promise<string | undefined> => {
    const requesterId = waiting.requesterId ?? (await requesterOf(waiting.ticketId));
    const l2Member = from.aadObjectId !== undefined && policy.allowedAadIds.includes(from.aadObjectId);
    return from.id === requesterId || l2Member ? waiting.ticketId : undefined;
  };
