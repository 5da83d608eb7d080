/** The catch-all route: a question or error text goes through the matcher and comes back as answer, choices or not found. */

import { buildAnswerCard, buildChoicesCard, buildNotFoundCard } from '../cards/answer-card.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { cardReply, type Reply } from './reply.js';
import type { Route } from './route-table.js';
import type { TurnInput } from './turn-input.js';

export interface QuestionRouteDeps {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  /** Receives every match outcome (ids and scores only), for logs and later feedback analytics. */
  readonly onMatch?: (input: TurnInput, result: MatchResult) => void;
}

/** Returns the replies for one match result. */
export function repliesForMatch(knowledge: KnowledgeBase, result: MatchResult, language: Language): readonly Reply[] {
  const entries = result.entries.map((scored) => knowledge.byId.get(scored.id)).filter((entry): entry is KnowledgeEntry => entry !== undefined);
  switch (result.kind) {
    case 'answer':
      return entries[0] ? [cardReply('answer', buildAnswerCard(entries[0], language))] : [cardReply('not-found', buildNotFoundCard(language))];
    case 'choices':
      return [cardReply('choices', buildChoicesCard(entries.slice(0, 3), language))];
    case 'greeting':
      return [{ type: 'text', text: t(language, 'greeting.reply') }];
    case 'thanks':
      return [{ type: 'text', text: t(language, 'thanks.reply') }];
    case 'help':
      return [{ type: 'text', text: t(language, 'help.reply') }];
    case 'none':
      return [cardReply('not-found', buildNotFoundCard(language))];
  }
}

/** Creates the catch-all question route. */
export function createQuestionRoute(deps: QuestionRouteDeps): Route {
  return {
    id: 'question',
    matches: () => true,
    handle(input) {
      const result = matchQuestion(deps.index, { text: input.text, html: input.html, locale: input.locale });
      deps.onMatch?.(input, result);
      return { replies: repliesForMatch(deps.knowledge, result, result.language) };
    },
  };
}
