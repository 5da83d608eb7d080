/** Routes for card button clicks, selected by `data.verb`. */

import { buildNotFoundCard } from '../cards/answer-card.js';
import { buildHelpCard, buildTopicsCard } from '../cards/conversation-cards.js';
import { languageOfLocale, type Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import { chooseMessageText } from '../matching/normalize-text.js';
import { answerQuestion, answerReply, type QuestionRouteDeps } from './question-route.js';
import { cardReply } from './reply.js';
import type { Route, RouteResult } from './route-table.js';
import { rememberFeedback, type TurnInput } from './turn-input.js';

/** What a 👍 / 👎 click says (ids only; analytics store it later). */
export interface FeedbackEvent {
  readonly entryId: string;
  readonly helpful: boolean;
  readonly language: Language;
}

export interface CardActionDeps extends QuestionRouteDeps {
  readonly onFeedback?: (input: TurnInput, feedback: FeedbackEvent) => void;
  /** A "did you mean" card was answered with "none of these": the entries it offered. */
  readonly onChoicesRejected?: (input: TurnInput, offered: readonly string[]) => void;
}

/** The language a card action asks for: the one stored on the button, else the turn's. */
function actionLanguage(input: TurnInput): Language {
  const stored = input.action?.data['language'];
  return (typeof stored === 'string' ? languageOfLocale(stored) : undefined) ?? input.language;
}

const text = (value: string): RouteResult => ({ replies: [{ type: 'text', text: value }] });
const field = (input: TurnInput, name: string): string | undefined => {
  const value = input.action?.data[name];
  return typeof value === 'string' ? value : undefined;
};

/** A route for one verb. */
function verbRoute(verb: string, handle: (input: TurnInput, language: Language) => RouteResult): Route {
  return { id: verb, matches: (input) => input.action?.verb === verb, handle: (input) => handle(input, actionLanguage(input)) };
}

/** Creates the card action routes; unknown verbs come last. */
export function createCardActionRoutes(deps: CardActionDeps): Route[] {
  const { knowledge } = deps;
  return [
    verbRoute('choose-topic', (input, language) => {
      const entry = knowledge.byId.get(field(input, 'entryId') ?? '');
      return entry ? { replies: [answerReply(knowledge, entry, language)] } : text(t(language, 'action.unknown'));
    }),
    verbRoute('none-of-these', (input, language) => {
      const offered = (field(input, 'offered') ?? '').split(',').filter((id) => knowledge.byId.has(id));
      if (offered.length > 0) deps.onChoicesRejected?.(input, offered);
      return { replies: [cardReply('not-found', buildNotFoundCard(language))] };
    }),
    verbRoute('topics', (_input, language) => ({ replies: [cardReply('topics', buildTopicsCard(knowledge, language))] })),
    verbRoute('help', (_input, language) => ({ replies: [cardReply('help', buildHelpCard(language))] })),
    verbRoute('ask', (input, language) => {
      const question = field(input, 'text');
      return question ? answerQuestion(deps, input, question, undefined) : text(t(language, 'action.unknown'));
    }),
    verbRoute('feedback', (input, language) => {
      const entryId = field(input, 'entryId');
      const value = field(input, 'value');
      if (!entryId || !knowledge.byId.has(entryId) || (value !== 'up' && value !== 'down')) return text(t(language, 'action.unknown'));
      deps.onFeedback?.(input, { entryId, helpful: value === 'up', language });
      return { ...text(t(language, value === 'up' ? 'feedback.thanks' : 'feedback.sorry')), conversation: rememberFeedback(input.conversation, entryId, value === 'up') };
    }),
    {
      // A screenshot of an error: the bot reads text only, and says so instead of "not found".
      id: 'attachment-only',
      matches: (input) => input.action === undefined && input.otherAttachments.length > 0 && chooseMessageText(input.text, input.html).trim() === '',
      handle: (input) => text(t(input.language, 'attachment.unsupported')),
    },
    {
      // A button from an older card, or forged data: say so instead of treating it as a question.
      id: 'unknown-action',
      matches: (input) => input.action !== undefined,
      handle: (input) => text(t(actionLanguage(input), 'action.unknown')),
    },
  ];
}
