/** Routes for card button clicks, selected by `data.verb`. */

import { buildAnswerCard, buildNotFoundCard } from '../cards/answer-card.js';
import { languageOfLocale, type Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase } from '../knowledge/knowledge-entry.js';
import { cardReply } from './reply.js';
import type { Route } from './route-table.js';
import type { TurnInput } from './turn-input.js';

/** The language a card action asks for: the one stored on the button, else the turn's. */
function actionLanguage(input: TurnInput): Language {
  const stored = input.action?.data['language'];
  return (typeof stored === 'string' ? languageOfLocale(stored) : undefined) ?? input.language;
}

/** Creates the card action routes; order matters only in that unknown verbs come last. */
export function createCardActionRoutes(knowledge: KnowledgeBase): Route[] {
  return [
    {
      id: 'choose-topic',
      matches: (input) => input.action?.verb === 'choose-topic',
      handle(input) {
        const language = actionLanguage(input);
        const entryId = input.action?.data['entryId'];
        const entry = typeof entryId === 'string' ? knowledge.byId.get(entryId) : undefined;
        return { replies: entry ? [cardReply('answer', buildAnswerCard(entry, language))] : [{ type: 'text', text: t(language, 'action.unknown') }] };
      },
    },
    {
      id: 'none-of-these',
      matches: (input) => input.action?.verb === 'none-of-these',
      handle: (input) => ({ replies: [cardReply('not-found', buildNotFoundCard(actionLanguage(input)))] }),
    },
    {
      // A button from an older card, or forged data: say so instead of treating it as a question.
      id: 'unknown-action',
      matches: (input) => input.action !== undefined,
      handle: (input) => ({ replies: [{ type: 'text', text: t(actionLanguage(input), 'action.unknown') }] }),
    },
  ];
}
