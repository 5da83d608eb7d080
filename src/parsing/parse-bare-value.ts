/**
 * Reads a single setting the user reports: `(Get-MpPreference).MAPSReporting` followed by its output, or a value
 * stated in words ("MAPSReporting is 0", "MAPSReporting は 2 でした", "SubmitSamplesConsent = 2").
 *
 *   PS C:\> (Get-MpPreference).MAPSReporting
 *   0
 */

import { PROPERTY_KINDS, typeValue, type Facts, type PropertyFact } from './facts.js';

const NAMES = Object.keys(PROPERTY_KINDS) as PropertyFact[];
const BY_LOWER = new Map(NAMES.map((name) => [name.toLowerCase(), name]));
const ALTERNATION = NAMES.join('|');
const COMMAND_OUTPUT = new RegExp(
  `\\(Get-Mp(?:Preference|ComputerStatus)\\)\\.(${ALTERNATION})\\s*\\r?\\n\\s*(?:PS [^\\n]*\\n\\s*)?([^\\s\\n]+)`,
  'giu',
);
// Only explicit statements count: "MAPSReporting 0" alone is a question about the setting, not a reading.
// A colon is not a connector here: "Name : Value" lines are list output, read by the property parser.
const STATED = new RegExp(
  `(?<![A-Za-z0-9_.])(${ALTERNATION})\\s*(?:is|was|=|は|が)\\s*([0-9]+|true|false|advanced|basic|disabled)(?![.\\w])`,
  'giu',
);

// Lower-case text one of which every output read here holds (see PasteParser.needs): a property name.
export const BARE_VALUE_NEEDS: readonly string[] = NAMES.map((name) => name.toLowerCase());

/** Returns the facts the user reports one by one, or undefined when there are none. */
export function parseBareValue(text: string): Facts | undefined {
  const facts: Record<string, unknown> = {};
  for (const pattern of [COMMAND_OUTPUT, STATED]) {
    for (const match of text.matchAll(pattern)) {
      const name = BY_LOWER.get((match[1] ?? '').toLowerCase());
      const value = name ? typeValue(name, match[2] ?? '') : undefined;
      if (name && value !== undefined) facts[name] = value;
    }
  }
  return Object.keys(facts).length > 0 ? facts : undefined;
}
