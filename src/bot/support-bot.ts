/** The Teams bot: message turns go through the route table; installs get a welcome. */

import {
  ActivityTypes,
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type MessagingExtensionAction,
  type MessagingExtensionActionResponse,
  type MessagingExtensionQuery,
  type MessagingExtensionResponse,
} from 'botbuilder';

import type { CardTemplates } from '../cards/render-card.js';
import type { ComposeExtensions } from '../extensions/compose-extensions.js';
import { detectLanguage, languageOfLocale } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { Logger } from '../log/create-logger.js';
import type { RouteTable } from '../routes/route-table.js';
import { MAX_MESSAGE_CHARS, normalizeConversation, type FileInput } from '../routes/turn-input.js';
import type { RateLimiter } from './rate-limiter.js';
import type { RetryPolicy } from './retry-outbound.js';
import { textReply } from '../routes/reply.js';
import { welcomeReplies } from '../routes/welcome.js';
import { readTurnInput } from './read-turn-input.js';
import { sendReplies } from './send-replies.js';
import { answerExtensionInvoke } from './extension-invokes.js';
import { TURN_INPUT } from './turn-error-handler.js';
import type { TurnObserver } from './turn-observer.js';
import type { TurnStateStore, WaitingTicket } from './turn-state-store.js';

export interface SupportBotDeps {
  readonly routes: RouteTable;
  /**
   * Conversation data (facts from pastes add up per conversation) and the waiting-ticket marker: one read per turn,
   * saved when changed.
   */
  readonly turnState: TurnStateStore;
  /**
   * The waiting ticket's id when `from` (its requester, or an L2 member) answers it in this conversation; otherwise
   * undefined.
   */
  readonly waitingTicketFor: (
    waiting: WaitingTicket,
    from: { readonly id: string; readonly aadObjectId?: string },
  ) => Promise<string | undefined>;
  /** Tenants answered; empty: all. */
  readonly allowedTenantIds: readonly string[];
  readonly rateLimiter: RateLimiter;
  /** Milliseconds now (injected for tests). */
  readonly now: () => number;
  /** Records every message turn from its outcome (logs, analytics, telemetry); see turn-observer.ts. */
  readonly observer?: Pick<TurnObserver, 'observe'>;
  readonly templates: CardTemplates;
  readonly logger: Logger;
  /** Downloads a .txt/.log/.csv attachment sent in personal chat, if the message has one. */
  readonly readFile?: (activity: Partial<Activity>) => Promise<FileInput | undefined>;
  /** Timeout, retries and budget for sending a turn's replies. */
  readonly outbound?: RetryPolicy;
  /**
   * The message extension (compose-box searches, the message action); absent: botbuilder's default answer to extension
   * invokes.
   */
  readonly extensions?: ComposeExtensions;
}

// Messages longer than this get a typing indicator before the replies.
const TYPING_THRESHOLD_CHARS = 2000;

