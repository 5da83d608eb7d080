/** Reads a message as pasted output: parse it, add the facts to what the conversation already had, and diagnose. */

import { chooseMessageText } from '../matching/normalize-text.js';
import { mergeFacts, type Facts } from '../parsing/facts.js';
import { parsePaste } from '../parsing/parse-paste.js';
import { diagnose, type Diagnosis } from './diagnose.js';

export interface PasteReading {
  /** Parser ids that recognised something in this message. */
  readonly formats: readonly string[];
  /** Facts from this message alone. */
  readonly facts: Facts;
  /** Facts of the whole conversation, this message included. */
  readonly merged: Facts;
  readonly diagnosis: Diagnosis;
}

/** Returns the reading of a message, or undefined when no parser recognised anything in it. */
export function readPaste(text: string, html: string | undefined, previous: Facts = {}): PasteReading | undefined {
  const parsed = parsePaste(chooseMessageText(text, html));
  if (parsed.formats.length === 0) return undefined;
  const merged = mergeFacts(previous, parsed.facts);
  return { formats: parsed.formats, facts: parsed.facts, merged, diagnosis: diagnose(merged) };
}
