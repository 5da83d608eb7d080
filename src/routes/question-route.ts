/** The catch-all route: a question or error text goes through the matcher and comes back as answer, choices or not found. */

import { buildAnswerCard, buildChoicesCard, buildNotFoundCard } from '../cards/answer-card.js';
import { buildHelpCard, buildTopicsCard } from '../cards/conversation-cards.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { chooseMessageText } from '../matching/normalize-text.js';
import { looksLikeOutput } from '../parsing/looks-like-output.js';
import { cardReply, type Reply } from './reply.js';
import type { Route, RouteResult } from './route-table.js';
import { rememberQuestion, type TurnInput } from './turn-input.js';

export interface QuestionRouteDeps {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  /** Receives every match outcome and the text matched, for logs (ids only) and analytics. */
  readonly onMatch?: (input: TurnInput, result: MatchResult, text: string) => void;
}

/** Returns the answer card reply for `entry`, with its related entries as buttons. */
export function answerReply(knowledge: KnowledgeBase, entry: KnowledgeEntry, language: Language): Reply {
  const related = entry.related.map((id) => knowledge.byId.get(id)).filter((item): item is KnowledgeEntry => item !== undefined);
  return cardReply('answer', buildAnswerCard(entry, language, related));
}

/** Returns the replies for one match result. */
export function repliesForMatch(knowledge: KnowledgeBase, result: MatchResult, language: Language): readonly Reply[] {
  const entries = result.entries.map((scored) => knowledge.byId.get(scored.id)).filter((entry): entry is KnowledgeEntry => entry !== undefined);
  switch (result.kind) {
    case 'answer':
      return entries[0] ? [answerReply(knowledge, entries[0], language)] : [cardReply('not-found', buildNotFoundCard(language))];
    case 'choices':
      return [cardReply('choices', buildChoicesCard(entries.slice(0, 3), language))];
    case 'greeting':
      return [{ type: 'text', text: t(language, 'greeting.reply') }];
    case 'thanks':
      return [{ type: 'text', text: t(language, 'thanks.reply') }];
    case 'help':
      return [cardReply('help', buildHelpCard(language))];
    case 'topics':
      return [cardReply('topics', buildTopicsCard(knowledge, language))];
    case 'none':
      return [cardReply('not-found', buildNotFoundCard(language))];
  }
}

/** Matches `text`, returns the replies and the conversation with the question remembered. */
export function answerQuestion(deps: QuestionRouteDeps, input: TurnInput, text: string, html: string | undefined): RouteResult {
  const result = matchQuestion(deps.index, { text, html, locale: input.locale });
  // Output no parser could read (lines joined or cut by the client) is not a question: say so and ask for it again.
  // It is not reported as an unanswered question either (its text may hold host and user names).
  if (result.kind === 'none' && looksLikeOutput(chooseMessageText(text, html))) {
    return { replies: [{ type: 'text', text: t(result.language, 'paste.unreadable') }], outcome: { kind: 'unreadable-output' } };
  }
  deps.onMatch?.(input, result, text);
  const replies = repliesForMatch(deps.knowledge, result, result.language);
  const outcome = { kind: result.kind, ...(result.kind === 'answer' && result.entries[0] ? { entryId: result.entries[0].id } : {}) };
  // Conversational turns say nothing an escalation summary needs.
  if (result.kind !== 'answer' && result.kind !== 'choices' && result.kind !== 'none') return { replies, outcome };
  return { replies, outcome, conversation: rememberQuestion(input.conversation, text, result.kind, result.entries.map((entry) => entry.id)) };
}

/** Creates the catch-all question route. */
export function createQuestionRoute(deps: QuestionRouteDeps): Route {
  return {
    id: 'question',
    matches: () => true,
    handle: (input) => answerQuestion(deps, input, input.text, input.html),
  };
}
