/**
 * Escalation routes: the user's escalate → form → ticket path, the user's replies, and L2's actions on ticket cards.
 */

import { isL2Verb, type L2Verb } from '../cards/card-verbs.js';
import { buildEscalationFormCard, buildTicketCard } from '../cards/escalation-cards.js';
import { diagnose } from '../diagnosis/diagnose.js';
import { readEscalationForm } from '../escalation/escalation-form.js';
import type { EscalationOutbox } from '../escalation/escalation-outbox.js';
import type { Ticket, TicketAction, TicketEvent } from '../escalation/ticket.js';
import type { TicketStore } from '../escalation/ticket-store.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { normalizeForMatching } from '../matching/normalize-text.js';
import { cardReply } from './reply.js';
import { textResult, type Route, type RouteResult } from './route-table.js';
import type { TicketNote } from './turn-outcome.js';
import { actionField, actionVerb, type TurnInput } from './turn-input.js';

export interface EscalationDeps {
  readonly tickets: TicketStore;
  readonly outbox: EscalationOutbox;
  /** Whether the sender may act on tickets (the configured L2 channel, or an allowed AAD object id). */
  readonly isL2: (input: TurnInput) => boolean;
  readonly now: () => Date;
  readonly newId: () => string;
  /** How long the submit turn waits for the L2 post before answering "pending" (the post goes on). */
  readonly postWaitMs: number;
  /**
   * Receives ticket changes that finish after their turn (the L2 post of a new ticket); a turn's own changes are in
   * its outcome.
   */
  readonly onTicket?: (note: TicketNote) => void;
}

// Typed requests to escalate; the whole message must be one of these (after normalization).
const ESCALATE_TEXT =
  /^(escalate|escalation|escalate to l2|talk to l2|l2|エスカレーション|エスカレ|エスカレーションしたい|l2\s*に相談(したい)?|l2\s*へ(エスカレーション)?)[!.! 。]*$/u;

/** What each of L2's ticket verbs asks the ticket store to do. */
const L2_ACTIONS: Readonly<Record<L2Verb, (input: TurnInput) => TicketAction>> = {
  'l2-assign': (input) => ({ kind: 'assign', by: input.from }),
  'l2-request-info': (input) => ({
    kind: 'request-info',
    by: input.from,
    question: actionField(input, 'question') ?? '',
  }),
  'l2-resolve': (input) => ({ kind: 'resolve', by: input.from, note: actionField(input, 'note') ?? '' }),
  'l2-reopen': (input) => ({ kind: 'reopen', by: input.from }),
};

/** The requester's conversation id, stored with the ticket. */
const userConversationId = (ticket: Ticket): string => {
  const id = (ticket.userConversation['conversation'] as { id?: unknown } | undefined)?.id;
  return typeof id === 'string' ? id : '';
};

