/**
 * Tickets on the storage port: ids unique across processes (a per-day counter updated with eTag checks),
 * optimistic updates (re-read and retry on conflict), and idempotent creation per escalation draft.
 *
 * Creation can't half-happen: one create-if-absent write of the draft's claim, holding the whole ticket, decides
 * the ticket. Everything after it (the ticket record, the index) is derived from the claim and repeatable: a
 * resubmit of the draft and `recover()` at start-up finish it, so a crash or a full disk at any point leaves
 * either no ticket (the user was not told of one) or one ticket that ends up stored, listed and delivered.
 */

import { ConflictError, retryOnConflict, type KeyValueStore, type StoredItem } from '../storage/key-value-store.js';
import { applyTicketAction, normalizeTicket, type Ticket, type TicketAction, type TransitionResult } from './ticket.js';

const TICKET_PREFIX = 'tickets/';
const COUNTER_PREFIX = 'ticket-counters/';
const INDEX_KEY = 'ticket-index';
const WAITING_PREFIX = 'ticket-waiting/';
/** Prefix of the draft claims (one per submitted escalation form). */
export const DRAFT_PREFIX = 'escalation-drafts/';

/**
 * The storage key marking the ticket that waits for an answer from the user of `conversationId` (read with the turn's
 * state).
 */
export const waitingKey = (conversationId: string): string => `${WAITING_PREFIX}${encodeURIComponent(conversationId)}`;

/** Returns the ticket id for the `sequence`-th ticket of `day` (UTC): MDAV-20261129-0042. */
export function formatTicketId(day: Date, sequence: number): string {
  const date = day.toISOString().slice(0, 10).replace(/-/gu, '');
  return `MDAV-${date}-${String(sequence).padStart(4, '0')}`;
}

/** True for a well-formed ticket id (ids from card data are checked before any storage key is built). */
export function isTicketId(value: unknown): value is string {
  return typeof value === 'string' && /^MDAV-\d{8}-\d{4,}$/u.test(value);
}

export interface TicketStore {
  /** Allocates the next id for `now`'s day; unique across processes sharing the store. */
  nextId(now: Date): Promise<string>;
  /**
   * Creates the ticket unless the `draftKey` already produced one (double click, retried submit); returns the ticket
   * that exists.
   */
  createOnce(draftKey: string, build: (id: string) => Ticket, now: Date): Promise<{ ticket: Ticket; created: boolean }>;
  get(id: string): Promise<Ticket | undefined>;
  /** Applies an action with optimistic concurrency; exactly one of two racing actions on a state wins. */
  apply(id: string, action: TicketAction, now: Date): Promise<TransitionResult | { ok: false; reason: 'not-found' }>;
  /** Replaces fields that are not part of the workflow (delivery state, L2 post). */
  patch(id: string, change: (ticket: Ticket) => Ticket): Promise<Ticket | undefined>;
  /** Every ticket id, oldest first. */
  list(): Promise<string[]>;
  /** Finishes every claimed ticket a crash or a full disk interrupted (stored and listed); returns their ids. */
  recover(): Promise<string[]>;
  /**
   * Marks (or clears, with undefined) the ticket whose question its requester in `conversationId` should answer next.
   */
  setWaiting(conversationId: string, ticketId: string | undefined, requesterId?: string): Promise<void>;
  /** The ticket waiting for an answer in `conversationId`, and who is to answer (absent in markers written before). */
  waitingFor(conversationId: string): Promise<{ ticketId: string; requesterId?: string } | undefined>;
}

const readTicket = (item: StoredItem): Ticket => {
  const { eTag: _eTag, ...ticket } = item;
  // Tickets stored by older versions are brought to the current shape on every read (migrated on read, written back on
  // the next change).
  return normalizeTicket(ticket as unknown as Ticket);
};

