/** The Teams bot: message turns go through the route table; installs get a welcome. */

import { TeamsActivityHandler, type TurnContext } from 'botbuilder';

import type { CardTemplates } from '../cards/render-card.js';
import { languageOfLocale } from '../i18n/language.js';
import type { Logger } from '../log/create-logger.js';
import type { RouteTable } from '../routes/route-table.js';
import { welcomeReplies } from '../routes/welcome.js';
import { readTurnInput } from './read-turn-input.js';
import { sendReplies } from './send-replies.js';

export interface SupportBotDeps {
  readonly routes: RouteTable;
  readonly templates: CardTemplates;
  readonly logger: Logger;
}

/** A `TeamsActivityHandler` whose message handling is the route table. */
export class SupportBot extends TeamsActivityHandler {
  constructor(private readonly deps: SupportBotDeps) {
    super();
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      await this.welcomeIfBotAdded(context);
      await next();
    });
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const input = readTurnInput(context.activity);
    const route = this.deps.routes.select(input);
    const started = performance.now();
    const replies = await route.handle(input);
    await sendReplies(context, this.deps.templates, replies);
    // Ids, lengths and route ids only: message text may hold host and user names.
    this.deps.logger.info(
      {
        activityId: input.activityId,
        conversationId: input.conversationId,
        route: route.id,
        language: input.language,
        textLength: input.text.length,
        htmlLength: input.html?.length ?? 0,
        verb: input.action?.verb,
        replies: replies.length,
        ms: Math.round(performance.now() - started),
      },
      'turn handled',
    );
  }

  private async welcomeIfBotAdded(context: TurnContext): Promise<void> {
    const botId = context.activity.recipient?.id;
    const added = context.activity.membersAdded ?? [];
    if (!added.some((member) => member.id === botId)) return;
    const language = languageOfLocale(context.activity.locale) ?? 'en';
    await sendReplies(context, this.deps.templates, welcomeReplies(language));
    this.deps.logger.info(
      { activityId: context.activity.id, conversationId: context.activity.conversation?.id, language },
      'welcome sent',
    );
  }
}
