/** Runs every parser over a message and merges what they read; never throws on user input. */

import { mergeFacts, type Facts } from './facts.js';
import { parseBareValue } from './parse-bare-value.js';
import { parseEventLog } from './parse-event-log.js';
import { parseMpProperties } from './parse-mp-properties.js';
import { parseRegQuery } from './parse-reg-query.js';
import { parseScQuery } from './parse-sc-query.js';
import { parseValidateMaps } from './parse-validate-maps.js';
import { preparePaste } from './prepare-paste.js';

/** One parser: a stable id and a function that returns the facts it found, or undefined. */
export interface PasteParser {
  readonly id: string;
  parse(text: string): Facts | undefined;
}

// Order matters only for merging: later parsers win on the same fact, so explicit statements come last.
const PARSERS: readonly PasteParser[] = Object.freeze([
  { id: 'validate-maps', parse: parseValidateMaps },
  { id: 'mp-properties', parse: parseMpProperties },
  { id: 'sc-query', parse: parseScQuery },
  { id: 'reg-query', parse: parseRegQuery },
  { id: 'event-log', parse: parseEventLog },
  { id: 'bare-value', parse: parseBareValue },
]);

export interface PasteResult {
  readonly facts: Facts;
  /** Ids of the parsers that recognised something, in table order. */
  readonly formats: readonly string[];
}

/** Longest text parsed; beyond it a paste is cut (a Teams message is far shorter). */
export const MAX_PASTE_CHARS = 200_000;

/** Returns the facts of every format recognised in `text`. */
export function parsePaste(text: string): PasteResult {
  return parsePreparedPaste(preparePaste(text.length > MAX_PASTE_CHARS ? text.slice(0, MAX_PASTE_CHARS) : text));
}

/** Returns the facts of every format recognised in text already prepared (preparePaste), cut to MAX_PASTE_CHARS. */
export function parsePreparedPaste(input: string): PasteResult {
  let facts: Facts = {};
  const formats: string[] = [];
  for (const parser of PARSERS) {
    const found = parser.parse(input);
    if (found) {
      facts = mergeFacts(facts, found);
      formats.push(parser.id);
    }
  }
  return { facts, formats };
}
