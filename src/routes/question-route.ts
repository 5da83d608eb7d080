/**
 * The catch-all route: a question or error text goes through the matcher and comes back as answer, choices or not
 * found.
 */

import { buildAnswerCard, buildChoicesCard, buildNotFoundCard } from '../cards/answer-card.js';
import { buildAlsoCard, buildClarifyCard } from '../cards/clarify-card.js';
import { buildHelpCard, buildTopicsCard } from '../cards/conversation-cards.js';
import { deepFreeze } from '../cards/render-card.js';
import type { Language } from '../i18n/language.js';
import { t } from '../i18n/messages.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { chooseMessageText } from '../matching/normalize-text.js';
import { looksLikeOutput } from '../parsing/looks-like-output.js';
import { helpdeskSigns, type IsStaff } from './audience.js';
import { cardReply, textReply, type Reply } from './reply.js';
import type { Route, RouteResult } from './route-table.js';
import {
  forgetClarify,
  rememberAnswer,
  rememberClarify,
  rememberQuestion,
  type ConversationData,
  type TurnInput,
} from './turn-input.js';

export interface QuestionRouteDeps {
  readonly knowledge: KnowledgeBase;
  readonly index: MatchIndex;
  /** L2 and helpdesk staff get the admin part of answers open; default: nobody. */
  readonly isStaff?: IsStaff;
}

// Answer replies depend only on their arguments (knowledge is immutable once loaded): each is built once and reused,
// deeply frozen, so the card renderer finds its card by identity instead of serializing the data every turn.
const answerReplies = new WeakMap<KnowledgeBase, WeakMap<KnowledgeEntry, Map<string, Reply>>>();

/**
 * Returns the answer card reply for `entry`, with its related entries as buttons; `adminOpen` unfolds the admin part.
 */
export function answerReply(
  knowledge: KnowledgeBase,
  entry: KnowledgeEntry,
  language: Language,
  adminOpen = false,
): Reply {
  let byEntry = answerReplies.get(knowledge);
  if (!byEntry) answerReplies.set(knowledge, (byEntry = new WeakMap()));
  let replies = byEntry.get(entry);
  if (!replies) byEntry.set(entry, (replies = new Map<string, Reply>()));
  const key = `${language} ${String(adminOpen)}`;
  const known = replies.get(key);
  if (known) return known;
  const related = entry.related
    .map((id) => knowledge.byId.get(id))
    .filter((item): item is KnowledgeEntry => item !== undefined);
  const reply = deepFreeze(cardReply('answer', buildAnswerCard(entry, language, related, { adminOpen }), language));
  replies.set(key, reply);
  return reply;
}

/** Resolves scored ids to entries, dropping unknown ones. */
const resolve = (knowledge: KnowledgeBase, ids: ReadonlyArray<{ readonly id: string }>): KnowledgeEntry[] =>
  ids.map((scored) => knowledge.byId.get(scored.id)).filter((entry): entry is KnowledgeEntry => entry !== undefined);

/**
 * Returns the replies for one match result; `adminOpen` unfolds the admin part of answers (and of answers chosen from
 * them).
 */
export function repliesForMatch(
  knowledge: KnowledgeBase,
  result: MatchResult,
  language: Language,
  adminOpen = false,
): readonly Reply[] {
  const entries = resolve(knowledge, result.entries);
  switch (result.kind) {
    case 'answer': {
      if (!entries[0]) return [cardReply('not-found', buildNotFoundCard(language), language)];
      const also = resolve(knowledge, result.also ?? []);
      const branches = resolve(knowledge, result.otherBranches ?? []);
      return [
        answerReply(knowledge, entries[0], language, adminOpen),
        ...(also.length > 0 ? [cardReply('topics', buildAlsoCard(also, language), language)] : []),
        ...(branches.length > 0 ? [cardReply('topics', buildAlsoCard(branches, language, 'branches'), language)] : []),
      ];
    }
    case 'clarify': {
      const host = knowledge.byId.get(result.clarifyEntryId ?? '');
      return host
        ? [
            cardReply(
              'choices',
              buildClarifyCard(
                host,
                entries.map((entry) => entry.id),
                language,
              ),
              language,
            ),
          ]
        : [cardReply('not-found', buildNotFoundCard(language), language)];
    }
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

/**
 * The conversation after `text` was matched: the question asked, and the answer shown (follow-up context) or the
 * question the bot asked back.
 */
export function rememberMatch(data: ConversationData, text: string, result: MatchResult): ConversationData {
  // A clarifying question is about its asking entry first (the ticket card and the escalation counts show entryIds[0]).
  const ids = result.entries.map((entry) => entry.id);
  const entryIds = result.kind === 'clarify' && result.clarifyEntryId ? [result.clarifyEntryId, ...ids] : ids;
  const asked = rememberQuestion(data, text, result.kind, [...new Set(entryIds)]);
  if (result.kind === 'answer' && result.entries[0]) return rememberAnswer(asked, result.entries[0].id);
  if (result.kind === 'clarify' && result.clarifyEntryId)
    return rememberClarify(asked, result.clarifyEntryId, result.language);
  return forgetClarify(asked);
}

/** Matches `text` as a question; a short follow-up reads the previous answer's context. */
export function matchTurnText(
  deps: QuestionRouteDeps,
  input: TurnInput,
  text: string,
  html: string | undefined,
): MatchResult {
  return matchQuestion(deps.index, {
    text,
    html,
    locale: input.locale,
    // The turn's language (see TurnInput.language): the matcher's own detection is for the ask CLI.
    language: input.language,
    previousEntryId: input.conversation.lastEntryId,
  });
}

/** Returns the replies and the updated conversation for a question already matched (`result` from matchTurnText). */
export function replyToMatch(
  deps: QuestionRouteDeps,
  input: TurnInput,
  text: string,
  html: string | undefined,
  result: MatchResult,
): RouteResult {
  // Output no parser could read (lines joined or cut by the client) is not a question: say so and ask for it again.
  // It is not reported as an unanswered question either (its text may hold host and user names).
  if (result.kind === 'none' && looksLikeOutput(chooseMessageText(text, html))) {
    return {
      replies: [textReply(t(result.language, 'paste.unreadable'), result.language)],
      outcome: { kind: 'unreadable-output' },
    };
  }
  const adminOpen = helpdeskSigns(input, result.signals, deps.isStaff).length > 0;
  const replies = repliesForMatch(deps.knowledge, result, result.language, adminOpen);
  // Every match is reported with the text matched (for analytics; logs get ids only).
  const outcome = {
    kind: result.kind,
    ...(result.kind === 'answer' && result.entries[0] ? { entryId: result.entries[0].id } : {}),
    match: { result, text },
  };
  // Conversational turns say nothing an escalation summary needs.
  if (result.kind !== 'answer' && result.kind !== 'choices' && result.kind !== 'clarify' && result.kind !== 'none')
    return { replies, outcome };
  return { replies, outcome, conversation: rememberMatch(input.conversation, text, result) };
}

/** Matches `text` and returns the replies and the updated conversation. */
export function answerQuestion(
  deps: QuestionRouteDeps,
  input: TurnInput,
  text: string,
  html: string | undefined,
): RouteResult {
  return replyToMatch(deps, input, text, html, matchTurnText(deps, input, text, html));
}

/** Creates the catch-all question route. */
export function createQuestionRoute(deps: QuestionRouteDeps): Route {
  return {
    id: 'question',
    matches: () => true,
    handle: (input) => answerQuestion(deps, input, input.text, input.html),
  };
}
