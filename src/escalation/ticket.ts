/** Escalation tickets and their transitions: pure functions from a ticket and an action to the next ticket. */

import type { Language } from '../i18n/language.js';
import type { Finding } from '../diagnosis/diagnose.js';
import type { Facts } from '../parsing/facts.js';

export type TicketStatus = 'open' | 'assigned' | 'waiting-for-user' | 'resolved';
export type Impact = 'low' | 'medium' | 'high' | 'critical';
export type YesNoUnknown = 'yes' | 'no' | 'unknown';

export const IMPACTS: readonly Impact[] = ['low', 'medium', 'high', 'critical'];
export const YES_NO_UNKNOWN: readonly YesNoUnknown[] = ['yes', 'no', 'unknown'];

/** Someone who acts on a ticket (Teams user ids; the name is for display only). */
export interface Person {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
}

/** What the user says in the escalation form. */
export interface EscalationForm {
  readonly deviceName: string;
  readonly tried: string;
  readonly impact: Impact;
  readonly mdeOnboarded: YesNoUnknown;
  readonly intuneManaged: YesNoUnknown;
}

/** What the conversation collected before escalation: questions, answers shown, feedback, pastes and their reading. */
export interface TicketSummary {
  readonly questions: ReadonlyArray<{ readonly text: string; readonly kind: string; readonly entryIds: readonly string[] }>;
  readonly feedback: ReadonlyArray<{ readonly entryId: string; readonly helpful: boolean }>;
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  readonly pastes: ReadonlyArray<{ readonly text: string; readonly formats: readonly string[] }>;
}

export type TicketEventKind = 'created' | 'assigned' | 'info-requested' | 'user-replied' | 'resolved' | 'reopened' | 'delivered';

export interface TicketEvent {
  readonly at: string;
  readonly kind: TicketEventKind;
  readonly by: Person;
  readonly note?: string;
}

/** Where the L2 card was posted, for in-place updates and thread notes. */
export interface L2Post {
  readonly conversationId: string;
  readonly activityId: string;
  readonly serviceUrl: string;
}

export interface Ticket {
  readonly id: string;
  readonly status: TicketStatus;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly requester: Person;
  readonly language: Language;
  /** The user's conversation reference, for proactive notifications (botbuilder's shape, kept opaque here). */
  readonly userConversation: Readonly<Record<string, unknown>>;
  readonly form: EscalationForm;
  readonly summary: TicketSummary;
  readonly assignee?: Person;
  /** The open question L2 asked the user, while waiting for the user. */
  readonly infoRequest?: string;
  readonly resolution?: string;
  readonly events: readonly TicketEvent[];
  /** Where the L2 card is; absent until it is delivered. */
  readonly l2Post?: L2Post;
  /** pending: the L2 card could not be posted yet; not-configured: no L2 channel (tickets are listed by CLI). */
  readonly delivery: 'pending' | 'delivered' | 'not-configured';
}

export type TicketAction =
  | { readonly kind: 'assign'; readonly by: Person }
  | { readonly kind: 'request-info'; readonly by: Person; readonly question: string }
  | { readonly kind: 'user-reply'; readonly by: Person; readonly text: string }
  | { readonly kind: 'resolve'; readonly by: Person; readonly note: string }
  | { readonly kind: 'reopen'; readonly by: Person; readonly note?: string };

export type TransitionResult =
  | { readonly ok: true; readonly ticket: Ticket; readonly event: TicketEvent }
  | { readonly ok: false; readonly reason: 'already-assigned' | 'already-resolved' | 'not-resolved' | 'not-waiting' | 'empty-text' };

/** Longest free text kept per field (a question to the user, a note, a reply). */
const MAX_NOTE_CHARS = 2000;

const clip = (text: string): string => text.trim().slice(0, MAX_NOTE_CHARS);

/** Returns the ticket after `action` at `now`, or why the action does not apply to the ticket's state. */
export function applyTicketAction(ticket: Ticket, action: TicketAction, now: Date): TransitionResult {
  const at = now.toISOString();
  const next = (changes: Partial<Ticket>, kind: TicketEventKind, note?: string): TransitionResult => {
    const event: TicketEvent = { at, kind, by: action.by, ...(note ? { note } : {}) };
    return { ok: true, event, ticket: { ...ticket, ...changes, updatedAt: at, events: [...ticket.events, event] } };
  };
  switch (action.kind) {
    case 'assign':
      if (ticket.status === 'resolved') return { ok: false, reason: 'already-resolved' };
      // Assigning to the current assignee again is harmless; taking someone else's ticket is not silent.
      if (ticket.assignee && ticket.assignee.id !== action.by.id) return { ok: false, reason: 'already-assigned' };
      return next({ assignee: action.by, status: ticket.status === 'waiting-for-user' ? 'waiting-for-user' : 'assigned' }, 'assigned');
    case 'request-info': {
      if (ticket.status === 'resolved') return { ok: false, reason: 'already-resolved' };
      const question = clip(action.question);
      if (question === '') return { ok: false, reason: 'empty-text' };
      return next({ status: 'waiting-for-user', infoRequest: question, assignee: ticket.assignee ?? action.by }, 'info-requested', question);
    }
    case 'user-reply': {
      if (ticket.status !== 'waiting-for-user') return { ok: false, reason: 'not-waiting' };
      const text = clip(action.text);
      if (text === '') return { ok: false, reason: 'empty-text' };
      return withoutInfoRequest(next({ status: ticket.assignee ? 'assigned' : 'open' }, 'user-replied', text));
    }
    case 'resolve': {
      if (ticket.status === 'resolved') return { ok: false, reason: 'already-resolved' };
      const note = clip(action.note);
      if (note === '') return { ok: false, reason: 'empty-text' };
      return withoutInfoRequest(next({ status: 'resolved', resolution: note }, 'resolved', note));
    }
    case 'reopen':
      if (ticket.status !== 'resolved') return { ok: false, reason: 'not-resolved' };
      return next({ status: ticket.assignee ? 'assigned' : 'open' }, 'reopened', action.note ? clip(action.note) : undefined);
  }
}

/** Drops the answered question from a successful result. */
function withoutInfoRequest(result: TransitionResult): TransitionResult {
  if (!result.ok) return result;
  const { infoRequest: _dropped, ...ticket } = result.ticket;
  return { ...result, ticket };
}
