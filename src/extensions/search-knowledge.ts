/**
 * Compose-box knowledge search: a query through the chat's matcher to a best-first list of entries, and the card
 * inserted.
 */

import { buildAnswerCard } from '../cards/answer-card.js';
import type { AnswerCardData } from '../cards/card-data.js';
import { t } from '../i18n/messages.js';
import type { Language } from '../i18n/language.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { matchQuestion, type MatchResult } from '../matching/match-question.js';
import { helpdeskSigns } from '../routes/audience.js';
import { EMPTY_CONVERSATION, type TurnInput } from '../routes/turn-input.js';

/** Longest search text accepted; longer text is a message or a paste, for the message action. */
export const MAX_QUERY_CHARS = 500;

// Entries after the first are listed only when they carry at least this share of confidence (the matcher always ranks
// three).
const MIN_EXTRA_SCORE = 0.1;

export interface KnowledgeSearch {
  readonly language: Language;
  /** Best first. Empty for nonsense, out-of-scope and conversational text. */
  readonly entries: readonly KnowledgeEntry[];
  /**
   * The query reads like helpdesk (an error code, a command, an event id or setting): the inserted answer opens its
   * admin part.
   */
  readonly adminOpen: boolean;
  readonly result: MatchResult;
}

/**
 * Returns the entries of a match result as a best-first list (the answer, the other cases it names, what else the text
 * raises, then close ones).
 */
function listedIds(result: MatchResult): string[] {
  switch (result.kind) {
    case 'answer':
      return [
        ...result.entries.slice(0, 1).map((entry) => entry.id),
        ...(result.otherBranches ?? []).map((entry) => entry.id),
        ...(result.also ?? []).map((entry) => entry.id),
        ...result.entries
          .slice(1)
          .filter((entry) => entry.score >= MIN_EXTRA_SCORE)
          .map((entry) => entry.id),
      ];
    case 'clarify':
      // The general entry first, then the other entries its options lead to.
      return [
        ...(result.clarifyEntryId ? [result.clarifyEntryId] : []),
        ...result.entries.map((entry) => entry.id).filter((id) => id !== result.clarifyEntryId),
      ];
    case 'choices':
      return result.entries.map((entry) => entry.id);
    default:
      return [];
  }
}

/** Searches the knowledge for `query` (already checked for length) with the chat's matcher. */
export function searchKnowledge(
  knowledge: KnowledgeBase,
  index: MatchIndex,
  input: TurnInput,
  query: string,
): KnowledgeSearch {
  const result = matchQuestion(index, { text: query, locale: input.locale });
  const ids = [...new Set(listedIds(result))];
  const entries = ids
    .map((id) => knowledge.byId.get(id))
    .filter((entry): entry is KnowledgeEntry => entry !== undefined);
  // Only what the text says counts: who searches is helpdesk, but the card is for the colleague who asked.
  const adminOpen = helpdeskSigns({ ...input, conversation: EMPTY_CONVERSATION }, result.signals).length > 0;
  return { language: result.language, entries, adminOpen, result };
}

/** Returns the first line of `text`, clipped to `max` characters. */
export function firstLine(text: string, max = 140): string {
  const line =
    text
      .split('\n')
      .find((part) => part.trim() !== '')
      ?.trim() ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/**
 * Returns the answer card data to insert into a conversation: the same card as in the chat, without the buttons that
 * talk to the bot (👍/👎, escalate, related topics), which would not reach it from a chat it is not part of.
 */
export function insertedAnswerCard(entry: KnowledgeEntry, language: Language, adminOpen: boolean): AnswerCardData {
  return {
    ...buildAnswerCard(entry, language, [], { adminOpen }),
    related: [],
    actions: [],
    helpfulPrompt: t(language, 'ext.inserted.footer'),
  };
}
