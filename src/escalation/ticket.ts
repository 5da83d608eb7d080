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
  readonly questions: ReadonlyArray<{
    readonly text: string;
    readonly kind: string;
    readonly entryIds: readonly string[];
  }>;
  readonly feedback: ReadonlyArray<{ readonly entryId: string; readonly helpful: boolean }>;
  readonly facts: Facts;
  readonly findings: readonly Finding[];
  readonly pastes: ReadonlyArray<{ readonly text: string; readonly formats: readonly string[] }>;
}

export type TicketEventKind =
  'created' | 'assigned' | 'info-requested' | 'user-replied' | 'resolved' | 'reopened' | 'delivered';

export interface TicketEvent {
  readonly at: string;
  readonly kind: TicketEventKind;
  readonly by: Person;
  readonly note?: string;
}

/**
 * The last ticket card sent to the requester's chat: updated in place (its buttons removed) when a newer one is sent.
 */
export interface UserCard {
  readonly activityId: string;
  /** The card's message, shown again when the card is updated in place. */
  readonly message: string;
  /** The card's quoted text (L2's question or note), if any. */
  readonly quote?: string;
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
  /** The last ticket card the bot sent to the requester proactively; absent when its id is unknown. */
  readonly userCard?: UserCard;
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
  | {
      readonly ok: false;
      readonly reason: 'already-assigned' | 'already-resolved' | 'not-resolved' | 'not-waiting' | 'empty-text';
    };

/** Longest free text kept per field (a question to the user, a note, a reply). */
export const MAX_NOTE_CHARS = 2000;

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
      return next(
        { assignee: action.by, status: ticket.status === 'waiting-for-user' ? 'waiting-for-user' : 'assigned' },
        'assigned',
      );
    case 'request-info': {
      if (ticket.status === 'resolved') return { ok: false, reason: 'already-resolved' };
      const question = clip(action.question);
      if (question === '') return { ok: false, reason: 'empty-text' };
      return next(
        { status: 'waiting-for-user', infoRequest: question, assignee: ticket.assignee ?? action.by },
        'info-requested',
        question,
      );
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
    case 'reopen': {
      if (ticket.status !== 'resolved') return { ok: false, reason: 'not-resolved' };
      // The old resolution is history now (kept in the events), not the ticket's current state.
      const result = next(
        { status: ticket.assignee ? 'assigned' : 'open' },
        'reopened',
        action.note ? clip(action.note) : undefined,
      );
      if (!result.ok) return result;
      const { resolution: _history, ...reopened } = result.ticket;
      return { ...result, ticket: reopened };
    }
  }
}

const EVENT_KINDS: ReadonlySet<string> = new Set<TicketEventKind>([
  'created',
  'assigned',
  'info-requested',
  'user-replied',
  'resolved',
  'reopened',
  'delivered',
]);

const isEvent = (value: unknown): value is TicketEvent => {
  const event = value as Partial<TicketEvent> | null;
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof event.at === 'string' &&
    EVENT_KINDS.has(String(event.kind)) &&
    typeof event.by?.id === 'string'
  );
};

/**
 * Returns a stored ticket in the current shape. Tickets written before the history was kept have no `events`: their
 * history is rebuilt from what they hold (created by the requester; the open question or the resolution, dated at
 * their last change, by the assignee when known). Malformed events are dropped rather than failing the read.
 */
export function normalizeTicket(stored: Ticket): Ticket {
  if (Array.isArray(stored.events) && stored.events.every(isEvent)) return stored;
  if (Array.isArray(stored.events)) return { ...stored, events: stored.events.filter(isEvent) };
  const by = stored.assignee ?? stored.requester;
  const events: TicketEvent[] = [{ at: stored.createdAt, kind: 'created', by: stored.requester }];
  if (stored.assignee) events.push({ at: stored.updatedAt, kind: 'assigned', by: stored.assignee });
  if (stored.status === 'waiting-for-user' && stored.infoRequest)
    events.push({ at: stored.updatedAt, kind: 'info-requested', by, note: stored.infoRequest });
  if (stored.status === 'resolved')
    events.push({
      at: stored.updatedAt,
      kind: 'resolved',
      by,
      ...(stored.resolution ? { note: stored.resolution } : {}),
    });
  return { ...stored, events };
}

/** Drops the answered question from a successful result. */
function withoutInfoRequest(result: TransitionResult): TransitionResult {
  if (!result.ok) return result;
  const { infoRequest: _dropped, ...ticket } = result.ticket;
  return { ...result, ticket };
}
