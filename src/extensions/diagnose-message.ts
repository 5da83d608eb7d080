/** "Diagnose with the Defender bot" on a message: its text is read as pasted output or matched as a question. */

import { buildChoicesCard, buildNotFoundCard } from '../cards/answer-card.js';
import type { DiagnosisCardData } from '../cards/card-data.js';
import { buildDiagnosisCard } from '../cards/diagnosis-card.js';
import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import { t } from '../i18n/messages.js';
import { pasteLanguage, type Language } from '../i18n/language.js';
import type { KnowledgeBase, KnowledgeEntry } from '../knowledge/knowledge-entry.js';
import type { MatchIndex } from '../matching/match-index.js';
import { cardReply, type CardReply } from '../routes/reply.js';
import { MAX_MESSAGE_CHARS, type TurnInput } from '../routes/turn-input.js';
import { insertedAnswerCard, searchKnowledge } from './search-knowledge.js';

/** The text of the message the action was run on (Teams' messagePayload.body), clipped like a chat message. */
export interface MessageText {
  readonly text: string;
  readonly html: string | undefined;
}

/** Returns the readable text of a messagePayload, or undefined when it carries none. */
export function readMessagePayload(payload: unknown): MessageText | undefined {
  const body = (payload as { body?: { content?: unknown; contentType?: unknown } } | undefined)?.body;
  if (typeof body?.content !== 'string' || body.content.trim() === '') return undefined;
  return body.contentType === 'html'
    ? { text: '', html: body.content.slice(0, MAX_MESSAGE_CHARS * 4) }
    : { text: body.content.slice(0, MAX_MESSAGE_CHARS), html: undefined };
}

/** What the action found: a diagnosis (insertable), an answer (insertable), choices to pick from, or nothing. */
export type MessageReading =
  | {
      readonly kind: 'diagnosis';
      readonly language: Language;
      readonly reading: PasteReading;
      readonly reply: CardReply;
    }
  | {
      readonly kind: 'answer';
      readonly language: Language;
      readonly entry: KnowledgeEntry;
      readonly adminOpen: boolean;
      readonly reply: CardReply;
    }
  | { readonly kind: 'choices'; readonly language: Language; readonly reply: CardReply }
  | { readonly kind: 'none'; readonly language: Language; readonly reply: CardReply };

/**
 * Returns the diagnosis card data without the buttons that talk to the bot; the values come from one message, not a
 * conversation.
 */
const insertedDiagnosisCard = (data: DiagnosisCardData, language: Language): DiagnosisCardData => ({
  ...data,
  factsHeading: t(language, 'ext.diagnose.facts'),
  nextStep: [],
  entries: [],
  actions: [],
});

/**
 * Reads `message`: pasted output is diagnosed (the same parsers and rules as the chat), other text is matched as a
 * question.
 */
export function diagnoseMessage(
  knowledge: KnowledgeBase,
  index: MatchIndex,
  input: TurnInput,
  message: MessageText,
): MessageReading {
  const reading = readPaste(message.text, message.html);
  if (reading) {
    const language = pasteLanguage(message.text || (message.html ?? ''), input.locale);
    const data = insertedDiagnosisCard(
      buildDiagnosisCard(reading.merged, reading.diagnosis, knowledge, language),
      language,
    );
    return { kind: 'diagnosis', language, reading, reply: cardReply('diagnosis', data, language) as CardReply };
  }
  const search = searchKnowledge(knowledge, index, input, message.html !== undefined ? message.html : message.text);
  const { language } = search;
  const first = search.entries[0];
  if (search.result.kind === 'answer' && first) {
    return {
      kind: 'answer',
      language,
      entry: first,
      adminOpen: search.adminOpen,
      reply: cardReply('answer', insertedAnswerCard(first, language, search.adminOpen), language) as CardReply,
    };
  }
  if (search.entries.length > 0) {
    return {
      kind: 'choices',
      language,
      reply: cardReply(
        'choices',
        buildChoicesCard(search.entries.slice(0, 4), language, search.adminOpen),
        language,
      ) as CardReply,
    };
  }
  return {
    kind: 'none',
    language,
    reply: cardReply('not-found', { ...buildNotFoundCard(language), actions: [] }, language) as CardReply,
  };
}
