/** The port through which escalation reaches Teams: the L2 channel card and the user's chat. */

import type { L2Post, Ticket, TicketEvent, UserCard } from './ticket.js';

export interface EscalationOutbox {
  /** Whether an L2 channel is configured; without one, tickets are stored and listed by CLI. */
  readonly configured: boolean;
  /** Posts the L2 card of a new ticket; undefined when it could not be posted (the ticket stays pending). */
  postTicket(ticket: Ticket): Promise<L2Post | undefined>;
  /** Updates the ticket's L2 card in place and adds a note in its thread; false when Teams could not be reached. */
  updateTicket(ticket: Ticket, event: TicketEvent): Promise<boolean>;
  /**
   * Tells the requester about a change in their chat, in their language: their last ticket card (when its id is known)
   * is updated in place so that no button that no longer applies stays, and a new card says what changed when it is
   * news to them (a change the requester made in their chat is confirmed by their turn's reply instead). Returns
   * whether Teams was reached, and the new card (to remember on the ticket) when one was sent.
   */
  notifyUser(
    ticket: Ticket,
    event: TicketEvent,
    origin: 'l2' | 'requester',
  ): Promise<{ readonly delivered: boolean; readonly userCard?: UserCard }>;
}
