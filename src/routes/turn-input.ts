/** The part of an inbound activity that routes look at, free of botbuilder types. */

import { knownVerb, type CardVerb } from '../cards/card-verbs.js';
import { readPaste, type PasteReading } from '../diagnosis/read-paste.js';
import { detectLanguage, languageOfLocale, pasteLanguage, type Language } from '../i18n/language.js';
import { chooseMessageText } from '../matching/normalize-text.js';
import type { Facts } from '../parsing/facts.js';

/** What the bot keeps per conversation between turns: what an escalation summary is made of. */
export interface ConversationData {
  /** Facts from every paste so far, merged (newer values win). */
  readonly facts: Facts;
  /** The latest pastes (text clipped), newest last. */
  readonly pastes: ReadonlyArray<{ readonly text: string; readonly formats: readonly string[] }>;
  /** The latest questions and what the bot did with them, newest last. */
  readonly questions: ReadonlyArray<{
    readonly text: string;
    readonly kind: string;
    readonly entryIds: readonly string[];
  }>;
  /** 👍 / 👎 given to answers in this conversation. */
  readonly feedback: ReadonlyArray<{ readonly entryId: string; readonly helpful: boolean }>;
  /** The escalation form shown last (submitting it twice creates one ticket). */
  readonly draftId?: string;
  /** The entry answered last: a short follow-up ("what about on Server?") is read in its context. */
  readonly lastEntryId?: string;
  /**
   * The entry whose clarifying question is waiting for the user's pick (a click or a typed option), and its language.
   */
  readonly pendingClarify?: { readonly entryId: string; readonly language: Language };
}

export const EMPTY_CONVERSATION: ConversationData = Object.freeze({
  facts: {},
  pastes: [],
  questions: [],
  feedback: [],
});

const MAX_PASTES = 5;
// Characters of a paste the conversation keeps for the escalation summary (what is read: MAX_PASTE_CHARS in
// parse-paste.ts).
const MAX_KEPT_PASTE_CHARS = 4000;
const MAX_QUESTIONS = 10;
const MAX_QUESTION_CHARS = 500;

/** Returns stored data in the current shape (older or partial records get empty lists). */
export function normalizeConversation(stored: Partial<ConversationData> | undefined): ConversationData {
  return {
    ...EMPTY_CONVERSATION,
    ...stored,
    pastes: Array.isArray(stored?.pastes) ? stored.pastes : [],
    questions: Array.isArray(stored?.questions) ? stored.questions : [],
    feedback: Array.isArray(stored?.feedback) ? stored.feedback : [],
    facts: stored?.facts ?? {},
  };
}

/** Returns `data` with a question remembered (clipped, last few kept). */
export function rememberQuestion(
  data: ConversationData,
  text: string,
  kind: string,
  entryIds: readonly string[],
): ConversationData {
  return {
    ...data,
    questions: [...data.questions, { text: text.slice(0, MAX_QUESTION_CHARS), kind, entryIds }].slice(-MAX_QUESTIONS),
  };
}

/** Returns `data` after an answer card for `entryId` was shown: the follow-up context, no question waiting. */
export function rememberAnswer(data: ConversationData, entryId: string): ConversationData {
  const { pendingClarify: _answered, ...rest } = data;
  return { ...rest, lastEntryId: entryId };
}

/** Returns `data` with the clarifying question of `entryId`, asked in `language`, waiting for the user's pick. */
export function rememberClarify(data: ConversationData, entryId: string, language: Language): ConversationData {
  return { ...data, pendingClarify: { entryId, language } };
}

/** Returns `data` with no clarifying question waiting. */
export function forgetClarify(data: ConversationData): ConversationData {
  const { pendingClarify: _dropped, ...rest } = data;
  return rest;
}

/** Returns `data` with a paste remembered (clipped, last few kept) and its facts merged in. */
export function rememberPaste(
  data: ConversationData,
  text: string,
  formats: readonly string[],
  facts: Facts,
): ConversationData {
  return {
    ...data,
    facts,
    pastes: [...data.pastes, { text: text.slice(0, MAX_KEPT_PASTE_CHARS), formats }].slice(-MAX_PASTES),
  };
}

/** Returns `data` with feedback on an entry remembered (the latest vote per entry counts). */
export function rememberFeedback(data: ConversationData, entryId: string, helpful: boolean): ConversationData {
  return { ...data, feedback: [...data.feedback.filter((item) => item.entryId !== entryId), { entryId, helpful }] };
}

/** Who sent the activity (Teams ids; the name is for display only). */
export interface Sender {
  readonly id: string;
  readonly name?: string;
  readonly aadObjectId?: string;
}

/** A card button click (Action.Submit / Action.Execute) carrying `data.verb`. */
export interface CardAction {
  readonly verb: string;
  readonly data: Readonly<Record<string, unknown>>;
}

