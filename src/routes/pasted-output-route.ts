/**
 * The route for pasted command output: parse, add to the conversation's facts, diagnose, reply with a diagnosis card.
 */

import { buildDiagnosisCard } from '../cards/diagnosis-card.js';
import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import { pasteLanguage } from '../i18n/language.js';
import type { KnowledgeBase } from '../knowledge/knowledge-entry.js';
import { cardReply } from './reply.js';
import type { Route } from './route-table.js';
import { rememberPaste, type TurnInput } from './turn-input.js';

/** The text a paste is read from: the message, plus a text file the user sent with it. */
function pastedText(input: TurnInput): string {
  return input.file && 'text' in input.file ? `${input.text}\n${input.file.text}` : input.text;
}

/** The HTML a paste is read from; a file's lines are already intact, so its message's HTML is not needed. */
const pastedHtml = (input: TurnInput): string | undefined => (input.file && 'text' in input.file ? undefined : input.html);

/** Creates the pasted-output route; `onReading` receives what was read (ids and counts only, for logs). */
export function createPastedOutputRoute(knowledge: KnowledgeBase, onReading?: (input: TurnInput, reading: PasteReading) => void): Route {
  // The reading made in matches() is reused by handle() for the same turn.
  const readings = new WeakMap<TurnInput, PasteReading>();
  return {
    id: 'pasted-output',
    matches(input) {
      if (input.action !== undefined) return false;
      const reading = readPaste(pastedText(input), pastedHtml(input), input.conversation.facts);
      if (reading) readings.set(input, reading);
      return reading !== undefined;
    },
    handle(input) {
      const reading = readings.get(input) ?? readPaste(pastedText(input), pastedHtml(input), input.conversation.facts);
      if (!reading) return { replies: [] };
      onReading?.(input, reading);
      const language = pasteLanguage(input.text, input.locale);
      return {
        replies: [cardReply('diagnosis', buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language), language)],
        outcome: { kind: 'diagnosis' },
        // Kept like any paste (clipped); a file's text is never stored whole.
        conversation: rememberPaste(input.conversation, pastedHtml(input) ?? pastedText(input), reading.formats, reading.merged),
      };
    },
  };
}
