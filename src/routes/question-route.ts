/** The catch-all route: a question or error text goes through the matcher and comes back as answer, choices or not found. */

import { buildAnswerCard, buildChoicesCard, buildNotFoundCard } from '../cards/answer-card.js';
import { buildHelpCard, buildTopicsCard } from '../cards/conversation-cards.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { helpdeskSigns, type IsStaff } from './audience.js';
import { cardReply, textReply, type Reply } from './reply.js';
import type { Route, RouteResult } from './route-table.js';
import { rememberQuestion, type TurnInput } from './turn-input.js';

export interface QuestionRouteDeps {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  /** Receives every match outcome and the text matched, for logs (ids only) and analytics. */
  readonly onMatch?: (input: TurnInput, result: MatchResult, text: string) => void;
  /** L2 and helpdesk staff get the admin part of answers open; default: nobody. */
  readonly isStaff?: IsStaff;
}

/** Returns the answer card reply for `entry`, with its related entries as buttons; `adminOpen` unfolds the admin part. */
export function answerReply(knowledge: KnowledgeBase, entry: KnowledgeEntry, language: Language, adminOpen = false): Reply {
  const related = entry.related.map((id) => knowledge.byId.get(id)).filter((item): item is KnowledgeEntry => item !== undefined);
  return cardReply('answer', buildAnswerCard(entry, language, related, { adminOpen }), language);
}

/** Returns the replies for one match result; `adminOpen` unfolds the admin part of answers (and of answers chosen from them). */
export function repliesForMatch(knowledge: KnowledgeBase, result: MatchResult, language: Language, adminOpen = false): readonly Reply[] {
  const entries = result.entries.map((scored) => knowledge.byId.get(scored.id)).filter((entry): entry is KnowledgeEntry => entry !== undefined);
  switch (result.kind) {
    case 'answer':
      return entries[0] ? [answerReply(knowledge, entries[0], language, adminOpen)] : [cardReply('not-found', buildNotFoundCard(language), language)];
    case 'choices':
      return [cardReply('choices', buildChoicesCard(entries.slice(0, 3), language, adminOpen), language)];
    case 'greeting':
      return [textReply(t(language, 'greeting.reply'), language)];
    case 'thanks':
      return [textReply(t(language, 'thanks.reply'), language)];
    case 'help':
      return [cardReply('help', buildHelpCard(language), language)];
    case 'topics':
      return [cardReply('topics', buildTopicsCard(knowledge, language), language)];
    case 'none':
      return [cardReply('not-found', buildNotFoundCard(language), language)];
  }
}

/** Matches `text`, returns the replies and the conversation with the question remembered. */
export function answerQuestion(deps: QuestionRouteDeps, input: TurnInput, text: string, html: string | undefined): RouteResult {
  const result = matchQuestion(deps.index, { text, html, locale: input.locale });
  deps.onMatch?.(input, result, text);
  const adminOpen = helpdeskSigns(input, result.signals, deps.isStaff).length > 0;
  const replies = repliesForMatch(deps.knowledge, result, result.language, adminOpen);
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
