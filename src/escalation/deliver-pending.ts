/** Posts the L2 cards that could not be posted when their tickets were created. */

import type { EscalationOutbox } from './escalation-outbox.js';
import type { TicketStore } from './ticket-store.js';

/** Tries every pending ticket once; returns the ids delivered now. */
export async function deliverPending(tickets: TicketStore, outbox: EscalationOutbox): Promise<string[]> {
  if (!outbox.configured) return [];
  const delivered: string[] = [];
  for (const id of await tickets.list()) {
    const ticket = await tickets.get(id);
    if (ticket?.delivery !== 'pending') continue;
    const post = await outbox.postTicket(ticket);
    if (!post) continue;
    await tickets.patch(id, (stored) => ({ ...stored, l2Post: post, delivery: 'delivered' }));
    delivered.push(id);
  }
  return delivered;
}
