/** The port through which escalation reaches Teams: the L2 channel card and the user's chat. */

import type { L2Post, Ticket, TicketEvent } from './ticket.js';

export interface EscalationOutbox {
  /** Whether an L2 channel is configured; without one, tickets are stored and listed by CLI. */
  readonly configured: boolean;
  /** Posts the L2 card of a new ticket; undefined when it could not be posted (the ticket stays pending). */
  postTicket(ticket: Ticket): Promise<L2Post | undefined>;
  /** Updates the ticket's L2 card in place and adds a note in its thread; false when Teams could not be reached. */
  updateTicket(ticket: Ticket, event: TicketEvent): Promise<boolean>;
  /** Tells the requester about a change in their chat; false when Teams could not be reached. */
  notifyUser(ticket: Ticket, event: TicketEvent): Promise<boolean>;
}
