/** The reply typed to a clarifying question: picks an option, asks again, or turns out to be a new question. */

import { buildClarifyCard } from '../cards/clarify-card.js';
import { t } from '../i18n/messages.js';
import { pickedOptions } from '../matching/clarify.js';
import { chooseMessageText, normalizeForMatching } from '../matching/normalize-text.js';
import { helpdeskSigns } from './audience.js';
import { answerQuestion, answerReply, matchTurnText, replyToMatch, type QuestionRouteDeps } from './question-route.js';
import { cardReply, textReply } from './reply.js';
import type { Route, RouteResult } from './route-table.js';
import { forgetClarify, rememberAnswer, type TurnInput } from './turn-input.js';

/** Handles a message while a clarifying question waits (see matching/clarify.ts for what picks an option). */
function replyToClarification(deps: QuestionRouteDeps, input: TurnInput): RouteResult {
  const pending = input.conversation.pendingClarify;
  const host = deps.knowledge.byId.get(pending?.entryId ?? '');
  const clarification = host?.clarify;
  const fresh = { ...input, conversation: forgetClarify(input.conversation) };
  if (!pending || !host || !clarification) return answerQuestion(deps, fresh, input.text, input.html);

  const normalized = normalizeForMatching(chooseMessageText(input.text, input.html));
  const picked = pickedOptions(clarification, normalized, deps.index.extractSignals(normalized), deps.knowledge.byId);
  const pickedEntry =
    picked.length === 1 ? deps.knowledge.byId.get(clarification.options[picked[0] ?? 0]?.entry ?? '') : undefined;
  if (pickedEntry) {
    const adminOpen = helpdeskSigns(input, undefined, deps.isStaff).length > 0;
    return {
      replies: [answerReply(deps.knowledge, pickedEntry, pending.language, adminOpen)],
      outcome: { kind: 'answer', entryId: pickedEntry.id },
      conversation: rememberAnswer(input.conversation, pickedEntry.id),
    };
  }
  if (picked.length > 1) {
    // "Intune" fits two options: ask again with only those.
    const order = picked.map((position) => clarification.options[position]?.entry ?? '');
    return {
      replies: [cardReply('choices', buildClarifyCard(host, order, pending.language), pending.language)],
      outcome: { kind: 'clarify' },
    };
  }
  // Not an option: a new question when the knowledge has something for it, otherwise the question again.
  const asNew = matchTurnText(deps, fresh, input.text, input.html);
  if (asNew.kind !== 'none') return replyToMatch(deps, fresh, input.text, input.html, asNew);
  const order = clarification.options.map((option) => option.entry);
  return {
    replies: [
      textReply(t(pending.language, 'clarify.again'), pending.language),
      cardReply('choices', buildClarifyCard(host, order, pending.language), pending.language),
    ],
    outcome: { kind: 'clarify' },
  };
}

/** Creates the route that reads the user's typed reply to a clarifying question; it goes before the question route. */
export function createClarifyReplyRoute(deps: QuestionRouteDeps): Route {
  return {
    id: 'clarify-reply',
    matches: (input) =>
      input.action === undefined &&
      input.conversation.pendingClarify !== undefined &&
      chooseMessageText(input.text, input.html).trim() !== '',
    handle: (input) => replyToClarification(deps, input),
  };
}
