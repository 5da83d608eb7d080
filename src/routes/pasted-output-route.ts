/**
 * The route for pasted command output: parse, add to the conversation's facts, diagnose, reply with a diagnosis card.
 * When the words around the output ask something ("MAPSReporting is 2, what's the connection test?"), the question is
 * answered first, read with the facts, and the diagnosis follows.
 */

import { buildDiagnosisCard } from '../cards/diagnosis-card.js';
import { matchAroundPaste } from '../matching/match-around-paste.js';
import { rememberMatch, repliesForMatch, type QuestionRouteDeps } from './question-route.js';
import { cardReply } from './reply.js';
import type { Route } from './route-table.js';
import { pastedHtml, pastedText, rememberPaste } from './turn-input.js';

/** Creates the pasted-output route; its outcome reports what was read and the question around it, if any. */
export function createPastedOutputRoute(deps: Pick<QuestionRouteDeps, 'knowledge' | 'index'>): Route {
  const { knowledge, index } = deps;
  return {
    id: 'pasted-output',
    // The turn input reads the paste once (see TurnInput.paste); this route and its handler share that reading.
    matches: (input) => input.paste !== undefined,
    handle(input) {
      const reading = input.paste;
      if (!reading) return { replies: [] };
      const language = input.language;
      const question = matchAroundPaste(index, {
        words: reading.words,
        diagnosis: reading.diagnosis,
        statedOnly: reading.statedOnly,
        locale: input.locale,
        language,
        previousEntryId: input.conversation.lastEntryId,
      });
      const answered = question?.kind === 'answer' ? question.entries[0]?.id : undefined;
      const diagnosisReply = cardReply(
        'diagnosis',
        buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language, { answered }),
        language,
      );
      // Kept like any paste (clipped); a file's text is never stored whole.
      const pasted = rememberPaste(
        input.conversation,
        pastedHtml(input) ?? pastedText(input),
        reading.formats,
        reading.merged,
      );
      const read = { reading, question };
      if (!question)
        return { replies: [diagnosisReply], outcome: { kind: 'diagnosis', paste: read }, conversation: pasted };
      // Whoever pastes output is helpdesk (see audience.ts): the answer comes with its admin part open.
      return {
        replies: [...repliesForMatch(knowledge, question, language, true), diagnosisReply],
        outcome: { kind: 'diagnosis', ...(answered ? { entryId: answered } : {}), paste: read },
        conversation: rememberMatch(pasted, reading.words, question),
      };
    },
  };
}
