/**
 * How one turn ended, as one record: the bot hands it to the turn observer, which feeds logs (ids only), analytics and
 * telemetry from it.
 */

import type { PasteReading } from '../diagnosis/read-paste.js';
import type { Language } from '../i18n/language.js';
import type { MatchResult } from '../matching/match-question.js';

/** What a 👍 / 👎 click says (ids only; analytics store it later). */
export interface FeedbackEvent {
  readonly entryId: string;
  readonly helpful: boolean;
  readonly language: Language;
}

/** A change to a ticket (ids and kinds only). */
export interface TicketNote {
  readonly ticketId: string;
  /** created, delivered, delivery-pending, refused, or a ticket event's kind. */
  readonly kind: string;
  readonly detail?: Readonly<Record<string, unknown>>;
}

/** One turn's outcome; every part is optional, a route fills in what happened. */
export interface TurnOutcome {
  /** answer, choices, none, diagnosis, unreadable-output ...; absent: the route's id. */
  readonly kind?: string;
  /** The entry answered. */
  readonly entryId?: string;
  /** The question matched and its text (the text goes to analytics only as configured, never to logs). */
  readonly match?: { readonly result: MatchResult; readonly text: string };
  /** The output read from the message and the question read around it, if any. */
  readonly paste?: { readonly reading: PasteReading; readonly question: MatchResult | undefined };
  readonly feedback?: FeedbackEvent;
  /** A "did you mean" card was answered with "none of these": the entries it offered. */
  readonly choicesRejected?: readonly string[];
  /** Tickets changed in this turn, in order. */
  readonly tickets?: readonly TicketNote[];
}
