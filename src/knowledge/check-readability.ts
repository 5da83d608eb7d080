/**
 * Readability rules for knowledge text: the short answer fits an employee, and no text carries a placeholder in angle
 * brackets.
 */

import type { Language } from '../i18n/language.js';
import type { KnowledgeEntry } from './knowledge-entry.js';

/** Longest short answer, in characters (code points): about two or three chat lines on desktop and mobile. */
const SHORT_MAX_CHARS: Readonly<Record<Language, number>> = Object.freeze({ ja: 200, en: 350 });

// What reads as a command, a cmdlet, a tool or a registry path: kept out of the employee's short answer.
const COMMAND_LIKE: readonly RegExp[] = [
  /\b(?:Get|Set|Add|Remove)-Mp[A-Za-z]+/u,
  /\bMpCmdRun\b/iu,
  /\bnetsh\b/iu,
  /\breg(?:\.exe)?\s+(?:add|query|delete)\b/iu,
  /\bsc(?:\.exe)?\s+query\b/iu,
  /\bHKLM\\|\bHKEY_[A-Z_]+/u,
  /%ProgramFiles%/iu,
  /(?:^|\s)-[A-Z][A-Za-z]+\b/u,
];

// "<proxy>:<port>", "<server name>": Teams may drop what looks like a tag, and readers copy the brackets.
const ANGLE_PLACEHOLDER = /<[^<>\n]{1,40}>/u;

/** Returns [field path, message] for every readability problem of `entry`. */
export function readabilityProblems(entry: KnowledgeEntry): Array<[string, string]> {
  const problems: Array<[string, string]> = [];
  const texts: Array<[string, string]> = [];
  entry.commands.forEach((command, index) => {
    texts.push([`commands[${index}].text`, command.text]);
    for (const language of ['ja', 'en'] as const)
      texts.push([`commands[${index}].purpose.${language}`, command.purpose[language]]);
  });
  for (const language of ['ja', 'en'] as const) {
    const local = entry[language];
    const length = [...local.short].length;
    if (length > SHORT_MAX_CHARS[language]) {
      problems.push([
        `${language}.short`,
        `${length} characters; the short answer has at most ${SHORT_MAX_CHARS[language]} (move details to answer)`,
      ]);
    }
    const command = entry.commands.find((item) => item.text !== '' && local.short.includes(item.text));
    if (command)
      problems.push([`${language}.short`, `contains the command '${command.id}' (commands belong in the admin part)`]);
    else if (COMMAND_LIKE.some((pattern) => pattern.test(local.short)))
      problems.push([`${language}.short`, 'reads like a command or registry path (commands belong in the admin part)']);
    texts.push(
      [`${language}.short`, local.short],
      [`${language}.answer`, local.answer],
      ...local.steps.map((step, index): [string, string] => [`${language}.steps[${index}]`, step]),
      ...local.warnings.map((warning, index): [string, string] => [
        `${language}.warnings[${index}].text`,
        warning.text,
      ]),
      ...local.links.map((link, index): [string, string] => [`${language}.links[${index}].title`, link.title]),
    );
  }
  for (const [path, text] of texts) {
    const placeholder = ANGLE_PLACEHOLDER.exec(text);
    if (placeholder)
      problems.push([
        path,
        `placeholder '${placeholder[0]}' in angle brackets (write it like PROXY_HOST:PORT and say what to replace)`,
      ]);
  }
  return problems;
}