/** A text file the user sent (personal chat), read by the shell: its text, or why it was not read. */
export type FileInput =
  | { readonly name: string; readonly text: string }
  | { readonly name: string; readonly problem: 'too-large' | 'download-failed' };

/** What one message turn is about. */
export interface TurnInput {
  /** Message text with mentions removed; may be empty for card actions. */
  readonly text: string;
  /** The text/html attachment Teams sends alongside pasted text, when present. */
  readonly html: string | undefined;
  readonly locale: string | undefined;
  /** The reply language of this turn, decided once (see decideLanguage); every route and the error handler use it. */
  readonly language: Language;
  readonly action: CardAction | undefined;
  readonly conversationId: string;
  readonly activityId: string | undefined;
  /** The conversation's data as loaded before this turn. */
  readonly conversation: ConversationData;
  readonly from: Sender;
  /** The Teams channel the activity came from (channelData.channel.id), for channel messages and card actions. */
  readonly teamsChannelId: string | undefined;
  /** conversation.conversationType as sent: personal, groupChat or channel (absent in some clients and emulators). */
  readonly conversationType: string | undefined;
  /** The conversation reference for proactive messages (botbuilder's shape, opaque here). */
  readonly reference: Readonly<Record<string, unknown>>;
  /** A ticket waiting for this user's answer to an L2 question: the next message goes to it. */
  readonly waitingTicketId: string | undefined;
  /** Content types of attachments the bot does not read (images, files); text/html is read as `html`. */
  readonly otherAttachments: readonly string[];
  /** Characters cut from a message over the length limit (0 when nothing was cut). */
  readonly cutChars: number;
  /** A .txt/.log/.csv file sent in personal chat, downloaded by the shell; read like a paste. */
  readonly file?: FileInput;
  /**
   * The message (and its text file) read as pasted output, with the conversation's facts merged in; undefined for card
   * actions and when no parser recognised anything. Read on first use and kept for the rest of the turn.
   */
  readonly paste: PasteReading | undefined;
}

/** The fields of a turn input that are given; the rest (`paste`, `language`) is read from them. */
export type TurnFields = Omit<TurnInput, 'paste' | 'language'>;

/** The text a paste is read from: the message, plus a text file the user sent with it. */
export function pastedText(input: TurnFields): string {
  return input.file && 'text' in input.file ? `${input.text}\n${input.file.text}` : input.text;
}

/** The HTML a paste is read from; a file's lines are already intact, so its message's HTML is not needed. */
export const pastedHtml = (input: TurnFields): string | undefined =>
  input.file && 'text' in input.file ? undefined : input.html;

/**
 * The reply language of a turn: a card click answers in the language stored on its button; pasted output (English on
 * every Windows) in Japanese when the words around it are, else in the locale's; other text in the language of its
 * words; the locale (else English) when there are none.
 */
function decideLanguage(fields: TurnFields, paste: PasteReading | undefined): Language {
  if (fields.action) {
    const stored = fields.action.data['language'];
    return (
      languageOfLocale(typeof stored === 'string' ? stored : undefined) ?? detectLanguage(fields.text, fields.locale)
    );
  }
  if (paste) return pasteLanguage(fields.text, fields.locale);
  return detectLanguage(chooseMessageText(fields.text, fields.html), fields.locale);
}

/** What a test may fix instead of having it read from the fields. */
export type TurnReadings = Partial<Pick<TurnInput, 'paste' | 'language'>>;

/**
 * Returns the turn input for `fields`: its paste is read once, when a route first asks for it, and so is its language
 * (which depends on whether the message is a paste). `given` fixes either (route unit tests).
 */
export function completeTurnInput(fields: TurnFields, given: TurnReadings = {}): TurnInput {
  let paste: { readonly reading: PasteReading | undefined } | undefined =
    'paste' in given ? { reading: given.paste } : undefined;
  let language = given.language;
  const input: TurnInput = {
    ...fields,
    get paste() {
      paste ??= {
        reading:
          fields.action === undefined
            ? readPaste(pastedText(fields), pastedHtml(fields), fields.conversation.facts)
            : undefined,
      };
      return paste.reading;
    },
    get language() {
      language ??= decideLanguage(fields, input.paste);
      return language;
    },
  };
  return input;
}

/** Longest message text read; the rest is cut and the user is told. */
export const MAX_MESSAGE_CHARS = 20_000;

/** A string field of the clicked card action's data, if the turn is a card action and the field is a string. */
export function actionField(input: TurnInput, name: string): string | undefined {
  const value = input.action?.data[name];
  return typeof value === 'string' ? value : undefined;
}

/** The verb of the clicked card action when it is a known one (compare it with a `CardVerb`, never a bare string). */
export function actionVerb(input: TurnInput): CardVerb | undefined {
  return knownVerb(input.action?.verb);
}