/** A `TeamsActivityHandler` whose message handling is the route table. */
export class SupportBot extends TeamsActivityHandler {
  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.onMembersAdded(async (context, next) => {
      await this.welcomeIfBotAdded(context);
      await next();
    });
  }

  /**
   * Ignores activities from tenants outside the allow-list (logged by id only), applies the rate limit to every
   * activity type (a message over it gets "please slow down", anything else nothing), then runs the handlers.
   */
  override async run(context: TurnContext): Promise<void> {
    const activity = context.activity;
    const tenantId = (activity.conversation?.tenantId ??
      (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id ??
      '') as string;
    if (this.deps.allowedTenantIds.length > 0 && !this.deps.allowedTenantIds.includes(String(tenantId).toLowerCase())) {
      this.deps.logger.warn(
        { activityId: activity.id, conversationId: activity.conversation?.id, tenantId: String(tenantId) || '(none)' },
        'activity from a tenant that is not allowed; ignored',
      );
      return;
    }
    const sender = activity.from?.aadObjectId ?? activity.from?.id ?? '';
    if (!this.deps.rateLimiter.allow(sender, this.deps.now())) {
      this.deps.logger.info(
        { activityId: activity.id, conversationId: activity.conversation?.id, activityType: activity.type },
        'rate limited',
      );
      if (activity.type === 'message') {
        const language = detectLanguage(typeof activity.text === 'string' ? activity.text : '', activity.locale);
        await sendReplies(
          context,
          this.deps.templates,
          [textReply(t(language, 'limit.rate'), language)],
          this.deps.outbound,
        );
      }
      return;
    }
    // A message goes straight to the route table. botbuilder's chain for it (run, the Turn handlers, onTurnActivity,
    // the Message handlers, next, the Dialog handlers) would only reach handleMessage, since the bot registers nothing
    // else for messages, and its nested generator-based async steps cost about 0.08 ms CPU per turn
    // (bench/echo-compare.ts). Every other activity type takes botbuilder's dispatch.
    if (activity.type === 'message') {
      await this.handleMessage(context);
      return;
    }
    await super.run(context);
  }

  // Message extension invokes: the pure handlers answer; the response bodies are already in Teams' shape.
  protected override async handleTeamsMessagingExtensionQuery(
    context: TurnContext,
    query: MessagingExtensionQuery,
  ): Promise<MessagingExtensionResponse> {
    if (!this.deps.extensions) return super.handleTeamsMessagingExtensionQuery(context, query);
    return (await answerExtensionInvoke(
      this.deps.extensions,
      'query',
      context,
      this.deps.logger,
    )) as MessagingExtensionResponse;
  }

  protected override async handleTeamsMessagingExtensionSelectItem(
    context: TurnContext,
    query: unknown,
  ): Promise<MessagingExtensionResponse> {
    if (!this.deps.extensions) return super.handleTeamsMessagingExtensionSelectItem(context, query);
    return (await answerExtensionInvoke(
      this.deps.extensions,
      'selectItem',
      context,
      this.deps.logger,
    )) as MessagingExtensionResponse;
  }

  protected override async handleTeamsMessagingExtensionFetchTask(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    if (!this.deps.extensions) return super.handleTeamsMessagingExtensionFetchTask(context, action);
    return (await answerExtensionInvoke(
      this.deps.extensions,
      'fetchTask',
      context,
      this.deps.logger,
    )) as MessagingExtensionActionResponse;
  }

  protected override async handleTeamsMessagingExtensionSubmitAction(
    context: TurnContext,
    action: MessagingExtensionAction,
  ): Promise<MessagingExtensionActionResponse> {
    if (!this.deps.extensions) return super.handleTeamsMessagingExtensionSubmitAction(context, action);
    return (await answerExtensionInvoke(
      this.deps.extensions,
      'submitAction',
      context,
      this.deps.logger,
    )) as MessagingExtensionActionResponse;
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const address = {
      channelId: context.activity.channelId ?? '',
      conversationId: context.activity.conversation?.id ?? '',
    };
    const state = await this.deps.turnState.load(address);
    const conversation = normalizeConversation(state.conversation);
    const reference = TurnContext.getConversationReference(context.activity) as unknown as Record<string, unknown>;
    const from = { id: context.activity.from?.id ?? '', aadObjectId: context.activity.from?.aadObjectId };
    const waitingTicketId = state.waiting ? await this.deps.waitingTicketFor(state.waiting, from) : undefined;
    const started = performance.now();
    const file = await this.deps.readFile?.(context.activity);
    const input = readTurnInput(context.activity, {
      conversation,
      reference,
      ...(waitingTicketId ? { waitingTicketId } : {}),
      ...(file ? { file } : {}),
    });
    // The error handler apologises in the turn's language.
    context.turnState.set(TURN_INPUT, input);
    // Long pastes are the slow work; show the typing indicator first so the user knows it is being read.
    const fileChars = file && 'text' in file ? file.text.length : 0;
    if (input.text.length + (input.html?.length ?? 0) + fileChars > TYPING_THRESHOLD_CHARS)
      await context.sendActivity({ type: ActivityTypes.Typing });
    const route = this.deps.routes.select(input);
    const { replies, conversation: changed, outcome } = await route.handle(input);
    // What the turn did is recorded even when saving or sending fails; the turn itself only once its replies are sent.
    let sentAfterMs: number | undefined;
    try {
      // Saved before sending: a failed send must not lose facts the user already pasted.
      if (changed) await this.deps.turnState.save(address, changed);
      const notes =
        input.cutChars > 0
          ? [
              textReply(
                t(input.language, 'limit.longText', { chars: MAX_MESSAGE_CHARS.toLocaleString('en-US') }),
                input.language,
              ),
            ]
          : [];
      await sendReplies(context, this.deps.templates, [...replies, ...notes], this.deps.outbound);
      sentAfterMs = Math.round(performance.now() - started);
    } finally {
      this.deps.observer?.observe({ input, route: route.id, outcome, replies: replies.length, sentAfterMs });
    }
  }

  private async welcomeIfBotAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((member) => member.id === botId)) return;
    const language = languageOfLocale(context.activity.locale) ?? 'en';
    await sendReplies(context, this.deps.templates, welcomeReplies(language), this.deps.outbound);
    this.deps.logger.info(
      { activityId: context.activity.id, conversationId: context.activity.conversation?.id, language },
      'welcome sent',
    );
  }
}
