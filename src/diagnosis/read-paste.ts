/** Reads a message as pasted output: parse it, add the facts to what the conversation already had, and diagnose. */

import { chooseMessageText } from '../matching/normalize-text.js';
import { mergeFacts, type Facts } from '../parsing/facts.js';
import { MAX_PASTE_CHARS, mayHoldOutput, parsePreparedPaste } from '../parsing/parse-paste.js';
import { preparePaste } from '../parsing/prepare-paste.js';
import { splitPreparedMessage } from '../parsing/split-message.js';
import { diagnose, type Diagnosis } from './diagnose.js';

export interface PasteReading {
  /** Parser ids that recognised something in this message. */
  readonly formats: readonly string[];
  /** Facts from this message alone. */
  readonly facts: Facts;
  /** Facts of the whole conversation, this message included. */
  readonly merged: Facts;
  readonly diagnosis: Diagnosis;
  /** The user's words around the output ('' when the message is output only). */
  readonly words: string;
  /** True when the facts were stated in sentences ("MAPSReporting is 2") and no line is output: all of it is words. */
  readonly statedOnly: boolean;
}

/** Returns the reading of a message, or undefined when no parser recognised anything in it. */
export function readPaste(text: string, html: string | undefined, previous: Facts = {}): PasteReading | undefined {
  const chosen = chooseMessageText(text, html).slice(0, MAX_PASTE_CHARS);
  // Most messages are questions that no parser can read anything in; they are told apart without parsing.
  if (!mayHoldOutput(chosen)) return undefined;
  // Prepared once (HTML, line numbers, lost line breaks) for the parsers and for telling output from words.
  const prepared = preparePaste(chosen);
  const parsed = parsePreparedPaste(prepared);
  if (parsed.formats.length === 0) return undefined;
  const merged = mergeFacts(previous, parsed.facts);
  const { output, words } = splitPreparedMessage(prepared);
  return {
    formats: parsed.formats,
    facts: parsed.facts,
    merged,
    diagnosis: diagnose(merged),
    words,
    statedOnly: output === '',
  };
}
