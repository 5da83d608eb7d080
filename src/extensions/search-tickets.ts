/**
 * L2 ticket search from the compose box: open / assigned to me / all, newest first, filtered by text or a ticket id.
 */

import type { L2CardData } from '../cards/card-data.js';
import { fitL2Card, formatAge } from '../cards/escalation-cards.js';
import { inertText } from '../cards/inert-text.js';
import type { Person, Ticket } from '../escalation/ticket.js';
import { isTicketId, type TicketStore } from '../escalation/ticket-store.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { Sender } from '../routes/turn-input.js';

export type TicketFilter = 'open' | 'mine' | 'all';

/** Newest tickets read per search: a text filter never reads the whole history on each keystroke. */
const MAX_TICKETS_SCANNED = 500;
/** Most results in one page (Teams asks for 25). */
export const MAX_PAGE = 25;

/** True when `person` is the sender (AAD object id when both have one, else the Teams user id). */
function isSender(person: Person | undefined, me: Sender): boolean {
  if (!person) return false;
  if (person.aadObjectId !== undefined && me.aadObjectId !== undefined) return person.aadObjectId === me.aadObjectId;
  return person.id === me.id;
}

// Which tickets each tab lists. Open: everything L2 still has to finish (unassigned, assigned, waiting for the user).
const FILTERS: { readonly [F in TicketFilter]: (ticket: Ticket, me: Sender) => boolean } = {
  open: (ticket) => ticket.status !== 'resolved',
  mine: (ticket, me) => ticket.status !== 'resolved' && isSender(ticket.assignee, me),
  all: () => true,
};

const fold = (text: string): string => text.normalize('NFKC').toLowerCase();

/** The text a ticket is found by: id, people, device, what was tried, the questions asked and the L2 notes. */
function searchableText(ticket: Ticket): string {
  return fold(
    [
      ticket.id,
      ticket.requester.name ?? '',
      ticket.assignee?.name ?? '',
      ticket.form.deviceName,
      ticket.form.tried,
      // Every question and note in the history, also a resolution that a reopen took off the current state.
      ...ticket.events.filter((event) => event.kind !== 'user-replied').map((event) => event.note ?? ''),
      ...ticket.summary.questions.map((question) => question.text),
    ].join('\n'),
  );
}

/** True when every word of `query` occurs in the ticket (an empty query matches every ticket). */
function ticketMatchesText(ticket: Ticket, query: string): boolean {
  const words = fold(query)
    .split(/\s+/u)
    .filter((word) => word !== '');
  if (words.length === 0) return true;
  const text = searchableText(ticket);
  return words.every((word) => text.includes(word));
}

/**
 * Returns a page of tickets for `filter` and `query`, newest first. A query that is a ticket id looks that ticket up
 * whatever the tab (someone who has the id wants that ticket); other text filters the newest tickets.
 */
export async function searchTickets(
  store: Pick<TicketStore, 'get' | 'list'>,
  filter: TicketFilter,
  me: Sender,
  query: string,
  page: { readonly skip: number; readonly count: number },
): Promise<Ticket[]> {
  const id = query.trim().toUpperCase();
  if (isTicketId(id)) {
    const ticket = await store.get(id);
    return ticket && page.skip === 0 ? [ticket] : [];
  }
  // The index is in creation order: newest first is the reverse.
  const ids = (await store.list()).slice(-MAX_TICKETS_SCANNED).reverse();
  const found: Ticket[] = [];
  const wanted = page.skip + page.count;
  for (const ticketId of ids) {
    const ticket = await store.get(ticketId);
    if (ticket && FILTERS[filter](ticket, me) && ticketMatchesText(ticket, query)) found.push(ticket);
    if (found.length >= wanted) break;
  }
  return found.slice(page.skip, wanted);
}

/** The preview line of a ticket in the result list (user-typed parts made inert). */
export function ticketPreview(
  ticket: Ticket,
  now: Date,
  language: Language,
): { readonly title: string; readonly text: string } {
  return {
    title: `${ticket.id} · ${t(language, `ticket.status.${ticket.status}`)}`,
    // The same layout in both languages: status · device · requester · age.
    text: [
      t(language, `ticket.status.${ticket.status}`),
      inertText(ticket.form.deviceName).slice(0, 80),
      inertText(ticket.requester.name ?? ticket.requester.id).slice(0, 80),
      formatAge(ticket.createdAt, now),
    ].join(' · '),
  };
}

/**
 * Returns the L2 card to insert: the ticket as L2 sees it, read-only. Acting stays on the card in the L2 channel, which
 * the bot updates in place; buttons on an inserted copy would not reach the bot from a chat it is not part of.
 */
export function insertedL2Card(
  ticket: Ticket,
  now: Date,
  language: Language,
  measure: (data: L2CardData) => number,
): L2CardData {
  const readOnly = (data: L2CardData): L2CardData => ({ ...data, canAssign: false, canAct: false, canReopen: false });
  return readOnly(fitL2Card(ticket, now, language, (data) => measure(readOnly(data))));
}
