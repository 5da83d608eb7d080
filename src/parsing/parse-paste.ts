/** Runs every parser over a message and merges what they read; never throws on user input. */

import { mergeFacts, type Facts } from './facts.js';
import { createFormSearch } from '../matching/substring-filter.js';
import { BARE_VALUE_NEEDS, parseBareValue } from './parse-bare-value.js';
import { EVENT_LOG_NEEDS, parseEventLog } from './parse-event-log.js';
import { MP_PROPERTIES_NEEDS, parseMpProperties } from './parse-mp-properties.js';
import { parseRegQuery, REG_QUERY_NEEDS } from './parse-reg-query.js';
import { parseScQuery, SC_QUERY_NEEDS } from './parse-sc-query.js';
import { parseValidateMaps, VALIDATE_MAPS_NEEDS } from './parse-validate-maps.js';
import { preparePaste } from './prepare-paste.js';

/** One parser: a stable id and a function that returns the facts it found, or undefined. */
export interface PasteParser {
  readonly id: string;
  parse(text: string): Facts | undefined;
  /**
   * What any text it reads something in holds, at least one of them, in the lower-cased message (before preparePaste):
   * substrings, or patterns tested on it. A message with none of them is not parsed (see mayHoldOutput), so each must
   * follow from the parser's own patterns (test/parsing/paste-needs.test.ts checks it on every fixture and message).
   */
  readonly needs: ReadonlyArray<string | RegExp>;
}

// Order matters only for merging: later parsers win on the same fact, so explicit statements come last.
const PARSERS: readonly PasteParser[] = Object.freeze([
  { id: 'validate-maps', parse: parseValidateMaps, needs: VALIDATE_MAPS_NEEDS },
  { id: 'mp-properties', parse: parseMpProperties, needs: MP_PROPERTIES_NEEDS },
  { id: 'sc-query', parse: parseScQuery, needs: SC_QUERY_NEEDS },
  { id: 'reg-query', parse: parseRegQuery, needs: REG_QUERY_NEEDS },
  { id: 'event-log', parse: parseEventLog, needs: EVENT_LOG_NEEDS },
  { id: 'bare-value', parse: parseBareValue, needs: BARE_VALUE_NEEDS },
]);

/** The parsers, in the order they run. */
export const PASTE_PARSERS: readonly PasteParser[] = PARSERS;

// Characters that case-insensitive patterns (/iu) fold to an ASCII letter but toLowerCase() does not turn into it
// (ſ → s, the Kelvin sign → k); HTML, which preparePaste turns into other text, starts with "<". A message with any of
// them is parsed without looking at the needs.
const UNLIKE_ITS_LOWER_CASE = /[<\u017f\u212a]/u;

// Every parser's needs that are substrings, found in a message in one pass.
const NEED_FORMS = [
  ...new Set(PARSERS.flatMap((parser) => parser.needs.filter((need): need is string => typeof need === 'string'))),
];
const NEED_AT = new Map(NEED_FORMS.map((form, at) => [form, at]));
const searchNeeds = createFormSearch(NEED_FORMS);
const needsFound = new Uint8Array(NEED_FORMS.length);

/**
 * False when no parser can read anything in `text` (the message as readPaste prepares it, before preparePaste): none
 * of their needs is in it. Most messages are questions, and this costs far less than preparing and parsing them.
 */
export function mayHoldOutput(text: string): boolean {
  if (UNLIKE_ITS_LOWER_CASE.test(text)) return true;
  const lower = text.toLowerCase();
  searchNeeds(lower, needsFound);
  return PARSERS.some((parser) => meetsNeeds(parser, lower));
}

/** True when `lower` (a lower-cased message, just searched by searchNeeds) holds one of the parser's needs. */
function meetsNeeds(parser: PasteParser, lower: string): boolean {
  return parser.needs.some((need) => {
    if (typeof need !== 'string') return need.test(lower);
    const at = NEED_AT.get(need);
    return at === undefined ? lower.includes(need) : needsFound[at] === 1;
  });
}

/** True when the message `text` holds one of `parser`'s needs (the check mayHoldOutput makes, for one parser). */
export function holdsNeedsOf(parser: PasteParser, text: string): boolean {
  if (UNLIKE_ITS_LOWER_CASE.test(text)) return true;
  const lower = text.toLowerCase();
  searchNeeds(lower, needsFound);
  return meetsNeeds(parser, lower);
}

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
