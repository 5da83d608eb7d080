/** The ticket's story for the L2 card: one item per change, a question together with its answer, newest first. */

import type { Ticket, TicketEvent } from '../escalation/ticket.js';
import type { Language } from '../i18n/language.js';
import { t, type MessageKey } from '../i18n/messages.js';
import { inertText } from './inert-text.js';

/** One line of a history item: a subtle "when · who did what" line, or the text they wrote. */
export interface HistoryLine {
  readonly text: string;
  readonly subtle: boolean;
}

/** One change on the ticket (a question carries its answer, or how long the user has been asked). */
export interface HistoryItem {
  readonly lines: readonly HistoryLine[];
}

/** "2026-11-30 09:12 UTC": the same in both languages, and unambiguous for L2 in any time zone. */
export function formatEventTime(at: string): string {
  return `${at.slice(0, 10)} ${at.slice(11, 16)} UTC`;
}

const clip = (text: string, chars: number): string =>
  text.length > chars ? `${text.slice(0, chars).trimEnd()} …` : text;

const HEAD: Partial<Record<TicketEvent['kind'], MessageKey>> = {
  created: 'l2.event.created',
  assigned: 'l2.event.assigned',
  'info-requested': 'l2.event.asked',
  'user-replied': 'l2.event.answered',
  resolved: 'l2.event.resolved',
  reopened: 'l2.event.reopened',
};

/**
 * Returns the ticket's history, newest first: who did what and when, L2's questions each with the user's answer (or
 * "waiting for the user since …"), resolutions with their notes and reopens. Written text is clipped to `chars`.
 * `age` formats how long ago a time was (for the open question).
 */
export function historyItems(
  ticket: Ticket,
  now: Date,
  language: Language,
  chars: number,
  age: (at: string, now: Date) => string,
): HistoryItem[] {
  const items: HistoryLine[][] = [];
  let openQuestion: HistoryLine[] | undefined;
  const head = (event: TicketEvent, key: MessageKey): HistoryLine => ({
    text: t(language, key, { time: formatEventTime(event.at), name: inertText(event.by.name ?? event.by.id) }),
    subtle: true,
  });
  const written = (event: TicketEvent): HistoryLine[] =>
    event.note ? [{ text: inertText(clip(event.note, chars)), subtle: false }] : [];
  for (const event of ticket.events) {
    const key = HEAD[event.kind];
    if (!key) continue;
    if (event.kind === 'user-replied' && openQuestion) {
      // The answer belongs under its question: L2 reads them together.
      openQuestion.push(head(event, key), ...written(event));
      openQuestion = undefined;
      continue;
    }
    if (event.kind === 'resolved' && openQuestion) {
      openQuestion.push({ text: t(language, 'l2.event.unanswered'), subtle: true });
      openQuestion = undefined;
    }
    const lines = [head(event, key), ...written(event)];
    items.push(lines);
    if (event.kind === 'info-requested') {
      // A second question before an answer leaves the first one unanswered.
      openQuestion = lines;
    }
  }
  if (openQuestion && ticket.status === 'waiting-for-user') {
    const asked = [...ticket.events].reverse().find((event) => event.kind === 'info-requested');
    if (asked)
      openQuestion.push({
        text: t(language, 'l2.event.waiting', { time: formatEventTime(asked.at), age: age(asked.at, now) }),
        subtle: false,
      });
  }
  return items.reverse().map((lines) => ({ lines }));
}