/** Creates a ticket store on `store`. */
export function createTicketStore(store: KeyValueStore): TicketStore {
  const readItem = async (key: string): Promise<StoredItem | undefined> => (await store.read([key]))[key];

  const addToIndex = (id: string): Promise<void> =>
    retryOnConflict(async () => {
      const index = await readItem(INDEX_KEY);
      if (!index) {
        if (await store.create(INDEX_KEY, { ids: [id] })) return;
        throw new ConflictError('another writer created the ticket index first');
      }
      const ids = Array.isArray(index['ids']) ? (index['ids'] as string[]) : [];
      if (ids.includes(id)) return;
      await store.write({ [INDEX_KEY]: { ids: [...ids, id], eTag: index.eTag } });
    });

  /** Stores the claimed ticket (unless stored) and lists it (unless listed); true when this call stored it. */
  const materialize = async (ticket: Ticket): Promise<boolean> => {
    const created = await store.create(`${TICKET_PREFIX}${ticket.id}`, { ...ticket });
    await addToIndex(ticket.id);
    return created;
  };

  /** The ticket a claim decided: held in the claim, or (claims written before) the stored ticket it names. */
  const claimedTicket = async (claim: StoredItem): Promise<Ticket | undefined> => {
    const held = claim['ticket'];
    if (typeof held === 'object' && held !== null && typeof (held as { id?: unknown }).id === 'string')
      return normalizeTicket(held as Ticket);
    return typeof claim['ticketId'] === 'string' ? api.get(claim['ticketId']) : undefined;
  };

  const api: TicketStore = {
    nextId: (now) =>
      retryOnConflict(async () => {
        const key = `${COUNTER_PREFIX}${now.toISOString().slice(0, 10)}`;
        const counter = await readItem(key);
        // The day's first ticket creates the counter (only one creator wins); later ones move it with an eTag check.
        if (!counter) {
          if (await store.create(key, { last: 1 })) return formatTicketId(now, 1);
          throw new ConflictError('another writer created the ticket counter first');
        }
        const sequence = (typeof counter['last'] === 'number' ? counter['last'] : 0) + 1;
        await store.write({ [key]: { last: sequence, eTag: counter.eTag } });
        return formatTicketId(now, sequence);
      }),

    async createOnce(draftKey, build, now) {
      const key = `${DRAFT_PREFIX}${draftKey}`;
      const fromClaim = async (claim: StoredItem): Promise<{ ticket: Ticket; created: boolean }> => {
        const decided = await claimedTicket(claim);
        if (!decided) throw new Error(`escalation: draft ${draftKey} was claimed but its ticket is missing`);
        const created = await materialize(decided);
        return { ticket: (await api.get(decided.id)) ?? decided, created };
      };
      const existing = await readItem(key);
      if (existing) return fromClaim(existing);
      const ticket = build(await api.nextId(now));
      // The one write that decides: whoever creates the claim has chosen the ticket (id and content) for the draft.
      if (!(await store.create(key, { ticket: { ...ticket }, claimedAt: now.toISOString() }))) {
        const winner = await readItem(key);
        if (!winner) throw new Error(`escalation: draft ${draftKey} was claimed and then removed`);
        return fromClaim(winner);
      }
      return { ticket, created: await materialize(ticket) };
    },

    async recover() {
      const recovered: string[] = [];
      const keys = (await store.list(DRAFT_PREFIX)).map((found) => found.key);
      const indexed = new Set(await api.list());
      for (let start = 0; start < keys.length; start += 50) {
        const claims = await store.read(keys.slice(start, start + 50));
        for (const claim of Object.values(claims)) {
          const ticket = claim ? await claimedTicket(claim) : undefined;
          if (!ticket || indexed.has(ticket.id)) continue;
          await materialize(ticket);
          recovered.push(ticket.id);
        }
      }
      return recovered;
    },

    async get(id) {
      if (!isTicketId(id)) return undefined;
      const item = await readItem(`${TICKET_PREFIX}${id}`);
      return item ? readTicket(item) : undefined;
    },

    async apply(id, action, now) {
      if (!isTicketId(id)) return { ok: false, reason: 'not-found' };
      return retryOnConflict(async () => {
        const item = await readItem(`${TICKET_PREFIX}${id}`);
        if (!item) return { ok: false, reason: 'not-found' } as const;
        const result = applyTicketAction(readTicket(item), action, now);
        if (result.ok) await store.write({ [`${TICKET_PREFIX}${id}`]: { ...result.ticket, eTag: item.eTag ?? '*' } });
        return result;
      });
    },

    async patch(id, change) {
      if (!isTicketId(id)) return undefined;
      return retryOnConflict(async () => {
        const item = await readItem(`${TICKET_PREFIX}${id}`);
        if (!item) return undefined;
        const ticket = change(readTicket(item));
        await store.write({ [`${TICKET_PREFIX}${id}`]: { ...ticket, eTag: item.eTag ?? '*' } });
        return ticket;
      });
    },

    async setWaiting(conversationId, ticketId, requesterId) {
      const key = waitingKey(conversationId);
      if (ticketId === undefined) await store.delete([key]);
      else await store.write({ [key]: { ticketId, ...(requesterId !== undefined ? { requesterId } : {}), eTag: '*' } });
    },

    async waitingFor(conversationId) {
      const item = await readItem(waitingKey(conversationId));
      if (typeof item?.['ticketId'] !== 'string') return undefined;
      return {
        ticketId: item['ticketId'],
        ...(typeof item['requesterId'] === 'string' ? { requesterId: item['requesterId'] } : {}),
      };
    },

    async list() {
      const index = await readItem(INDEX_KEY);
      return Array.isArray(index?.['ids']) ? (index['ids'] as string[]) : [];
    },
  };
  return api;
}
