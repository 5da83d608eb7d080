/**
 * Splits a message into the command output it holds and the words around it. Helpdesk staff write what they did,
 * paste a few lines and ask what to do next: the output is read into facts, the words are matched as a question.
 *
 *   Checked the cloud settings first:                       ← words
 *   MAPSReporting                                 : 2       ← output
 *   So the setting looks fine. What's the next step?        ← words
 *
 * A value stated in a sentence ("MAPSReporting is 2, so ...") stays in the words: the sentence is the user's.
 */

import { LINE_KEYS, REG_VALUE_KEYS } from './property-names.js';
import { pasteLines, preparePaste } from './prepare-paste.js';

export interface SplitMessage {
  /** The lines of output, in order (blank lines between blocks kept). */
  readonly output: string;
  /** The user's own lines, joined with line breaks. */
  readonly words: string;
}

const KNOWN_KEY_LINE = new RegExp(`^\\s*(?:${LINE_KEYS.join('|')})\\s*:`, 'u');
const REG_VALUE_LINE = new RegExp(
  `^\\s*(?:${REG_VALUE_KEYS.join('|')}|\\S+)\\s+REG_(?:DWORD|SZ|QWORD|MULTI_SZ|EXPAND_SZ|BINARY)\\b`,
  'u',
);
// Lines only output has: each pattern is tested on one line.
const OUTPUT_LINE: readonly RegExp[] = [
  // A PowerShell or cmd prompt with a command after it, also in a remote session ("[10.0.0.5]: PS C:\>").
  /^\s*(?:\[[^\]\n]{1,100}\]:\s*)?(?:PS\s+)?[A-Za-z]:\\[^>\n]{0,200}>\s*\S/u,
  // A log or table row that starts with a date and a time ("12/2/2021 10:59:21 AM 1116 Warning ...").
  /^\s*\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\s+\d{1,2}:\d{2}(?!.*[\u3040-\u30ff\u4e00-\u9fff])/u,
  // MpCmdRun's progress and result lines.
  /^\s*(?:CmdTool\s*:|Scan (?:starting|finished)\b)/u,
  // "Name   : value" with the colon padded, as Format-List and sc.exe print it.
  /^\s*[A-Za-z][A-Za-z0-9_]{2,}[ \t]{2,}:/u,
  KNOWN_KEY_LINE,
  REG_VALUE_LINE,
  /^\s*HKEY_[A-Z_]+(?:\\|\s*$)|^\s*HK(?:LM|CU)\\/u,
  // MpCmdRun -ValidateMapsConnection and its banner.
  /^\s*ValidateMapsConnection\b|^\s*MpCmdRun(?:\.exe)?\s*:|^\s*Start Time\s*:|^\s*End Time\s*:|^\s*MpEnsureProcessMitigationPolicy\s*:|^\s*-{5,}.*-{5,}\s*$/u,
  /^\s*Mp[A-Za-z]+\(\)\s*:|^\s*Last Successful MAPS connection\s*:/u,
  // sc.exe, and the system message of its failure.
  /^\s*(?:The specified service does not exist as an installed service|Access is denied)\.?\s*$/u,
  /^\s*\[SC\]|^\s*\((?:[A-Z_]+,\s*)*[A-Z_]+\)\s*$/u,
  // Event text: Defender's messages and their "Name: value" detail lines.
  /^\s*(?:Microsoft Defender Antivirus|Tamper Protection blocked a change|Windows Defender)\b/iu,
  /\bthis may be the result of malware\.?\s*$|\\[^\s\\]+ = 0x[0-9a-f]+\s*$/iu,
  /^\s*(?:Old|New) value\s*:|^\s*(?:Value|Feature Name|Product Name|Product Version|Log Name|Source|Date|Event ID|Level|User|Computer|Task Category|Keywords)\s*:/iu,
];
// A reading written inside a sentence ("見たら IsTamperProtected : True / ..."): a fact, not part of the question.
const INLINE_READING = new RegExp(`(?<![A-Za-z0-9_])(?:${LINE_KEYS.join('|')})[ \\t]*:[ \\t]*[^\\s、。，,／/]+`, 'gu');
// A table's dashed underline; the line above it is the header, the lines below it the rows.
const UNDERLINE = /^\s*-{2,}(?:\s+-{2,})*\s*$/u;
// Text that is clearly a sentence: Japanese, or several words ending like prose.
const PROSE = /[\u3040-\u30ff\u4e00-\u9fff]|[a-z]{2,}[ ,]+[a-z]{2,}[ ,]+[a-z]{2,}.*[.?!:]\s*$/iu;

