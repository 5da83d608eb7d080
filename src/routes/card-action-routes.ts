/** Routes for card button clicks, selected by `data.verb`. */

import { buildNotFoundCard } from '../cards/answer-card.js';
import type { ChatVerb } from '../cards/card-verbs.js';
import { buildHelpCard, buildTopicsCard } from '../cards/conversation-cards.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { chooseMessageText } from '../matching/normalize-text.js';
import { helpdeskSigns } from './audience.js';
import { answerQuestion, answerReply, type QuestionRouteDeps } from './question-route.js';
import { cardReply } from './reply.js';
import { textResult, type Route, type RouteResult } from './route-table.js';
import { actionField, actionVerb, rememberAnswer, rememberFeedback, type TurnInput } from './turn-input.js';

export type CardActionDeps = QuestionRouteDeps;

/** A route for one verb. */
function verbRoute(verb: ChatVerb, handle: (input: TurnInput, language: Language) => RouteResult): Route {
  return {
    id: verb,
    matches: (input) => actionVerb(input) === verb,
    handle: (input) => handle(input, input.language),
  };
}

/** Creates the card action routes; unknown verbs come last. */
export function createCardActionRoutes(deps: CardActionDeps): Route[] {
  const { knowledge } = deps;
  return [
    verbRoute('choose-topic', (input, language) => {
      const entry = knowledge.byId.get(actionField(input, 'entryId') ?? '');
      // Helpdesk's view travels in the button (view: 'admin'); a paste earlier in the conversation or an L2 user opens
      // it too.
      const adminOpen =
        actionField(input, 'view') === 'admin' || helpdeskSigns(input, undefined, deps.isStaff).length > 0;
      return entry
        ? {
            replies: [answerReply(knowledge, entry, language, adminOpen)],
            conversation: rememberAnswer(input.conversation, entry.id),
          }
        : textResult(t(language, 'action.unknown'), language);
    }),
    verbRoute('none-of-these', (input, language) => {
      const offered = (actionField(input, 'offered') ?? '').split(',').filter((id) => knowledge.byId.has(id));
      return {
        replies: [cardReply('not-found', buildNotFoundCard(language), language)],
        ...(offered.length > 0 ? { outcome: { choicesRejected: offered } } : {}),
      };
    }),
    verbRoute('topics', (_input, language) => ({
      replies: [cardReply('topics', buildTopicsCard(knowledge, language), language)],
    })),
    verbRoute('help', (_input, language) => ({ replies: [cardReply('help', buildHelpCard(language), language)] })),
    verbRoute('ask', (input, language) => {
      const question = actionField(input, 'text');
      return question
        ? answerQuestion(deps, input, question, undefined)
        : textResult(t(language, 'action.unknown'), language);
    }),
    verbRoute('feedback', (input, language) => {
      const entryId = actionField(input, 'entryId');
      const value = actionField(input, 'value');
      if (!entryId || !knowledge.byId.has(entryId) || (value !== 'up' && value !== 'down'))
        return textResult(t(language, 'action.unknown'), language);
      return {
        ...textResult(t(language, value === 'up' ? 'feedback.thanks' : 'feedback.sorry'), language),
        outcome: { feedback: { entryId, helpful: value === 'up', language } },
        conversation: rememberFeedback(input.conversation, entryId, value === 'up'),
      };
    }),
    {
      // A screenshot of an error: the bot reads text only, and says so instead of "not found".
      id: 'attachment-only',
      matches: (input) =>
        input.action === undefined &&
        input.otherAttachments.length > 0 &&
        chooseMessageText(input.text, input.html).trim() === '',
      handle: (input) => textResult(t(input.language, 'attachment.unsupported'), input.language),
    },
    {
      // A button from an older card, or forged data: say so instead of treating it as a question.
      id: 'unknown-action',
      matches: (input) => input.action !== undefined,
      handle: (input) => textResult(t(input.language, 'action.unknown'), input.language),
    },
  ];
}
