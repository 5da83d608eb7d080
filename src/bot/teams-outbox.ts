/** The Teams side of escalation: posts the L2 card into the configured channel, updates it, and tells the user. */

import { TurnContext, type Activity, type CloudAdapter, type ConversationReference } from 'botbuilder';

import { buildTicketCard, fitL2Card, ticketNotice } from '../cards/escalation-cards.js';
import type { L2CardData } from '../cards/card-data.js';
import { renderCard, type CardTemplates } from '../cards/render-card.js';
import { inertText } from '../cards/inert-text.js';
import type { EscalationOutbox } from '../escalation/escalation-outbox.js';
import type { L2Post, Ticket, TicketEvent, UserCard } from '../escalation/ticket.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/create-logger.js';
import { cardReply, textReply } from '../routes/reply.js';
import { withOutboundRetry, type RetryPolicy } from './retry-outbound.js';
import { toActivity } from './send-replies.js';

export interface TeamsOutboxOptions {
  readonly adapter: CloudAdapter;
  readonly appId: string;
  /** Teams channel id of the L2 channel (19:...@thread.tacv2); empty: no L2 channel. */
  readonly l2ChannelId: string;
  readonly l2Language: Language;
  readonly templates: CardTemplates;
  readonly logger: Logger;
  readonly now: () => Date;
  readonly retry?: RetryPolicy;
}

/** Creates the outbox; every call is retried on throttling, and reports failure instead of throwing. */
export function createTeamsOutbox(options: TeamsOutboxOptions): EscalationOutbox {
  const { adapter, appId, templates, logger } = options;
  // The card's size is measured as rendered: a long history folds its oldest events until the card fits.
  const cardBytes = (data: L2CardData): number =>
    Buffer.byteLength(JSON.stringify(renderCard(templates, 'l2-ticket', data)), 'utf8');
  const l2Card = (ticket: Ticket): Partial<Activity> =>
    toActivity(
      templates,
      cardReply('l2-ticket', fitL2Card(ticket, options.now(), options.l2Language, cardBytes), options.l2Language),
    );
  const attempt = async (what: string, ticket: Ticket, call: () => Promise<void>): Promise<boolean> => {
    try {
      await withOutboundRetry(call, options.retry);
      return true;
    } catch (error) {
      logger.warn({ ticketId: ticket.id, what, err: error }, 'teams call failed');
      return false;
    }
  };
  const l2Reference = (post: L2Post): Partial<ConversationReference> => ({
    channelId: 'msteams',
    serviceUrl: post.serviceUrl,
    conversation: { id: post.conversationId, isGroup: true, conversationType: 'channel', name: '' },
  });
  const note = (ticket: Ticket, event: TicketEvent): string =>
    t(options.l2Language, `l2.note.${event.kind}`, {
      name: inertText(event.by.name ?? event.by.id),
      note: inertText(event.note ?? ''),
      id: ticket.id,
    });

  // One post per ticket at a time: a background retry joins a post that is still running instead of doubling it.
  const posting = new Map<string, Promise<L2Post | undefined>>();

  const post = async (ticket: Ticket): Promise<L2Post | undefined> => {
    const stored = ticket.userConversation['serviceUrl'];
    const serviceUrl = typeof stored === 'string' ? stored : '';
    let posted: L2Post | undefined;
    const ok = await attempt('post', ticket, async () => {
      // What TeamsInfo.sendMessageToTeamsChannel does on a CloudAdapter, called directly so that it also works
      // outside a turn (background delivery) and without an app id (local tests against a mock connector).
      await adapter.createConversationAsync(
        appId,
        'msteams',
        serviceUrl,
        '',
        {
          isGroup: true,
          channelData: { channel: { id: options.l2ChannelId } },
          activity: l2Card(ticket) as never,
          bot: undefined as never,
          members: [],
        },
        async (context) => {
          const conversationId = TurnContext.getConversationReference(context.activity).conversation?.id ?? '';
          // CloudAdapter hands back the conversation id where the activity id belongs; Teams puts the posted
          // message's id in the thread's conversation id (19:...@thread.tacv2;messageid=<id>).
          const activityId = /;messageid=([^;]+)$/u.exec(conversationId)?.[1] ?? context.activity.id ?? '';
          posted = { conversationId, activityId, serviceUrl };
        },
      );
    });
    return ok ? posted : undefined;
  };

  return {
    configured: options.l2ChannelId !== '',

    postTicket(ticket) {
      const running = posting.get(ticket.id);
      if (running) return running;
      const started = post(ticket).finally(() => posting.delete(ticket.id));
      posting.set(ticket.id, started);
      return started;
    },

    async updateTicket(ticket, event) {
      const post = ticket.l2Post;
      if (!post) return false;
      return attempt('update', ticket, () =>
        adapter.continueConversationAsync(appId, l2Reference(post), async (context) => {
          await context.updateActivity({ ...l2Card(ticket), id: post.activityId });
          await context.sendActivity(toActivity(templates, textReply(note(ticket, event), options.l2Language)));
        }),
      );
    },

    async notifyUser(ticket, event, origin) {
      const language = ticket.language;
      const notice = ticketNotice(ticket, event, origin);
      // Their own answer changes nothing on their cards; anything else may take a button away (a reopen) or add news.
      if (!notice && event.kind !== 'reopened') return { delivered: true };
      const reference = ticket.userConversation as Partial<ConversationReference>;
      const last = ticket.userCard;
      let delivered = true;
      if (last) {
        // The older card keeps what it said, shows the state now and loses its buttons (Teams renders the update in
        // place).
        const older = buildTicketCard(ticket, last, language, { updatedAt: options.now() });
        const update = { ...toActivity(templates, cardReply('ticket', older, language)), id: last.activityId };
        delivered = await attempt('update-user-card', ticket, () =>
          adapter.continueConversationAsync(appId, reference, async (context) => {
            await context.updateActivity(update);
          }),
        );
      }
      if (!notice) return { delivered };
      let sent: UserCard | undefined;
      const activity = toActivity(templates, cardReply('ticket', buildTicketCard(ticket, notice, language), language));
      const told = await attempt('notify', ticket, () =>
        adapter.continueConversationAsync(appId, reference, async (context) => {
          const response = await context.sendActivity(activity);
          sent = response?.id
            ? { activityId: response.id, message: notice.message, ...(notice.quote ? { quote: notice.quote } : {}) }
            : undefined;
        }),
      );
      return { delivered: delivered && told, ...(sent ? { userCard: sent } : {}) };
    },
  };
}
