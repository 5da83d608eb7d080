/**
 * Tells whether text that no parser could read still looks like command output (so the bot asks for it again in
 * a form that keeps its lines, instead of answering "not found"). A question that names a command is not output.
 *
 *   PS C:\> Get-MpComputerStatusAMEngineVersion : 1.1.24050.5AMProductVersion ...
 */

import { LINE_KEYS } from './property-names.js';
import { pasteLines, preparePaste } from './prepare-paste.js';

const KNOWN_KEY = new RegExp(`(?:${LINE_KEYS.join('|')})[ \\t]*:`, 'gu');
// Structures only output has; each is one signal.
const SIGNALS: readonly RegExp[] = [
  // A shell prompt followed by more text.
  /(?:^|\n)\s*(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,200}>\s*\S/u,
  // A table underline of two or more columns.
  /-{3,}[ \t]+-{3,}/u,
  // Registry and service output.
  /\bREG_(?:DWORD|SZ|QWORD|MULTI_SZ|EXPAND_SZ)\b|\bHKEY_[A-Z_]+\\/u,
  /\bSERVICE_NAME\s*:|\bWIN32_EXIT_CODE\b|\[SC\]\s*\w+/u,
  // Lines only MpCmdRun and Defender events print.
  /ValidateMapsConnection\s+(?:failed|successfully)|RunCommandValidateMapsConnection|MpCmdRun(?:\.exe)?\s*:\s*(?:hr|Start|End)|\bCmdTool\s*:/u,
  /Microsoft Defender Antivirus (?:Configuration has changed|has detected)|Tamper Protection blocked a change|\b(?:Old|New) value\s*:/iu,
];
// "Name   : value" with the colon padded, as Format-List prints it; three of them are list output, also on one line.
const PADDED_KEY = /[A-Z][A-Za-z0-9_]{2,}[ \t]+:[ \t]/gu;
// "Name : value" lines in a row are list output.
const KEY_VALUE_LINE = /^\s*[A-Za-z][\w.-]{2,40}\s*:\s*\S/u;

/** Returns true when `text` has the structure of command output (prompts, tables, `Name : value` lines, known keys). */
export function looksLikeOutput(text: string): boolean {
  const prepared = preparePaste(text.slice(0, 50_000));
  const knownKeys = [...prepared.matchAll(KNOWN_KEY)].length;
  const keyValueLines = pasteLines(prepared).filter((line) => KEY_VALUE_LINE.test(line)).length;
  const signals = SIGNALS.filter((pattern) => pattern.test(prepared)).length;
  const paddedKeys = [...prepared.matchAll(PADDED_KEY)].length;
  return knownKeys >= 2 || keyValueLines >= 3 || paddedKeys >= 3 || signals >= 1;
}