// A command on a line of its own (what was run, without its prompt), followed by its arguments; also
// "(Get-MpPreference).MAPSReporting" and "& 'C:\...\MpCmdRun.exe' -...".
const COMMAND =
  /^\s*[(&]?\s*(?:(?:Get|Set|Add|Remove)-Mp[A-Za-z]+|Get-WinEvent|(?:sc|reg)(?:\.exe)?\s+query|netsh\s+winhttp|"?[^"\s]*MpCmdRun(?:\.exe)?"?\s+-)(?![\w-])(.*)$/iu;
// Lower-case words a command's arguments may have; other plain words make the line a sentence ("... on a test VM
// shows").
const ARGUMENT_WORDS = new Set([
  'select',
  'where',
  'sort',
  'show',
  'set',
  'reset',
  'import',
  'proxy',
  'query',
  'sense',
  'windefend',
  'fl',
  'ft',
  'true',
  'false',
]);

/** True for a command with arguments only: no Japanese, and at most two plain words that are not arguments. */
function isCommandLine(line: string): boolean {
  const command = COMMAND.exec(line);
  if (!command || /[\u3040-\u30ff\u4e00-\u9fff]/u.test(line)) return false;
  const plainWords = (command[1] ?? '').match(/(?<![-\w$\\/.])[a-z]+(?![-\w\\/.])/gu) ?? [];
  return plainWords.filter((word) => !ARGUMENT_WORDS.has(word)).length <= 2;
}

/** Returns true for a line that only output (or the command that printed it) has. */
function isOutputLine(line: string): boolean {
  return isCommandLine(line) || OUTPUT_LINE.some((pattern) => pattern.test(line));
}

/** Splits `text` (plain text; HTML already chosen by the caller) into output lines and the user's words. */
export function splitMessage(text: string): SplitMessage {
  return splitPreparedMessage(preparePaste(text));
}

/** Splits text already prepared (preparePaste) into output lines and the user's words. */
export function splitPreparedMessage(text: string): SplitMessage {
  const prepared = text.split('\n');
  // Lines are classified with their prompts; the words are kept without chat quote prefixes.
  const lines = prepared;
  const plain = pasteLines(prepared.join('\n'));
  const output = new Array<boolean>(lines.length).fill(false);
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    if (line.trim() === '') continue;
    if (UNDERLINE.test(line)) {
      output[index] = true;
      // The header above, and the rows below until a blank line or a sentence.
      if (index > 0 && (lines[index - 1] ?? '').trim() !== '') output[index - 1] = true;
      for (
        let row = index + 1;
        row < lines.length && (lines[row] ?? '').trim() !== '' && !PROSE.test(lines[row] ?? '');
        row += 1
      )
        output[row] = true;
      continue;
    }
    if (isOutputLine(line)) {
      output[index] = true;
      continue;
    }
    // An indented line right after output continues it (a wrapped event message, "  (STOPPABLE, ...)"), and so does a
    // single value that is not a sentence ("0" after a "(Get-MpPreference).MAPSReporting" prompt).
    const previous = index > 0 && output[index - 1] === true;
    if (previous && (/^\s/u.test(line) || (!PROSE.test(line) && /^\S{1,40}$/u.test(line.trim())))) output[index] = true;
  }
  const pick = (from: readonly string[], wanted: boolean): string[] =>
    from.filter((_, index) => output[index] === wanted);
  const words = pick(plain, false)
    .map((line) => line.replace(INLINE_READING, ' ').replace(/[ \t]{2,}/gu, ' '))
    .filter((line) => line.trim() !== '');
  return { output: pick(lines, true).join('\n').trim(), words: words.join('\n').trim() };
}
