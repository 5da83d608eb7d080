/**
 * What a message turn reads before routing and writes after it, in ONE storage read: the conversation's data and
 * the ticket waiting for its user's answer. Keys and shape are the ones botbuilder's ConversationState used
 * (`<channel>/conversations/<id>/` holding `{ conversationData }`), so stored conversations keep working.
 */

import { waitingKey } from '../escalation/ticket-store.js';
import type { ConversationData } from '../routes/turn-input.js';
import type { KeyValueStore } from '../storage/key-value-store.js';

/** Where a turn's state lives: the channel and conversation of the activity. */
export interface TurnAddress {
  readonly channelId: string;
  readonly conversationId: string;
}

/** The state one message turn starts from. */
export interface TurnState {
  /** As stored (possibly an older or partial shape), or undefined for a new conversation. */
  readonly conversation: Partial<ConversationData> | undefined;
  /** The ticket waiting for an answer to an L2 question in this conversation, and who asked for it, if any. */
  readonly waiting: WaitingTicket | undefined;
}

/**
 * The waiting-ticket marker (see TicketStore.setWaiting); `requesterId` is missing in markers written before it
 * existed.
 */
export interface WaitingTicket {
  readonly ticketId: string;
  readonly requesterId?: string;
}

export interface TurnStateStore {
  /** Reads the conversation's data and its waiting ticket with one storage read. */
  load(address: TurnAddress): Promise<TurnState>;
  /** Saves the conversation's data (last writer wins, as with ConversationState). */
  save(address: TurnAddress, conversation: ConversationData): Promise<void>;
}

/** The storage key of a conversation's data (botbuilder ConversationState's key with the default namespace). */
export const conversationKey = (address: TurnAddress): string =>
  `${address.channelId}/conversations/${address.conversationId}/`;

/** Creates the turn state store on `store`. */
export function createTurnStateStore(store: KeyValueStore): TurnStateStore {
  return {
    async load(address) {
      const key = conversationKey(address);
      const waiting = waitingKey(address.conversationId);
      const items = await store.read([key, waiting]);
      const data = items[key]?.['conversationData'];
      const ticketId = items[waiting]?.['ticketId'];
      const requesterId = items[waiting]?.['requesterId'];
      return {
        conversation: typeof data === 'object' && data !== null ? data : undefined,
        waiting:
          typeof ticketId === 'string'
            ? { ticketId, ...(typeof requesterId === 'string' ? { requesterId } : {}) }
            : undefined,
      };
    },
    async save(address, conversation) {
      await store.write({ [conversationKey(address)]: { conversationData: conversation, eTag: '*' } });
    },
  };
}
