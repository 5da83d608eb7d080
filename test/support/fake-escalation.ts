/**
 * Escalation dependencies for route unit tests: the real ticket store on an in-memory key-value store, recording every
 * call the routes make, and a fake outbox (the port to Teams) that records what it was asked and answers as told.
 */

import type { EscalationOutbox } from '../../src/escalation/escalation-outbox.js';
import type { L2Post, Ticket, TicketEvent } from '../../src/escalation/ticket.js';
import { createTicketStore, type TicketStore } from '../../src/escalation/ticket-store.js';
import { createEscalationRoutes, type EscalationDeps } from '../../src/routes/escalation-routes.js';
import type { Route } from '../../src/routes/route-table.js';
import type { TicketNote } from '../../src/routes/turn-outcome.js';
import type { TurnInput } from '../../src/routes/turn-input.js';
import { createMemoryStore } from '../../src/storage/memory-store.js';

/** One call to the ticket store or the outbox: the method and its arguments (a ticket by its id and status). */
export type RecordedCall = readonly [method: string, ...args: unknown[]];

/** How the fake outbox behaves: an L2 channel configured or not, and what posting the L2 card gives. */
export interface OutboxBehaviour {
  readonly configured: boolean;
  /** The post the L2 card gets; undefined: Teams could not be reached; 'never': Teams never answers. */
  readonly post?: L2Post | 'never';
}

export interface FakeEscalation {
  readonly deps: EscalationDeps;
  /** The real store behind the recording (seed tickets with `createOnce`, read them back with `get`). */
  readonly store: TicketStore;
  /** Ticket store calls made by the routes, in order (reads included). */
  readonly storeCalls: RecordedCall[];
  /** Outbox calls made by the routes, in order. */
  readonly outboxCalls: RecordedCall[];
  /**
   * The ticket changes reported, as [kind, ticketId, detail?]: a turn's own (its outcome's `tickets`, recorded by
   * `routes()`) first, then what `onTicket` received while and after it ran (the L2 post that finishes later).
   */
  readonly ticketEvents: RecordedCall[];
  /** createEscalationRoutes on these deps, each handler recording its outcome's ticket changes. */
  readonly routes: () => Route[];
}

export const FIXED_NOW = new Date('2026-11-30T09:00:00Z');
export const L2_POST: L2Post = { conversationId: '19:l2@thread.tacv2', activityId: 'l2-1', serviceUrl: 'http://l2' };

const brief = (ticket: Ticket): string => `${ticket.id} ${ticket.status}`;

/** Creates the deps of createEscalationRoutes; `isL2` decides who may act on tickets (default: nobody). */
export function fakeEscalation(
  outbox: OutboxBehaviour,
  isL2: (input: TurnInput) => boolean = () => false,
): FakeEscalation {
  const store = createTicketStore(createMemoryStore());
  const storeCalls: RecordedCall[] = [];
  const outboxCalls: RecordedCall[] = [];
  const ticketEvents: RecordedCall[] = [];
  const tickets: TicketStore = {
    nextId: (now) => store.nextId(now),
    createOnce: (draftKey, build, now) => {
      storeCalls.push(['createOnce', draftKey]);
      return store.createOnce(draftKey, build, now);
    },
    get: (id) => {
      storeCalls.push(['get', id]);
      return store.get(id);
    },
    apply: (id, action, now) => {
      storeCalls.push(['apply', id, action.kind]);
      return store.apply(id, action, now);
    },
    patch: (id, change) => {
      storeCalls.push(['patch', id]);
      return store.patch(id, change);
    },
    list: () => store.list(),
    recover: () => store.recover(),
    setWaiting: (conversationId, ticketId, requesterId) => {
      storeCalls.push(['setWaiting', conversationId, ticketId, requesterId]);
      return store.setWaiting(conversationId, ticketId, requesterId);
    },
    waitingFor: (conversationId) => store.waitingFor(conversationId),
  };
  const fakeOutbox: EscalationOutbox = {
    configured: outbox.configured,
    postTicket: (ticket) => {
      outboxCalls.push(['postTicket', brief(ticket)]);
      return outbox.post === 'never' ? new Promise<never>(() => undefined) : Promise.resolve(outbox.post);
    },
    updateTicket: (ticket: Ticket, event: TicketEvent) => {
      outboxCalls.push(['updateTicket', brief(ticket), event.kind]);
      return Promise.resolve(true);
    },
    notifyUser: (ticket, event, origin) => {
      outboxCalls.push(['notifyUser', brief(ticket), event.kind, origin]);
      return Promise.resolve({
        delivered: true,
        userCard: { activityId: `user-card-${outboxCalls.length}`, message: event.kind },
      });
    },
  };
  let ids = 0;
  const deps: EscalationDeps = {
    tickets,
    outbox: fakeOutbox,
    isL2,
    now: () => FIXED_NOW,
    newId: () => `draft-0000-000${(ids += 1)}`,
    postWaitMs: 20,
    onTicket: (note) => (turnNotes ?? ticketEvents).push(asCall(note)),
  };
  // onTicket notes that arrive while a turn runs wait for that turn's own notes, as the turn observer logs them.
  let turnNotes: RecordedCall[] | undefined;
  const routes = (): Route[] =>
    createEscalationRoutes(deps).map((route) => ({
      ...route,
      matches: (input: TurnInput) => route.matches(input),
      handle: async (input: TurnInput) => {
        turnNotes = [];
        try {
          const result = await route.handle(input);
          ticketEvents.push(...(result.outcome?.tickets ?? []).map(asCall), ...turnNotes);
          return result;
        } finally {
          turnNotes = undefined;
        }
      },
    }));
  return { deps, store, storeCalls, outboxCalls, ticketEvents, routes };
}

const asCall = ({ ticketId, kind, detail }: TicketNote): RecordedCall =>
  detail === undefined ? [kind, ticketId] : [kind, ticketId, detail];