/** Creates the escalation routes, in the order they must be tried. */
export function createEscalationRoutes(deps: EscalationDeps): Route[] {
  /**
   * After a change: update the L2 card in place with a note in its thread, and tell the user in their chat (the outbox
   * decides what is news to them and takes stale buttons off their last card); the card sent is remembered for the next
   * change.
   */
  const publish = async (ticket: Ticket, event: TicketEvent, origin: 'l2' | 'requester'): Promise<TicketNote> => {
    if (deps.outbox.configured && ticket.l2Post) await deps.outbox.updateTicket(ticket, event);
    const told = await deps.outbox.notifyUser(ticket, event, origin);
    if (told.userCard) {
      const userCard = told.userCard;
      await deps.tickets.patch(ticket.id, (stored) => ({ ...stored, userCard }));
    }
    return { ticketId: ticket.id, kind: event.kind, ...(told.delivered ? {} : { detail: { userNotified: false } }) };
  };

  const showForm = (input: TurnInput, language: Language): RouteResult => {
    const draftId = deps.newId();
    return {
      replies: [cardReply('escalation-form', buildEscalationFormCard(input.conversation, draftId, language), language)],
      conversation: { ...input.conversation, draftId },
    };
  };

  return [
    {
      id: 'escalate',
      matches: (input) =>
        actionVerb(input) === 'escalate' ||
        (input.action === undefined && ESCALATE_TEXT.test(normalizeForMatching(input.text))),
      handle: (input) => showForm(input, input.language),
    },
    {
      id: 'escalate-submit',
      matches: (input) => actionVerb(input) === 'escalate-submit',
      async handle(input) {
        const language = input.language;
        const draftId = actionField(input, 'draftId');
        if (!draftId || !/^[A-Za-z0-9-]{8,64}$/u.test(draftId))
          return textResult(t(language, 'action.unknown'), language);
        const reading = readEscalationForm(input.action?.data ?? {}, input.conversation.facts);
        if (!reading.ok) {
          return {
            replies: [
              cardReply(
                'escalation-form',
                buildEscalationFormCard(input.conversation, draftId, language, reading.missing, reading.values),
                language,
              ),
            ],
          };
        }
        const now = deps.now();
        const { conversation } = input;
        const { ticket, created } = await deps.tickets.createOnce(
          `${encodeURIComponent(input.conversationId)}/${draftId}`,
          (id) => ({
            id,
            status: 'open',
            createdAt: now.toISOString(),
            updatedAt: now.toISOString(),
            requester: input.from,
            language,
            userConversation: input.reference,
            form: reading.form,
            summary: {
              questions: conversation.questions,
              feedback: conversation.feedback,
              facts: conversation.facts,
              findings: diagnose(conversation.facts).findings,
              pastes: conversation.pastes,
            },
            events: [{ at: now.toISOString(), kind: 'created', by: input.from }],
            delivery: deps.outbox.configured ? 'pending' : 'not-configured',
          }),
          now,
        );
        // A reply's id is not kept, so it carries no reopen button that could go stale; the notification cards do.
        if (!created)
          return {
            replies: [
              cardReply(
                'ticket',
                buildTicketCard(ticket, t(language, 'ticket.duplicate', { id: ticket.id }), language, {
                  buttons: false,
                }),
                language,
              ),
            ],
          };
        const createdNote: TicketNote = {
          ticketId: ticket.id,
          kind: 'created',
          detail: {
            entryIds: [...new Set(ticket.summary.questions.flatMap((question) => question.entryIds.slice(0, 1)))],
            findingIds: ticket.summary.findings
              .filter((finding) => finding.severity !== 'info')
              .map((finding) => finding.id),
          },
        };
        let delivered = ticket;
        if (deps.outbox.configured) {
          // Teams expects an answer within seconds: wait a bounded time for the post, let it finish in the background.
          const posting = deps.outbox.postTicket(ticket).then(async (post) => {
            deps.onTicket?.({ ticketId: ticket.id, kind: post ? 'delivered' : 'delivery-pending' });
            return post
              ? deps.tickets.patch(ticket.id, (stored) => ({ ...stored, l2Post: post, delivery: 'delivered' }))
              : undefined;
          });
          const timeout = new Promise<undefined>((resolve) =>
            setTimeout(() => resolve(undefined), deps.postWaitMs).unref(),
          );
          delivered = (await Promise.race([posting, timeout])) ?? ticket;
        }
        const status =
          delivered.delivery === 'delivered'
            ? 'ticket.delivered'
            : delivered.delivery === 'pending'
              ? 'ticket.pending'
              : 'ticket.notConfigured';
        const message = `${t(language, 'ticket.created', { id: ticket.id })} ${t(language, status)}`;
        const { draftId: _submitted, ...rest } = conversation;
        return {
          replies: [cardReply('ticket', buildTicketCard(delivered, message, language, { buttons: false }), language)],
          conversation: rest,
          outcome: { tickets: [createdNote] },
        };
      },
    },
    {
      // The answer to L2's question: the first message after it, whatever it is (a paste is welcome).
      id: 'ticket-reply',
      matches: (input) => input.action === undefined && input.waitingTicketId !== undefined,
      async handle(input) {
        const ticketId = input.waitingTicketId ?? '';
        const result = await deps.tickets.apply(
          ticketId,
          { kind: 'user-reply', by: input.from, text: input.text || input.html || '' },
          deps.now(),
        );
        await deps.tickets.setWaiting(input.conversationId, undefined);
        if (!result.ok)
          return textResult(t(input.language, 'ticket.unavailable', { reason: result.reason }), input.language);
        const note = await publish(result.ticket, result.event, 'requester');
        return {
          ...textResult(t(input.language, 'ticket.replyAdded', { id: ticketId }), input.language),
          outcome: { tickets: [note] },
        };
      },
    },
    {
      id: 'ticket-reopen',
      matches: (input) => actionVerb(input) === 'ticket-reopen',
      async handle(input) {
        const language = input.language;
        const ticketId = actionField(input, 'ticketId') ?? '';
        const ticket = await deps.tickets.get(ticketId);
        // Only the requester reopens from their chat; L2 reopens from the ticket card.
        if (!ticket || ticket.requester.id !== input.from.id)
          return textResult(t(language, 'action.unknown'), language);
        const result = await deps.tickets.apply(ticketId, { kind: 'reopen', by: input.from }, deps.now());
        if (!result.ok) return textResult(t(language, 'ticket.unavailable', { reason: result.reason }), language);
        const note = await publish(result.ticket, result.event, 'requester');
        return {
          ...textResult(t(language, 'ticket.reopened', { id: ticketId }), language),
          outcome: { tickets: [note] },
        };
      },
    },
    {
      id: 'l2-action',
      matches: (input) => isL2Verb(input.action?.verb),
      async handle(input) {
        const language = input.language;
        const verb = input.action?.verb;
        if (!deps.isL2(input)) {
          const refused = { ticketId: actionField(input, 'ticketId') ?? '(none)', kind: 'refused', detail: { verb } };
          return { ...textResult(t(language, 'l2.refused'), language), outcome: { tickets: [refused] } };
        }
        const action = isL2Verb(verb) ? L2_ACTIONS[verb](input) : undefined;
        const ticketId = actionField(input, 'ticketId') ?? '';
        if (!action) return textResult(t(language, 'action.unknown'), language);
        const result = await deps.tickets.apply(ticketId, action, deps.now());
        if (!result.ok) return textResult(t(language, 'ticket.unavailable', { reason: result.reason }), language);
        const { ticket, event } = result;
        // Only the requester's next message answers (in a group chat, other members' messages are questions of their
        // own).
        if (event.kind === 'info-requested')
          await deps.tickets.setWaiting(userConversationId(ticket), ticket.id, ticket.requester.id);
        if (event.kind === 'resolved') await deps.tickets.setWaiting(userConversationId(ticket), undefined);
        // The card is updated in place and the note goes to its thread by publish(); nothing else to say here.
        return { replies: [], outcome: { tickets: [await publish(ticket, event, 'l2')] } };
      },
    },
  ];
}
