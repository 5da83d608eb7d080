/**
 * Cleans pasted text before parsing: HTML from the client (`<p>`, `<br>`, `<pre>`, `<code>`, Teams' `<div>`s), line
 * numbers, Windows line endings, prompts (`PS C:\>`, `C:\>`), quote and comment prefixes (`> `, `# `), and line
 * breaks that a client collapsed into spaces or dropped altogether (restored before known keys).
 *
 *   PS C:\> Get-MpComputerStatus
 *   AMRunningMode                    : Normal
 */

import { htmlToText } from '../matching/normalize-text.js';
import { LINE_KEYS, REG_VALUE_KEYS } from './property-names.js';

// A PowerShell or cmd prompt at the start of a line; the command after it is kept.
const PROMPT = /^\s*(?:PS\s+[A-Za-z]:\\[^>\n]*>|[A-Za-z]:\\[^>\n]*>)\s?/u;
// Chat quoting and comment prefixes, possibly repeated ("> > ", "# ").
const PREFIX = /^\s*(?:(?:>|#)\s?)+/u;

/** Returns the lines of `text` with line endings unified and prompts and prefixes removed (indentation kept). */
export function pasteLines(text: string): string[] {
  return text
    .replace(/\r\n?/gu, '\n')
    .split('\n')
    .map((line) => {
      const withoutPrefix = PREFIX.test(line) && !/^\s*#\s*$/u.test(line) ? line.replace(PREFIX, '') : line;
      return withoutPrefix.replace(PROMPT, '');
    });
}

/**
 * Restores line breaks before each occurrence of `keys` that is not at the start of a line. Teams sometimes
 * sends "AMRunningMode : Normal AntivirusEnabled : True" for a pasted list; the keys are where lines began.
 */
export function restoreLineBreaks(text: string, keys: RegExp): string {
  return text.replace(keys, (match, ...rest: unknown[]) => {
    const offset = rest[rest.length - 2] as number;
    if (offset === 0 || text[offset - 1] === '\n') return match;
    return `\n${match.trimStart()}`;
  });
}

// Tags a client wraps pasted lines in; any of them means the text is HTML, not output that happens to hold a "<".
const HTML_MARKUP = /<\/?(?:p|br|div|pre|code|span|blockquote|ol|ul|li)\b[^>]*>/iu;
// "12  text", "12. text", "12: text", "12) text", "12 | text": an editor's or a viewer's line numbers.
const LINE_NUMBER = /^\s*(\d{1,5})(?:[.:)|][ \t]?|[ \t]|$)/u;
// A known key that starts a line: "Name : value" (lists, events, sc) or "Name  REG_DWORD  value" (reg query).
const LINE_KEY = new RegExp(
  `(?:${LINE_KEYS.join('|')})(?=[ \\t]*:)|(?:${REG_VALUE_KEYS.join('|')})(?=[ \\t]+REG_)`,
  'gu',
);

/** Returns `lines` without line numbers when (nearly) every line carries the next number; otherwise unchanged. */
function removeLineNumbers(lines: readonly string[]): readonly string[] {
  const numbered = lines.map((line) => LINE_NUMBER.exec(line));
  const present = lines.filter((line) => line.trim() !== '').length;
  const numbers = numbered.flatMap((match) => (match ? [Number(match[1])] : []));
  const consecutive = numbers.every((value, index) => index === 0 || value === (numbers[index - 1] ?? 0) + 1);
  if (numbers.length < 2 || numbers.length < present * 0.9 || !consecutive) return lines;
  return lines.map((line, index) => (numbered[index] ? line.slice(numbered[index][0].length) : line));
}

/**
 * Restores the line breaks a client dropped without a trace ("...0.0.0.0AMProductVersion : 4.18..."): a known key
 * glued to the text before it starts a new line. The scan is leftmost-longest, so a key inside a longer key
 * (ActivityId in RelatedActivityId) is never split off.
 */
function restoreGluedLines(text: string): string {
  return text.replace(LINE_KEY, (key: string, offset: number) =>
    offset > 0 && /\S/u.test(text[offset - 1] ?? '') ? `\n${key}` : key,
  );
}

// The user's sentence glued to the last value when a client dropped the line break ("IntuneHow do I ...",
// "True改ざん防止を..."): a question word or Japanese right after a letter or digit starts a new line.
const GLUED_SENTENCE =
  /(?<=[a-z0-9])(?=(?:How|What|Why|Where|When|Which|Can|Could|Should|Would|Is|Are|Do|Does|Did|Please|So|But|Any|Help|Thanks|The|This|That|These|We|Our|My|It|I|Also|Now|Then|After|Before|If)\b)|(?<=[A-Za-z0-9])(?=[\u3040-\u30ff\u4e00-\u9fff])/gu;

/** Returns `text` as the lines it was printed in, whatever the client did to them (HTML, numbers, lost breaks). */
export function preparePaste(text: string): string {
  const plain = HTML_MARKUP.test(text) ? htmlToText(text) : text;
  const lines = removeLineNumbers(plain.replace(/\r\n?/gu, '\n').split('\n'));
  return restoreGluedLines(lines.join('\n')).replace(GLUED_SENTENCE, '\n');
}
