/**
 * Cleans pasted text before parsing: Windows line endings, prompts (`PS C:\>`, `C:\>`), quote and comment prefixes
 * (`> `, `# `), and line breaks that Teams collapsed into spaces (restored before known keys).
 *
 *   PS C:\> Get-MpComputerStatus
 *   AMRunningMode                    : Normal
 */

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
